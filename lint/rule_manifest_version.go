package lint

import (
	"fmt"
	"slices"
	"strings"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// ruleManifestVersion reports a manifestVersion that is not exactly one of
// the versions the schema lists, or not the one the job's kind requires.
var ruleManifestVersion = &Rule{
	Name:     "manifest-version",
	Severity: parser.SeverityError,
	Summary:  `manifestVersion not exactly "2.0" or "3.0", or the wrong one for the kind`,
	Doc: `manifestVersion is compared as exact text: S3 imports and exports use
2.0, EBS and Glacier imports 3.0. Anything else, even "2.0;" with a stray
semicolon as in one of AWS's own examples, or "2", fails CreateJob with
InvalidManifestFieldException. When removing stray characters leaves a
valid version that fits the job, the rule offers a safe fix that does
just that; when the version does not fit the job's kind, it offers to
write the kind's version (an unsafe fix: the kind may be what is wrong).
An absent or empty manifestVersion is reported by missing-required.`,
	Avoid:         "manifestVersion: 2.0;\nbucket: photos-2026-archive\n",
	Prefer:        "manifestVersion: 2.0\nbucket: photos-2026-archive\n",
	Check:         checkManifestVersion,
	ServiceErrors: []string{"InvalidManifestFieldException"},
}

// optVersion is the option the rule checks, the first top-level option of
// type Version: manifestVersion.
var optVersion = func() *schema.Option {
	if i := slices.IndexFunc(schema.Top, func(o *schema.Option) bool { return o.Type == schema.Version }); i >= 0 {
		return schema.Top[i]
	}
	return nil
}()

func checkManifestVersion(p *Pass) {
	o := optVersion
	if o == nil {
		return
	}
	e := p.Top().Lookup(o.Name)
	if e == nil || e.Value == nil || e.Value.Text == "" {
		return
	}
	v, want := e.Value.Text, p.Kind.ManifestVersion()
	d := parser.Diagnostic{Start: e.Value.Pos(), End: e.Value.End()}
	fix := func(to string, safe bool) {
		d.Data = &parser.Data{Value: to}
		d.Fixes = []parser.Fix{{
			Title: fmt.Sprintf("replace %s with %q", shown(v), to),
			Safe:  safe,
			Edits: []parser.TextEdit{replaceScalar(e.Value, to)},
		}}
	}
	switch stripped := versionChars(v); {
	case slices.Contains(o.Values, v):
		if want == "" || v == want {
			return
		}
		d.Message = fmt.Sprintf("%s must be %q for %s jobs, not %q", o.Name, want, p.Kind, v)
		fix(want, false)
	case slices.Contains(o.Values, stripped) && (want == "" || stripped == want):
		d.Message = fmt.Sprintf("invalid %s %s; did you mean %q?", o.Name, shown(v), stripped)
		fix(stripped, !strings.Contains(v, "#")) // never drop what may be a comment unseen
	case want != "":
		d.Message = fmt.Sprintf("invalid %s %s; %s jobs need %q", o.Name, shown(v), p.Kind, want)
		fix(want, false)
	default:
		d.Message = fmt.Sprintf("invalid %s %s (valid: %s)", o.Name, shown(v), strings.Join(o.Values, ", "))
	}
	p.Report(d)
}

// versionChars returns v with every character other than digits and dots
// removed.
func versionChars(v string) string {
	return strings.Map(func(r rune) rune {
		if r == '.' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, v)
}
