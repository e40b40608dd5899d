package lint

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// ruleYAMLCompat reports text that the manifest dialect reads one way
// and a YAML reader another: a key without a blank after its colon, a
// value that starts with a YAML indicator or holds ": ", a value that
// YAML 1.1 turns into a boolean, null or number.
var ruleYAMLCompat = &Rule{
	Name:     "yaml-compat",
	Severity: parser.SeverityInfo,
	Summary:  "text a YAML reader would misread: no blank after a colon, a value starting with a YAML indicator, a value YAML retypes",
	Doc: `The guide calls the manifest YAML, but its dialect is looser, and iekit
reads it as the guide's examples are written. A YAML reader, whether it
is a tool of yours or the service's own parser, may read the same text
differently. This rule points out where, so the file means one thing to
every reader:

- a key with no blank after its colon ("manifestVersion:2.0"): YAML reads
  the whole line as one plain text; the safe fix inserts a space;
- an unquoted value starting with a character YAML reserves: "*" (an
  alias), "&" (an anchor), "!" (a tag), "%" (a directive), "@" and "` + "`" + `"
  (reserved), "|" and ">" (a block scalar), "{" (a flow mapping) and "["
  (a flow sequence): template placeholders such as ***Your Bucket***
  count too;
- an unquoted value YAML 1.1 retypes: yes, no, on, off, true, false, y or
  n in any case for an option that is not yes/no ("country: no" is
  Norway, YAML reads false), null or "~", and a number with a leading
  zero ("postalCode: 02134"), which YAML reads as a number: octal in
  YAML 1.1 when its digits allow, without its zero otherwise;
- ": " inside a value or ":" at its end, which YAML rejects.

Quote such a value ('02134', "no") when a YAML tool must read the file.
Yes/no options are left alone: their yes and no are meant as booleans.
Quoted values are never reported, and each entry gets one finding at most.`,
	Avoid:  "bucket: survey-scans\nreturnAddress:\n    postalCode: 02134\n    country: no\n",
	Prefer: "bucket: survey-scans\nreturnAddress:\n    postalCode: '02134'\n    country: NOR\n",
	Check:  checkYAMLCompat,
	Scope:  ScopeItem,
}

// yamlIndicators says what YAML makes of a value that starts with each
// of its reserved characters; the other bytes have "".
var yamlIndicators = [256]string{
	'*': "an alias", '&': "an anchor", '!': "a tag", '%': "a directive",
	'@': "a reserved indicator", '`': "a reserved indicator",
	'|': "a block scalar", '>': "a block scalar",
	'{': "a flow mapping", '[': "a flow sequence",
}

func checkYAMLCompat(p *Pass) {
	for _, v := range p.values() {
		checkYAMLValue(p, v)
	}
}

// checkYAMLValue reports what a YAML reader would misread in v, an entry
// or a list item: a colon without a blank after it, or else the value.
func checkYAMLValue(p *Pass, v value) {
	if e := v.entry; e != nil && e.Colon.IsValid() {
		if c := e.Colon.Offset + 1; c < len(p.Src) && !isLineBlank(p.Src[c]) {
			p.Report(parser.Diagnostic{
				Start: e.Colon, End: e.Colon.Advance(1),
				Message: fmt.Sprintf("no blank after the colon of %q: YAML reads a key only when a blank follows its colon", v.key),
				Fixes:   []parser.Fix{{Title: "insert a space after the colon", Safe: true, Edits: []parser.TextEdit{{Start: c, End: c, NewText: " "}}}},
			})
			return
		}
	}
	if s := v.scalar; s != nil && s.Quote == 0 && s.Text != "" {
		if msg := yamlMisreading(v); msg != "" {
			p.Reportf(s, "%s", msg)
		}
	}
}

// isLineBlank reports whether c is a blank or ends a line.
func isLineBlank(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n'
}

// yamlMisreading says how a YAML reader would misread the unquoted,
// non-empty value of v, or returns "". The value of a yes/no option is
// meant as a boolean, and a secret is never shown.
func yamlMisreading(v value) string {
	text := v.scalar.Text
	if kind := yamlIndicators[text[0]]; kind != "" {
		return fmt.Sprintf("YAML would read %s as %s (it starts with %q)", yamlWhat(v), kind, text[:1])
	}
	switch {
	case len(text) > len("false"): // longer than the words below
	case lowerIsOneOf(text, "yes", "y", "true", "on"):
		if !yamlYesNo(v) {
			return fmt.Sprintf("YAML 1.1 would read %s as the boolean true, not %s", yamlWhat(v), yamlAsWritten(v))
		}
	case lowerIsOneOf(text, "no", "n", "false", "off"):
		if !yamlYesNo(v) {
			return fmt.Sprintf("YAML 1.1 would read %s as the boolean false, not %s", yamlWhat(v), yamlAsWritten(v))
		}
	case lowerIsOneOf(text, "null", "~"):
		return fmt.Sprintf("YAML would read %s as null, not %s", yamlWhat(v), yamlAsWritten(v))
	}
	if len(text) > 1 && text[0] == '0' && strings.Trim(text, "0123456789") == "" {
		secret := neverEcho(v.key, text)
		if strings.Trim(text, "01234567") == "" {
			if n, err := strconv.ParseInt(text, 8, 64); err == nil && !secret {
				return fmt.Sprintf("YAML 1.1 would read %s as the octal number %s (%d), not %s", yamlWhat(v), text, n, yamlAsWritten(v))
			}
			return fmt.Sprintf("YAML 1.1 would read %s as an octal number, not %s", yamlWhat(v), yamlAsWritten(v))
		}
		if !secret {
			return fmt.Sprintf("YAML would read %s as the number %s, not %s", yamlWhat(v), strings.TrimLeft(text, "0"), yamlAsWritten(v))
		}
		return fmt.Sprintf("YAML would read %s as a number without its leading zero, not %s", yamlWhat(v), yamlAsWritten(v))
	}
	if strings.IndexByte(text, ':') >= 0 && (strings.Contains(text, ": ") || strings.Contains(text, ":\t") || strings.HasSuffix(text, ":")) {
		return fmt.Sprintf(`YAML would reject %s: it reads ":" followed by a blank or the end of the line as the end of a key`, yamlWhat(v))
	}
	return ""
}

// yamlWhat names the value of v in messages.
func yamlWhat(v value) string {
	if v.item() {
		return fmt.Sprintf("an item of %q", v.key)
	}
	return fmt.Sprintf("the value of %q", v.key)
}

// yamlAsWritten names the text of v in messages, unless it is a secret.
func yamlAsWritten(v value) string {
	if neverEcho(v.key, v.scalar.Text) {
		return "the text as written"
	}
	return "the text " + strconv.Quote(v.scalar.Text)
}

// yamlYesNo reports whether v is the value of a yes/no option, meant as
// a boolean.
func yamlYesNo(v value) bool { return !v.item() && yesNoName(v.key) }

// lowerIsOneOf reports whether strings.ToLower(s) is one of words, which
// are in lower case. It compares ASCII letters without regard to case:
// no other character has a lower case in the ASCII letters of our words
// (only the Kelvin sign and the dotted capital I have one, k and i).
func lowerIsOneOf(s string, words ...string) bool {
	for _, w := range words {
		if equalFoldASCII(s, w) {
			return true
		}
	}
	return false
}

// yesNoNames are the names of the yes/no options, at the top level and
// in the blocks.
var yesNoNames = func() []string {
	lists := [][]*schema.Option{schema.Top}
	for _, b := range schema.Blocks {
		lists = append(lists, b.Fields)
	}
	var out []string
	for _, list := range lists {
		for _, o := range list {
			if o.Type == schema.YesNo {
				out = append(out, o.Name)
			}
		}
	}
	return out
}()

// yesNoName reports whether the schema has a yes/no option named name,
// at the top level or in a block, in any case.
func yesNoName(name string) bool {
	for _, n := range yesNoNames {
		if strings.EqualFold(n, name) {
			return true
		}
	}
	return false
}
