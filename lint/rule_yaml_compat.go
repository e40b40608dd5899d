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
}

// yamlIndicators says what YAML makes of a value that starts with each
// of its reserved characters.
var yamlIndicators = map[byte]string{
	'*': "an alias", '&': "an anchor", '!': "a tag", '%': "a directive",
	'@': "a reserved indicator", '`': "a reserved indicator",
	'|': "a block scalar", '>': "a block scalar",
	'{': "a flow mapping", '[': "a flow sequence",
}

func checkYAMLCompat(p *Pass) {
	yamlWalk(p.Top(), "", func(e *parser.Entry, s *parser.Scalar, key string) {
		if e != nil && e.Colon.IsValid() {
			if c := e.Colon.Offset + 1; c < len(p.Src) && !strings.ContainsRune(" \t\r\n", rune(p.Src[c])) {
				p.Report(parser.Diagnostic{
					Start: e.Colon, End: e.Colon.Advance(1),
					Message: fmt.Sprintf("no blank after the colon of %q: YAML reads a key only when a blank follows its colon", key),
					Fixes:   []parser.Fix{{Title: "insert a space after the colon", Safe: true, Edits: []parser.TextEdit{{Start: c, End: c, NewText: " "}}}},
				})
				return
			}
		}
		if s == nil || s.Quote != 0 || s.Text == "" {
			return
		}
		what := fmt.Sprintf("the value of %q", key)
		if e == nil {
			what = fmt.Sprintf("an item of %q", key)
		}
		if msg := yamlMisreading(s.Text, what, e != nil && yesNoName(key), neverEcho(key, s.Text)); msg != "" {
			p.Reportf(s, "%s", msg)
		}
	})
}

// yamlMisreading says how a YAML reader would misread the unquoted value
// v, or returns "". what names the value for the message; yesNo tells
// that the value is meant as a boolean; secret that it must not be shown.
func yamlMisreading(v, what string, yesNo, secret bool) string {
	asWritten := "the text " + strconv.Quote(v)
	if secret {
		asWritten = "the text as written"
	}
	if kind, ok := yamlIndicators[v[0]]; ok {
		return fmt.Sprintf("YAML would read %s as %s (it starts with %q)", what, kind, v[:1])
	}
	switch strings.ToLower(v) {
	case "yes", "y", "true", "on":
		if !yesNo {
			return fmt.Sprintf("YAML 1.1 would read %s as the boolean true, not %s", what, asWritten)
		}
	case "no", "n", "false", "off":
		if !yesNo {
			return fmt.Sprintf("YAML 1.1 would read %s as the boolean false, not %s", what, asWritten)
		}
	case "null", "~":
		return fmt.Sprintf("YAML would read %s as null, not %s", what, asWritten)
	}
	if len(v) > 1 && v[0] == '0' && strings.Trim(v, "0123456789") == "" {
		if strings.Trim(v, "01234567") == "" {
			if n, err := strconv.ParseInt(v, 8, 64); err == nil && !secret {
				return fmt.Sprintf("YAML 1.1 would read %s as the octal number %s (%d), not %s", what, v, n, asWritten)
			}
			return fmt.Sprintf("YAML 1.1 would read %s as an octal number, not %s", what, asWritten)
		}
		if !secret {
			return fmt.Sprintf("YAML would read %s as the number %s, not %s", what, strings.TrimLeft(v, "0"), asWritten)
		}
		return fmt.Sprintf("YAML would read %s as a number without its leading zero, not %s", what, asWritten)
	}
	if strings.Contains(v, ": ") || strings.Contains(v, ":\t") || strings.HasSuffix(v, ":") {
		return fmt.Sprintf(`YAML would reject %s: it reads ":" followed by a blank or the end of the line as the end of a key`, what)
	}
	return ""
}

// yesNoName reports whether the schema has a yes/no option named name,
// at the top level or in a block, in any case.
func yesNoName(name string) bool {
	lists := [][]*schema.Option{schema.Top}
	for _, b := range schema.Blocks {
		lists = append(lists, b.Fields)
	}
	for _, list := range lists {
		for _, o := range list {
			if o.Type == schema.YesNo && strings.EqualFold(o.Name, name) {
				return true
			}
		}
	}
	return false
}

// yamlWalk calls visit for every entry under b (with its value, which may
// be nil, and its key) and every list item with a value (e nil, key the
// key that holds the list, "" at the top level), in source order.
func yamlWalk(b parser.Block, owner string, visit func(e *parser.Entry, s *parser.Scalar, key string)) {
	switch b := b.(type) {
	case *parser.Mapping:
		if b == nil {
			return
		}
		for _, e := range b.Entries {
			if e == nil || e.Key == nil {
				continue
			}
			visit(e, e.Value, e.Key.Name)
			if e.Block != nil {
				yamlWalk(e.Block, e.Key.Name, visit)
			}
		}
	case *parser.List:
		if b == nil {
			return
		}
		for _, it := range b.Items {
			if it == nil {
				continue
			}
			if it.Value != nil {
				visit(nil, it.Value, owner)
			}
			if it.Block != nil {
				yamlWalk(it.Block, owner, visit)
			}
		}
	}
}
