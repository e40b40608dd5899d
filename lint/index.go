package lint

import (
	"bytes"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// This file holds what many rules walk of a manifest: its fields (the
// schema's view), and an index of its values, mappings and comments. The
// first rule that asks for either makes it, in one walk over the tree,
// and the other rules share it instead of each walking the tree again.
// The two are made apart: the rules that run over the whole of a big
// manifest after each change (ScopeDocument) need only the fields.

// index lists the parts of one manifest that rules look at.
type index struct {
	// values are every entry and every list item that has a value, at
	// any depth, in source order. Entries are there even without a
	// value (yaml-compat checks their colon).
	values []value
	// mappings are every mapping, the top level first, in source order.
	mappings []*parser.Mapping
	// comments are every comment, in source order.
	comments []*parser.Comment
}

// value is an entry, or a list item that has a value.
type value struct {
	entry  *parser.Entry  // nil for a list item
	scalar *parser.Scalar // the value; nil for an entry without one
	key    string         // the entry's key; for an item, the key of the entry that holds the list ("" when none)
}

// item reports whether the value is a list item's.
func (v value) item() bool { return v.entry == nil }

// index returns the index of the manifest, building it on first use.
func (p *Pass) index() *index {
	if p.idx == nil {
		p.idx = newIndex(p.File.Body, p.lineCount())
	}
	return p.idx
}

// fields returns the entries whose place the schema knows (see
// schema.Fields), finding them on first use.
func (p *Pass) fields() []schema.Field {
	if p.fieldList == nil {
		p.fieldList = schema.AppendFields(make([]schema.Field, 0, p.lineCount()), p.File.Body)
	}
	return p.fieldList
}

// mappings returns every mapping of the manifest, the top level first,
// in source order: the index's, or, when no rule made it, those of a walk
// that looks for nothing else.
func (p *Pass) mappings() []*parser.Mapping {
	if p.idx != nil {
		return p.idx.mappings
	}
	var out []*parser.Mapping
	var walk func(b parser.Block)
	walk = func(b parser.Block) {
		switch b := b.(type) {
		case *parser.Mapping:
			if b == nil {
				return
			}
			out = append(out, b)
			for _, e := range b.Entries {
				if e != nil && e.Block != nil {
					walk(e.Block)
				}
			}
		case *parser.List:
			if b == nil {
				return
			}
			for _, it := range b.Items {
				if it != nil && it.Block != nil {
					walk(it.Block)
				}
			}
		}
	}
	walk(p.File.Body)
	return out
}

// lineCount returns how many lines the tree holds at most: the lines of
// the source, unless the pass says it lints fewer.
func (p *Pass) lineCount() int {
	if p.lines == 0 {
		p.lines = bytes.Count(p.Src, []byte("\n")) + 1
	}
	return p.lines
}

// values returns every entry and every list item with a value.
func (p *Pass) values() []value { return p.index().values }

// newIndex indexes the manifest whose top-level mapping is top; lines,
// the number of lines of the source, bounds how many entries and items
// it has.
func newIndex(top *parser.Mapping, lines int) *index {
	x := &index{values: make([]value, 0, lines)}
	x.addBlock(top, "")
	return x
}

// addBlock adds the values, mappings and comments under b, whose
// entries or items belong to the key owner. It descends into every
// block, known to the schema or not.
func (x *index) addBlock(b parser.Block, owner string) {
	switch b := b.(type) {
	case *parser.Mapping:
		if b == nil {
			return
		}
		x.mappings = append(x.mappings, b)
		for _, e := range b.Entries {
			if e == nil || e.Key == nil {
				continue
			}
			x.addComments(e.Comments)
			x.values = append(x.values, value{entry: e, scalar: e.Value, key: e.Key.Name})
			if e.Block != nil {
				x.addBlock(e.Block, e.Key.Name)
			}
		}
		x.addComments(b.Trailing)
	case *parser.List:
		if b == nil {
			return
		}
		for _, it := range b.Items {
			if it == nil {
				continue
			}
			x.addComments(it.Comments)
			if it.Value != nil {
				x.values = append(x.values, value{scalar: it.Value, key: owner})
			}
			if it.Block != nil {
				x.addBlock(it.Block, owner)
			}
		}
		x.addComments(b.Trailing)
	}
}

// addComments adds comments, when there are any.
func (x *index) addComments(comments []*parser.Comment) {
	if len(comments) > 0 {
		x.comments = append(x.comments, comments...)
	}
}
