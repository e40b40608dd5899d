package request

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/iekit/iekit/format"
	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// Options say which request to build.
type Options struct {
	Action       string // CreateJob when empty
	JobType      string // Import or Export; must agree with the manifest's kind when it has one
	JobID        string // for UpdateJob, GetStatus and CancelJob; for GetShippingLabel, job IDs separated by commas
	ValidateOnly bool   // ask the service only to validate the manifest
	KeepComments bool   // send the manifest's comments too

	// Address overrides, for GetShippingLabel, the return address fields
	// (AddressParams) the manifest's returnAddress gives.
	Address map[string]string

	// Optional are more of the action's optional parameters, such as
	// MaxJobs and Marker for ListJobs, sent after the others.
	Optional Params
}

// Build returns the parameters of a request, unsigned. For CreateJob and
// UpdateJob, manifest is sent in its canonical form (as iefmt writes it),
// without comments unless opt.KeepComments, and the job type comes from
// the kind of job the manifest describes; opt.JobType gives it for a
// manifest whose kind cannot be told, and must agree with it otherwise. For
// GetShippingLabel, the return address comes from the manifest's
// returnAddress (manifest may be empty), field by field unless
// opt.Address gives it. A manifest with syntax errors gives a
// parser.Diagnostics error.
func Build(manifest []byte, opt Options) (Params, error) {
	name := opt.Action
	if name == "" {
		name = "CreateJob"
	}
	action := LookupAction(name)
	if action == nil {
		return nil, fmt.Errorf("unknown action %q; the actions are %s", name, strings.Join(ActionNames(), ", "))
	}
	var f *parser.File
	if slices.Contains(action.Required, "Manifest") || name == "GetShippingLabel" && len(manifest) > 0 {
		var diags parser.Diagnostics
		if f, diags = parser.Parse("", manifest); diags.HasErrors() {
			return nil, diags.Err()
		}
	}
	ps := Params{{"Action", name}}
	for _, p := range action.Required {
		switch p {
		case "JobId":
			if opt.JobID == "" {
				return nil, fmt.Errorf("%s needs a job ID", name)
			}
			ps = append(ps, Param{"JobId", opt.JobID})
		case "JobType":
			jobType, err := jobType(f, opt.JobType)
			if err != nil {
				return nil, err
			}
			ps = append(ps, Param{"JobType", jobType})
		case "Manifest":
			ps = append(ps, Param{"Manifest", wire(f, opt.KeepComments)})
		case "ValidateOnly":
			ps = append(ps, Param{"ValidateOnly", fmt.Sprint(opt.ValidateOnly)})
		case "jobIds":
			ids := strings.Split(opt.JobID, ",")
			for i, id := range ids {
				if id = strings.TrimSpace(id); id == "" {
					return nil, fmt.Errorf("%s needs one or more job IDs, separated by commas", name)
				}
				ps = append(ps, Param{fmt.Sprintf("jobIds.member.%d", i+1), id})
			}
		}
	}
	if name == "GetShippingLabel" {
		ps = append(ps, address(f, opt.Address)...)
	}
	for _, p := range opt.Optional {
		if !slices.Contains(action.Optional, p.Name) {
			return nil, fmt.Errorf("%s takes no optional parameter %q; it takes %s", name, p.Name, strings.Join(action.Optional, ", "))
		}
		if _, dup := ps.Get(p.Name); dup {
			return nil, fmt.Errorf("parameter %s given twice", p.Name)
		}
		if why := invalid(p.Name, p.Value); why != "" {
			return nil, errors.New(why)
		}
		ps = append(ps, p)
	}
	ps = append(ps, Param{"Version", APIVersion})
	for _, p := range ps {
		if why := notText(p); why != "" {
			return nil, errors.New(why)
		}
	}
	return ps, nil
}

// notText says why the value of p cannot be sent, as the decoder would
// report it: it is not UTF-8, or it holds a control character other than
// a tab or a line break; or it returns "". The value is not quoted: it
// may be a manifest, and hold a secret.
func notText(p Param) string {
	if !utf8.ValidString(p.Value) {
		return fmt.Sprintf("%s is not UTF-8 text", p.Name)
	}
	for i := 0; i < len(p.Value); i++ {
		if control(p.Value[i]) {
			return fmt.Sprintf("%s holds the control character U+%04X", p.Name, p.Value[i])
		}
	}
	return ""
}

// control reports whether c is a control character a parameter may not
// hold: C0 but tab, LF and CR, and DEL.
func control(c byte) bool {
	return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f
}

// address returns the return address parameters of GetShippingLabel: each
// field of over, or else of the manifest's returnAddress, in the order of
// AddressParams; empty fields are left out.
func address(f *parser.File, over map[string]string) Params {
	var block *parser.Mapping
	if f != nil {
		if e := f.Body.Lookup("returnAddress"); e != nil {
			block, _ = e.Block.(*parser.Mapping)
		}
	}
	var ps Params
	for _, name := range AddressParams {
		v, ok := over[name]
		if !ok && block != nil {
			if e := block.Lookup(name); e != nil && e.Value != nil {
				v = e.Value.Text
			}
		}
		if v != "" {
			ps = append(ps, Param{name, v})
		}
	}
	return ps
}

// jobType returns the job type of the manifest's kind, or the given one
// for a manifest whose kind cannot be told. A given job type that
// contradicts the manifest's kind is an error: the service would load an
// import's device as an export, or the reverse.
func jobType(f *parser.File, given string) (string, error) {
	switch given {
	case "Import", "Export", "":
	default:
		return "", fmt.Errorf("invalid job type %q; use Import or Export", given)
	}
	kind, _ := schema.Infer(f)
	switch {
	case kind == schema.KindUnknown && given == "":
		return "", errors.New("cannot tell the job type from the manifest; give it (Import or Export)")
	case kind == schema.KindUnknown:
		return given, nil
	case given != "" && given != kind.JobType():
		return "", fmt.Errorf("job type %q contradicts the manifest: its kind, %s, has the job type %s", given, kind, kind.JobType())
	}
	return kind.JobType(), nil
}

// WireManifest returns the manifest as the Manifest parameter carries it:
// its canonical form, without comments unless keep is set. A manifest
// with syntax errors gives a parser.Diagnostics error.
func WireManifest(src []byte, keep bool) (string, error) {
	f, diags := parser.Parse("", src)
	if diags.HasErrors() {
		return "", diags.Err()
	}
	return wire(f, keep), nil
}

// wire prints a parsed manifest in canonical form, without comments
// unless keep is set. It takes the comments out of f.
func wire(f *parser.File, keep bool) string {
	if !keep {
		stripComments(f)
	}
	var b bytes.Buffer
	format.Node(&b, f) // a bytes.Buffer does not fail
	return b.String()
}

// stripComments removes every comment from a tree.
func stripComments(f *parser.File) {
	parser.Inspect(f, func(n parser.Node) bool {
		switch n := n.(type) {
		case *parser.Mapping:
			n.Trailing = nil
		case *parser.List:
			n.Trailing = nil
		case *parser.Entry:
			n.Comments = nil
		case *parser.Item:
			n.Comments = nil
		}
		return true
	})
}
