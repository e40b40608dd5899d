package lint

import (
	"bytes"
	"slices"
	"strings"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// This file builds the fix that findings of missing keys carry
// (missing-required, address, customs): one per block, adding every key
// the block lacks, so that applying it for one finding settles the
// others. It is unsafe: the keys come with empty values for a person to
// fill in, except where the kind allows one value only.

// addMissingTitle is the title of the fixes that add missing keys.
const addMissingTitle = "add missing required fields"

// addTopFix returns the fix that adds the top-level options opts at the
// end of the manifest, a block option with its required fields in the
// canonical indentation; nil when opts is empty.
func addTopFix(p *Pass, opts []*schema.Option) []parser.Fix {
	if len(opts) == 0 {
		return nil
	}
	nl := p.newline
	var b strings.Builder
	if len(p.Src) > p.File.Pos().Offset && p.Src[len(p.Src)-1] != '\n' {
		b.WriteString(nl)
	}
	for _, o := range opts {
		switch o.Type {
		case schema.Block, schema.OperationList:
			// A block's fields are indented 4; a list gets one item,
			// its keys aligned under the first.
			b.WriteString(o.Name + ":" + nl)
			for i, f := range requiredFields(o, p.Kind) {
				lead := "    "
				if i == 0 && o.Type == schema.OperationList {
					lead = "  - "
				}
				b.WriteString(lead + keyLine(f, p.Kind) + nl)
			}
		default:
			b.WriteString(keyLine(o, p.Kind) + nl)
		}
	}
	return addFix(len(p.Src), b.String())
}

// addFieldsFix returns the fix that adds the fields of block option in
// named names, in the schema's order, after the last line of m at the
// indentation of its first key; nil when names is empty or m has no
// entry to align them with.
func addFieldsFix(p *Pass, m *parser.Mapping, in *schema.Option, names []string) []parser.Fix {
	if len(names) == 0 || len(m.Entries) == 0 {
		return nil
	}
	first := m.Entries[0].Key.Pos().Offset
	indent := blankOut(p.Src[lineStart(p.Src, first):first])
	at := lineEnd(p.Src, max(m.Entries[len(m.Entries)-1].End().Offset-1, first))
	nl := p.newline
	var b strings.Builder
	for _, f := range in.Fields {
		if slices.Contains(names, f.Name) {
			b.WriteString(nl + indent + keyLine(f, p.Kind))
		}
	}
	return addFix(at, b.String())
}

// missingFields returns the names of the fields of block option in that
// m lacks and that the job's kind requires, or that need names besides.
func missingFields(p *Pass, m *parser.Mapping, in *schema.Option, need ...string) []string {
	var out []string
	for _, f := range in.Fields {
		if (f.RequiredIn(p.Kind) || slices.Contains(need, f.Name)) && lacks(m, f.Name) {
			out = append(out, f.Name)
		}
	}
	return out
}

// lacks reports whether m has no key name, not even one that differs
// from it only in case: adding name beside such a key would make two.
func lacks(m *parser.Mapping, name string) bool {
	return !slices.ContainsFunc(m.Entries, func(e *parser.Entry) bool { return strings.EqualFold(e.Key.Name, name) })
}

// onlyIf returns fixes when ok, else none: a finding about a key written
// in another case does not get the fix that leaves that key out.
func onlyIf(ok bool, fixes []parser.Fix) []parser.Fix {
	if !ok {
		return nil
	}
	return fixes
}

// addFix returns the unsafe fix that inserts text at offset at.
func addFix(at int, text string) []parser.Fix {
	return []parser.Fix{{Title: addMissingTitle, Edits: []parser.TextEdit{{Start: at, End: at, NewText: text}}}}
}

// requiredFields returns the fields of o that jobs of kind k require.
func requiredFields(o *schema.Option, k schema.Kind) []*schema.Option {
	var out []*schema.Option
	for _, f := range o.Fields {
		if f.RequiredIn(k) {
			out = append(out, f)
		}
	}
	return out
}

// keyLine writes an option as a new line holds it: "key: " for the
// person to fill in, or "key: value" when the kind allows one value only.
func keyLine(o *schema.Option, k schema.Kind) string {
	if v := o.Only(k); v != "" {
		return o.Name + ": " + v
	}
	return o.Name + ": "
}

// lineEnding returns the line ending of a source: "\r\n" when it uses
// them, else "\n".
func lineEnding(src []byte) string {
	if bytes.Contains(src, []byte("\r\n")) {
		return "\r\n"
	}
	return "\n"
}

// lineStart returns the offset where the line holding offset starts.
func lineStart(src []byte, offset int) int {
	return bytes.LastIndexByte(src[:offset], '\n') + 1
}

// lineEnd returns the offset of the end of the line holding offset,
// before its line ending.
func lineEnd(src []byte, offset int) int {
	i := bytes.IndexByte(src[offset:], '\n')
	if i < 0 {
		return len(src)
	}
	end := offset + i
	if end > 0 && src[end-1] == '\r' {
		end--
	}
	return end
}

// blankOut returns the text before a key on its line with everything but
// tabs turned into spaces, so that "  - " becomes the indentation of the
// other keys of a list item.
func blankOut(b []byte) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' {
			return r
		}
		return ' '
	}, string(b))
}
