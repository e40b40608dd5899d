package lint

import (
	"strconv"

	"github.com/iekit/iekit/parser"
)

// rulePlaceholder reports template text left in any value of the
// manifest: entries, list items and free mappings alike.
var rulePlaceholder = &Rule{
	Name:     "placeholder",
	Severity: parser.SeverityError,
	Summary:  `template text left in a value: "***…***", "<your-…>", TODO, CHANGEME, XXX…`,
	Doc: `The AWS guide's sample manifests, and most templates made from them, mark
what you must fill in with text such as ***Your Bucket***, <your-bucket>,
TODO, CHANGEME or XXXXX. Left in, such a value is sent to AWS as it is: a
bucket that cannot exist, a return label with a placeholder for a name, a
job that fails or a device that comes back to nobody.

The rule reports "***…***" and "<your-…>" anywhere in a value, a value
wholly in angle brackets, the words TODO, TBD, CHANGEME, FIXME and
REPLACE_ME (any case as the whole value; inside a longer value in upper
case, or followed by a colon), and words made of three or more X. Replace
the placeholder with the real value. The values of pinCode and
trueCryptPassword are never shown in messages.`,
	Avoid:  "bucket: ***Your Bucket***\n",
	Prefer: "bucket: photos-2026-archive\n",
	Check:  checkPlaceholder,
	Scope:  ScopeItem,
}

func checkPlaceholder(p *Pass) {
	for _, v := range p.values() {
		if v.scalar == nil {
			continue
		}
		if i, j, ok := placeholderAt(v.scalar.Text); ok {
			reportPlaceholder(p, v, i, j)
		}
	}
}

// reportPlaceholder reports the placeholder at text[i:j] of the scalar of v.
func reportPlaceholder(p *Pass, v value, i, j int) {
	s, key := v.scalar, v.key
	where := keyLabel(key)
	switch {
	case v.item() && key != "":
		where = "a list item of " + keyLabel(key)
	case v.item():
		where = "a list item"
	}
	if neverEcho(key, s.Text) {
		p.Report(parser.Diagnostic{Start: s.Pos(), End: s.End(), Message: "placeholder left in " + where})
		return
	}
	start, end := textSpan(s, i, j)
	p.Report(parser.Diagnostic{Start: start, End: end, Message: "placeholder " + strconv.Quote(s.Text[i:j]) + " left in " + where})
}
