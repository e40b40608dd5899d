package lint

import (
	"fmt"
	"strings"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// ruleMissingRequired reports a top-level option or an operations field
// that the job's kind requires and the manifest lacks or leaves empty.
var ruleMissingRequired = &Rule{
	Name:     "missing-required",
	Severity: parser.SeverityError,
	Summary:  "a required option or operations field is absent or empty",
	Doc: `Each kind of job requires some options: every job needs manifestVersion,
accessKeyId, deviceId and returnAddress; an S3 import needs bucket and
eraseDevice, an export fileSystem, logBucket and operations, and each
operations item needs the fields of its kind (exportBucket; destination,
source and region; vaultName and archiveComment for Glacier). A manifest
without one, or with the key but no value, fails CreateJob with
MissingManifestFieldException. Add the option with its value.

A missing top-level option has no place of its own in the file, so it is
reported on the first key of the manifest (or on a key that differs from
it only in case), where an editor shows it on the first line; a missing
operations field is reported on the dash of its item, an empty one on its
key. The fields of returnAddress and customs are checked by the address
and customs rules, and options that are required only in some
circumstances are not reported here. Nothing is reported while the job
kind is unknown.

An unsafe fix adds every key the top level, or an item, lacks, at the
end of it: empty for you to fill in, or with the one value the kind
allows (manifestVersion, source).`,
	Avoid:         "manifestVersion: 2.0\nbucket: photos-2026-archive\ndeviceId:\n",
	Prefer:        "manifestVersion: 2.0\naccessKeyId: AKIAQWERTYUIOPASDFGH\ndeviceId: WD-WCC4E1234567\nbucket: photos-2026-archive\neraseDevice: yes\nreturnAddress:\n    name: Jane Doe\n",
	Check:         checkMissingRequired,
	Scope:         ScopeItem,
	ServiceErrors: []string{"MissingManifestFieldException"},
}

func checkMissingRequired(p *Pass) {
	if p.Kind == schema.KindUnknown {
		return
	}
	top := p.Top()
	var missing []*schema.Option
	for _, o := range schema.Top {
		if o.RequiredIn(p.Kind) && lacks(top, o.Name) {
			missing = append(missing, o)
		}
	}
	fix := addTopFix(p, missing)
	for _, o := range schema.Top {
		if !o.RequiredIn(p.Kind) {
			continue
		}
		e := top.Lookup(o.Name)
		switch {
		case e == nil:
			d := parser.Diagnostic{Start: p.File.Pos(), End: p.File.Pos(),
				Message: fmt.Sprintf("missing required option %q for %s jobs", o.Name, p.Kind),
				Data:    &parser.Data{Keys: []string{o.Name}}}
			if lacks(top, o.Name) {
				d.Fixes = fix // else the key is there in another case: unknown-key renames it
			}
			if at := missingAt(top, o.Name); at != nil {
				d.Start, d.End = at.Pos(), at.End()
			}
			p.Report(d)
		case empty(e):
			p.Reportf(e.Key, "%q is empty", o.Name)
		case o.Type == schema.OperationList:
			checkOperationItems(p, e, o)
		}
	}
}

// missingAt returns the key to report a missing top-level option on: a
// key that differs from name only in case, or else the first key.
func missingAt(top *parser.Mapping, name string) *parser.Key {
	for _, e := range top.Entries {
		if strings.EqualFold(e.Key.Name, name) {
			return e.Key
		}
	}
	if len(top.Entries) > 0 {
		return top.Entries[0].Key
	}
	return nil
}

// checkOperationItems reports the fields the kind requires that an
// operations item lacks or leaves empty.
func checkOperationItems(p *Pass, e *parser.Entry, o *schema.Option) {
	list, ok := e.Block.(*parser.List)
	if !ok {
		return
	}
	for _, it := range list.Items {
		m, _ := it.Block.(*parser.Mapping)
		var fix []parser.Fix // made for the first field missing: most items lack none
		fixMade := false
		for _, f := range o.Fields {
			if !f.RequiredIn(p.Kind) {
				continue
			}
			var fe *parser.Entry
			if m != nil {
				fe = m.Lookup(f.Name)
			}
			switch {
			case fe == nil:
				if m != nil && !fixMade {
					fix, fixMade = addFieldsFix(p, m, o, missingFields(p, m, o)), true
				}
				dash := it.Pos()
				p.Report(parser.Diagnostic{
					Start: dash, End: parser.Pos{Offset: dash.Offset + 1, Line: dash.Line, Col: dash.Col + 1},
					Message: fmt.Sprintf("%s item is missing required field %q", o.Name, f.Name),
					Data:    &parser.Data{Keys: []string{f.Name}}, Fixes: onlyIf(m == nil || lacks(m, f.Name), fix),
				})
			case empty(fe):
				p.Reportf(fe.Key, "%q is empty", f.Name)
			}
		}
	}
}
