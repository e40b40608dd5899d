package lint

import (
	"fmt"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// ruleMisplacedKey reports a known key at the wrong level: an address
// field at the top level, an operations field outside the operations
// items, a top-level option inside a block.
var ruleMisplacedKey = &Rule{
	Name:     "misplaced-key",
	Severity: parser.SeverityError,
	Summary:  "a known key at the wrong level, such as an address field at the top level",
	Doc: `Each key belongs to one level: the top level, returnAddress, customs, or
an operations item. Written at another level, the service does not see it
where it looks for it: the block misses a required field
(InvalidAddressException, MissingManifestFieldException) and the stray key
is rejected or ignored. A common slip, seen in AWS's own examples, is
"returnAddress:" followed by its fields at column 0, which makes
returnAddress empty and its fields top-level keys; for that case the rule
offers a safe fix that indents the fields under returnAddress. Another is
targetDirectory or prefix written beside operations instead of inside an
item (prefix is a top-level option of s3-import jobs, but an operations
field of s3-export jobs). Move the key to the level the message names.`,
	Avoid:  "bucket: photos-2026-archive\nreturnAddress:\nname: Jane Doe\ncity: Seattle\n",
	Prefer: "bucket: photos-2026-archive\nreturnAddress:\n    name: Jane Doe\n    city: Seattle\n",
	Check:  checkMisplacedKey,
	Scope:  ScopeItem,
}

func checkMisplacedKey(p *Pass) {
	fixes := addressAtColumnZero(p.Top())
	for _, f := range p.fields() {
		e, in := f.Entry, f.In
		home, ok := misplacedHome(f, p.Kind)
		if !ok {
			continue
		}
		name, here := e.Key.Name, place{in}
		d := parser.Diagnostic{Start: e.Key.Pos(), End: e.Key.End()}
		switch {
		case home.opt == nil:
			d.Message = fmt.Sprintf("%q is a top-level option, not a field of %s", name, here)
		case in == nil:
			d.Message = fmt.Sprintf("%q belongs inside %s", name, home)
			if b := p.Top().Lookup(home.opt.Name); b != nil {
				d.Related = []parser.Related{{Start: b.Key.Pos(), End: b.Key.End(), Message: home.opt.Name + " is here"}}
			}
		default:
			d.Message = fmt.Sprintf("%q belongs inside %s, not %s", name, home, here)
		}
		if fix, ok := fixes[e]; ok {
			d.Fixes = []parser.Fix{fix}
		}
		p.Report(d)
	}
}

// addressAtColumnZero finds the documented quirk: a top-level
// "returnAddress:" with neither value nor block, followed at the same
// level by address fields. It returns one safe fix that indents those
// fields (and the comments before them) by 4 spaces, so that they become
// the block of returnAddress, keyed by the first field: the one
// diagnostic that carries it.
func addressAtColumnZero(top *parser.Mapping) map[*parser.Entry]parser.Fix {
	for i, ra := range top.Entries {
		if ra.Key.Name != schema.ReturnAddress.Name || ra.Value != nil || ra.Block != nil {
			continue
		}
		var edits []parser.TextEdit
		for _, e := range top.Entries[i+1:] {
			if e.Block != nil || schema.ReturnAddress.Field(e.Key.Name) == nil || schema.Lookup(e.Key.Name) != nil {
				break
			}
			for _, c := range e.Comments {
				edits = append(edits, indentAt(c.Pos().Offset))
			}
			edits = append(edits, indentAt(e.Key.Pos().Offset))
		}
		if len(edits) == 0 {
			return nil
		}
		first := top.Entries[i+1]
		return map[*parser.Entry]parser.Fix{first: {
			Title: "indent the address fields under returnAddress",
			Safe:  true,
			Edits: edits,
		}}
	}
	return nil
}

// indentAt returns the edit that inserts 4 spaces at offset.
func indentAt(offset int) parser.TextEdit {
	return parser.TextEdit{Start: offset, End: offset, NewText: "    "}
}
