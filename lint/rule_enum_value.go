package lint

import (
	"fmt"
	"slices"
	"strings"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// ruleEnumValue reports a value outside the list of its option: acl,
// serviceLevel, fileSystem, storageClass, and the operations and customs
// fields that take one of a list.
var ruleEnumValue = &Rule{
	Name:     "enum-value",
	Severity: parser.SeverityError,
	Summary:  "a value outside its option's list, with the closest valid one",
	Doc: `Options such as acl, serviceLevel, fileSystem, storageClass, destination,
source and deviceType take one of a fixed list of values, spelled exactly
(case matters: Private is not private). Any other value fails CreateJob
with InvalidManifestFieldException (InvalidFileSystemException for
fileSystem). The rule names the valid values and the closest one, and
offers to write it (an unsafe fix: check it is what you meant). In an
operations item, destination must also match the job: ebs-snapshot for an
EBS import, glacier for a Glacier import.

Some values work although the documentation does not list them, such as
the file systems EXT2, EXT3 and FAT32 for an export: they draw a warning.
Options whose list rests on thin evidence (storageClass, deviceType) draw
a warning too, never an error.`,
	Avoid:         "bucket: photos-2026-archive\nacl: Private\n",
	Prefer:        "bucket: photos-2026-archive\nacl: private\n",
	Check:         checkEnumValue,
	Scope:         ScopeItem,
	ServiceErrors: []string{"InvalidManifestFieldException", "InvalidFileSystemException"},
}

func checkEnumValue(p *Pass) {
	for _, f := range p.fields() {
		if f.Is(schema.Enum) && text(f.Entry) != "" {
			checkEnumField(p, f.Entry, f.Option, f.In)
		}
	}
}

// checkEnumField checks the value of e, an entry of enum option o in
// block in (nil: the top level).
func checkEnumField(p *Pass, e *parser.Entry, o, in *schema.Option) {
	v, valid := e.Value.Text, o.ValuesFor(p.Kind)
	if slices.Contains(valid, v) {
		return
	}
	d := parser.Diagnostic{Start: e.Value.Pos(), End: e.Value.End()}
	if o.Uncertain {
		d.Severity = parser.SeverityWarning
	}
	if slices.Contains(o.Accepted, v) {
		d.Severity = parser.SeverityWarning
		d.Message = fmt.Sprintf("%s %q works but is not in the documented list (%s)", o.Name, v, strings.Join(valid, ", "))
		p.Report(d)
		return
	}
	s := suggest(v, append(slices.Clip(valid), o.Accepted...))
	if s == "" && len(valid) == 1 {
		s = valid[0]
	}
	var forKind string
	if slices.Contains(o.Values, v) { // valid, but for another kind of job
		forKind = fmt.Sprintf(" for %s jobs", p.Kind)
	}
	if s == "" {
		d.Message = fmt.Sprintf("invalid %s %s%s (valid: %s)", o.Name, shown(v), forKind, strings.Join(valid, ", "))
	} else {
		d.Message = fmt.Sprintf("invalid %s %s%s; did you mean %q? (valid: %s)", o.Name, shown(v), forKind, s, strings.Join(valid, ", "))
		d.Data = &parser.Data{Value: s}
		d.Fixes = []parser.Fix{{
			Title: fmt.Sprintf("replace %s with %q", shown(v), s),
			Edits: []parser.TextEdit{replaceScalar(e.Value, s)},
		}}
	}
	p.Report(d)
}
