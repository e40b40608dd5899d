package lint

import (
	"fmt"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// ruleNotForJobKind reports an option, at the top level or in an
// operations item, that the job's kind does not accept.
var ruleNotForJobKind = &Rule{
	Name:     "not-for-job-kind",
	Severity: parser.SeverityWarning,
	Summary:  "an option that the job's kind does not accept",
	Doc: `Many options belong to one kind of job: fileSystem and recoveryDirectory
to S3 exports, acl, contentTypes and ignore to S3 imports, vaultName to
Glacier imports. Written in a manifest of another kind, the option is at
best ignored by the service and at worst rejected with
InvalidManifestFieldException; either way it shows a misunderstanding of
what the job will do, such as an import manifest copied from an export.
Remove the option, or check that the job kind (told by bucket or the
operations, or given with -kind) is the one you mean. Nothing is reported
while the kind is unknown.`,
	Avoid:         "bucket: photos-2026-archive\nfileSystem: NTFS\n",
	Prefer:        "bucket: photos-2026-archive\nacl: private\n",
	Check:         checkNotForJobKind,
	ServiceErrors: []string{"InvalidManifestFieldException"},
}

func checkNotForJobKind(p *Pass) {
	if p.Kind == schema.KindUnknown {
		return
	}
	for _, f := range p.fields() {
		e, in, o := f.Entry, f.In, f.Option
		if o == nil || o.AppliesIn(p.Kind) {
			continue
		}
		if in != nil && !in.AppliesIn(p.Kind) {
			continue // the block itself is reported
		}
		if _, ok := misplacedHome(f, p.Kind); ok {
			continue // misplaced-key
		}
		p.Report(parser.Diagnostic{
			Start: e.Key.Pos(), End: e.Key.End(),
			Message: fmt.Sprintf("%q is not used by %s jobs", o.Name, p.Kind),
			Related: kindMarker(p),
		})
	}
}

// kindMarker points at the marker that gives the job its kind, unless the
// kind was forced.
func kindMarker(p *Pass) []parser.Related {
	if p.Forced {
		return nil
	}
	for _, m := range p.Markers {
		if m.Kind == p.Kind {
			return []parser.Related{{Start: m.Node.Pos(), End: m.Node.End(),
				Message: fmt.Sprintf("this makes it %s job", kindArticle(p.Kind))}}
		}
	}
	return nil
}
