package request

import (
	"bytes"
	"errors"
	"fmt"
	"slices"

	"github.com/iekit/iekit/format"
	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// Options say which request to build.
type Options struct {
	Action       string // CreateJob when empty
	JobType      string // Import or Export; inferred from the manifest when empty
	JobID        string // for UpdateJob, GetStatus and CancelJob
	ValidateOnly bool   // ask the service only to validate the manifest
	KeepComments bool   // send the manifest's comments too
}

// Build returns the parameters of a request, unsigned. For CreateJob and
// UpdateJob, manifest is sent in its canonical form (as iefmt writes it),
// without comments unless opt.KeepComments, and the job type comes from
// the kind of job the manifest describes unless opt.JobType says it. A
// manifest with syntax errors gives a parser.Diagnostics error.
func Build(manifest []byte, opt Options) (Params, error) {
	name := opt.Action
	if name == "" {
		name = "CreateJob"
	}
	action := LookupAction(name)
	if action == nil {
		return nil, fmt.Errorf("unknown action %q; the actions are CreateJob, UpdateJob, GetStatus, CancelJob and ListJobs", name)
	}
	var f *parser.File
	if slices.Contains(action.Required, "Manifest") {
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
		}
	}
	if name == "CreateJob" || name == "UpdateJob" {
		ps = append(ps, Param{"ValidateOnly", fmt.Sprint(opt.ValidateOnly)})
	}
	return append(ps, Param{"Version", APIVersion}), nil
}

// jobType returns the given job type, or the one of the manifest's kind.
func jobType(f *parser.File, given string) (string, error) {
	switch given {
	case "Import", "Export":
		return given, nil
	case "":
	default:
		return "", fmt.Errorf("invalid job type %q; use Import or Export", given)
	}
	kind, _ := schema.Infer(f)
	if kind == schema.KindUnknown {
		return "", errors.New("cannot tell the job type from the manifest; give it (Import or Export)")
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
