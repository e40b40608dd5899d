package lint

import (
	"bytes"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// This file holds the index of a manifest: the lists of entries, values,
// mappings and comments that many rules walk. The first rule that asks
// for it builds it, in one walk over the tree, and the other rules share
// it instead of each walking the tree again.

// index lists the parts of one manifest that rules look at.
type index struct {
	// fields are the entries whose place the schema knows (see
	// schema.Fields).
	fields []schema.Field
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
		lines := p.lines
		if lines == 0 {
			lines = bytes.Count(p.Src, []byte("\n")) + 1
		}
		p.idx = newIndex(p.File.Body, lines)
	}
	return p.idx
}

// fields returns the entries whose place the schema knows.
func (p *Pass) fields() []schema.Field { return p.index().fields }

// values returns every entry and every list item with a value.
func (p *Pass) values() []value { return p.index().values }

// newIndex indexes the manifest whose top-level mapping is top; lines,
// the number of lines of the source, bounds how many entries and items
// it has.
func newIndex(top *parser.Mapping, lines int) *index {
	x := &index{values: make([]value, 0, lines)}
	x.fields = schema.AppendFields(make([]schema.Field, 0, lines), top)
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
