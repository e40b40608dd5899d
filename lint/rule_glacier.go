package lint

import (
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// ruleGlacier checks the Glacier fields of operations items: the vault
// name's characters and length, and the archive comment's length.
var ruleGlacier = &Rule{
	Name:     "glacier",
	Severity: parser.SeverityError,
	Summary:  "a vaultName that is not 1 to 255 of A-Za-z0-9_.-, or an archiveComment over 997 characters",
	Doc: `A Glacier import stores the device as one archive in the vault named by
vaultName, with archiveComment as the archive's description. Glacier vault
names are 1 to 255 letters, digits, "_", "." and "-", and the Import/Export
service allows at most 997 characters of comment. Anything else fails the
job with InvalidManifestFieldException; the device has already been
shipped by the time you find out.

The rule checks these fields in every operations item that has them,
whatever the job kind (not-for-job-kind reports them outside a Glacier
import).`,
	Avoid:         "operations:\n  - destination: glacier\n    source: device\n    region: us-east-1\n    vaultName: survey archive/2019\n    archiveComment: Survey data\n",
	Prefer:        "operations:\n  - destination: glacier\n    source: device\n    region: us-east-1\n    vaultName: survey-archive-2019\n    archiveComment: Survey data\n",
	Check:         checkGlacier,
	Scope:         ScopeItem,
	ServiceErrors: []string{"InvalidManifestFieldException"},
}

const (
	vaultNameMax      = 255
	archiveCommentMax = 997
)

// The fields the rule checks; the schema types them as plain text.
var (
	optVaultName      = schema.Operations.Field("vaultName")
	optArchiveComment = schema.Operations.Field("archiveComment")
)

func checkGlacier(p *Pass) {
	for _, f := range p.fields() {
		// The option is told by the field itself: the entry is read
		// only for the two fields checked.
		o := f.Option
		if o != optVaultName && o != optArchiveComment || f.In == nil || f.In.Type != schema.OperationList || f.Entry.Value == nil {
			continue
		}
		e, v := f.Entry, f.Entry.Value
		switch {
		case o == optVaultName:
			checkVaultName(p, e.Key.Name, v)
		case o == optArchiveComment:
			if n := utf8.RuneCountInString(v.Text); n > archiveCommentMax {
				p.Reportf(v, "%s is %d characters long: at most %d are allowed", e.Key.Name, n, archiveCommentMax)
			}
		}
	}
}

// checkVaultName reports a vault name's length and the characters it
// cannot have, named once each in order of appearance.
func checkVaultName(p *Pass, key string, v *parser.Scalar) {
	name := v.Text
	if name == "" || isPlaceholder(name) {
		return // missing-required's and placeholder's business
	}
	if n := utf8.RuneCountInString(name); n > vaultNameMax {
		p.Reportf(v, "%s is %d characters long: a vault name has 1 to %d", key, n, vaultNameMax)
	}
	var bad []string
	for _, r := range name {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '.' || r == '-'
		if ok {
			continue
		}
		if q := strconv.Quote(string(r)); !slices.Contains(bad, q) {
			bad = append(bad, q)
		}
	}
	if len(bad) > 0 {
		what := "character"
		if len(bad) > 1 {
			what = "characters"
		}
		label := fmt.Sprintf("%s %q", key, name)
		if neverEcho(key, name) {
			label = key
		}
		p.Reportf(v, "%s has the %s %s, which %s not allowed: use letters, digits, %q, %q and %q",
			label, what, joinAnd(bad), isAre(len(bad)), "_", ".", "-")
	}
}

// isAre returns the verb for n things.
func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}
