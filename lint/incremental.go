package lint

import (
	"bytes"
	"slices"
	"sync"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// Incremental lints the successive versions of one manifest, as an
// editor does after each change, and gives the Result CheckFile gives for
// each. A big manifest is mostly the items of a top-level list, such as
// the operations of an export: Incremental keeps the findings of the
// rules of ScopeItem for each item, by the item's text, and runs those
// rules again only over the items whose text it has not seen. The rules
// of ScopeDocument run over the whole manifest every time.
//
// The findings it keeps stay true while the text outside the top-level
// lists, the number of items of each list, the column of its first item
// and the job kind are the same: an item parses to the same tree wherever
// it stands in its list, moved by whole lines, and Scope says what the
// findings of a rule of ScopeItem may depend on. When one of those
// changes, all the rules run over the whole manifest, as they also do
// the first time.
//
// The zero Incremental is ready to use, and it is safe for concurrent
// use: two versions are linted one after the other.
type Incremental struct {
	mu    sync.Mutex
	valid bool        // the fields below hold for the last version linted
	src   []byte      // the source of the last version linted
	lay   layout      // how the top-level lists cut that source
	ctx   passContext // what the rules were told besides the tree
	// rest holds the findings outside the items, placed in src: each
	// place of one is in the text around the lists, which may be cut in
	// several parts by the lists.
	rest []parser.Diagnostic
	// items holds, for each list, the findings about an item by its
	// text, placed from the start of the item; an item without findings
	// is there, with none.
	items []map[string][]parser.Diagnostic
	// linted counts the items the rules of ScopeItem ran over in the last
	// version: all of them, or those whose text was not seen before.
	linted int
}

// passContext is what a pass tells the rules besides the tree.
type passContext struct {
	kind    schema.Kind
	forced  bool
	region  string
	newline string
}

// CheckFile lints a version of the manifest as CheckFile does, with the
// same result.
func (inc *Incremental) CheckFile(f *parser.File, syntax parser.Diagnostics, src []byte, cfg *Config) *Result {
	if cfg == nil {
		cfg = Default()
	}
	p := newPass(f, src, cfg)
	p.runScope(ScopeDocument)
	lay := layoutOf(f, src)
	ctx := passContext{p.Kind, p.Forced, p.Region, p.newline}
	inc.mu.Lock()
	if !inc.valid || !inc.fits(lay, src, ctx) || !inc.update(p, lay) {
		inc.full(p, lay)
	}
	inc.src, inc.lay, inc.ctx = src, lay, ctx
	inc.mu.Unlock()
	return p.result(syntax, cfg)
}

// fits reports whether the findings kept hold for a version laid out as
// lay in src, linted with ctx.
func (inc *Incremental) fits(lay layout, src []byte, ctx passContext) bool {
	if ctx != inc.ctx || len(lay.lists) != len(inc.lay.lists) {
		return false
	}
	for i, l := range lay.lists {
		old := inc.lay.lists[i]
		if l.entry != old.entry || l.col != old.col || len(l.items) != len(old.items) {
			return false
		}
	}
	for i := range len(lay.lists) + 1 {
		a, b := lay.rest(i, len(src)), inc.lay.rest(i, len(inc.src))
		if !bytes.Equal(src[a.start:a.end], inc.src[b.start:b.end]) {
			return false
		}
	}
	return true
}

// full runs the rules of ScopeItem over the whole manifest and keeps
// their findings, by item and around the items.
func (inc *Incremental) full(p *Pass, lay layout) {
	docFindings := p.diags
	p.diags = nil
	p.runScope(ScopeItem)
	found := p.diags
	p.diags = append(docFindings, found...)
	inc.linted = 0
	for _, l := range lay.lists {
		inc.linted += len(l.items)
	}

	inc.valid = false
	var rest []parser.Diagnostic
	items := make([][][]parser.Diagnostic, len(lay.lists))
	for i, l := range lay.lists {
		items[i] = make([][]parser.Diagnostic, len(l.items))
	}
	for _, d := range found {
		list, item, u := lay.unitOf(d.Start.Offset, len(p.Src))
		switch {
		case item < 0 && lay.aroundItems(d, len(p.Src)):
			rest = append(rest, d)
		case item >= 0 && u.holds(d):
			items[list][item] = append(items[list][item], moved(d, -u.start, -u.line))
		default:
			return // a finding about an item and more: none can be kept
		}
	}
	inc.rest = rest
	inc.items = make([]map[string][]parser.Diagnostic, len(lay.lists))
	for i, l := range lay.lists {
		m := make(map[string][]parser.Diagnostic, len(l.items))
		for j := range l.items {
			u := l.unit(j)
			m[string(p.Src[u.start:u.end])] = items[i][j]
		}
		inc.items[i] = m
	}
	inc.valid = true
}

// update adds to the pass the findings of the rules of ScopeItem, those
// kept and those of the items not seen before, which it finds and keeps.
// It returns false, having added nothing, when a new finding spans units.
func (inc *Incremental) update(p *Pass, lay layout) bool {
	rest := make([]parser.Diagnostic, len(inc.rest)) // placed in this version
	for i, d := range inc.rest {
		rest[i] = inc.lay.movedAround(d, lay, len(inc.src), len(p.Src))
	}
	found := append(p.diags, rest...)
	missed := make([][]int, len(lay.lists)) // the items not seen, by list
	lines := 0                              // how many lines they have
	for i, l := range lay.lists {
		for j := range l.items {
			u := l.unit(j)
			ds, ok := inc.items[i][string(p.Src[u.start:u.end])]
			if !ok {
				missed[i] = append(missed[i], j)
				lines += l.lines[j+1] - l.lines[j]
				continue
			}
			for _, d := range ds {
				found = append(found, moved(d, u.start, u.line))
			}
		}
	}
	inc.linted = 0
	for _, m := range missed {
		inc.linted += len(m)
	}
	if lines > 0 {
		q := &Pass{File: subset(p.File, lay, missed), Src: p.Src, Kind: p.Kind, Markers: p.Markers, Forced: p.Forced, Region: p.Region, newline: p.newline, lines: lines + len(p.File.Body.Entries)}
		q.runScope(ScopeItem)
		fresh := make([][][]parser.Diagnostic, len(lay.lists)) // by list, by missed item
		for i := range lay.lists {
			fresh[i] = make([][]parser.Diagnostic, len(missed[i]))
		}
		for _, d := range q.diags {
			list, item, u := lay.unitOf(d.Start.Offset, len(p.Src))
			if item < 0 {
				continue // about the text around the lists, which kept its findings
			}
			k, ok := slices.BinarySearch(missed[list], item)
			if !ok || !u.holds(d) {
				return false
			}
			fresh[list][k] = append(fresh[list][k], moved(d, -u.start, -u.line))
			found = append(found, d)
		}
		for i, l := range lay.lists {
			for k, j := range missed[i] {
				u := l.unit(j)
				inc.items[i][string(p.Src[u.start:u.end])] = fresh[i][k]
			}
		}
	}
	for i, l := range lay.lists {
		if len(inc.items[i]) > 2*len(l.items)+64 {
			inc.items[i] = l.keep(inc.items[i], p.Src)
		}
	}
	p.diags, inc.rest = found, rest
	return true
}

// subset returns a copy of f whose top-level lists hold only the items
// given, by list: the other nodes are f's own.
func subset(f *parser.File, lay layout, items [][]int) *parser.File {
	body := *f.Body
	body.Entries = slices.Clone(body.Entries)
	for i, l := range lay.lists {
		e := *body.Entries[l.entry]
		list := *e.Block.(*parser.List)
		list.Items = make([]*parser.Item, len(items[i]))
		for k, j := range items[i] {
			list.Items[k] = l.items[j]
		}
		e.Block = &list
		body.Entries[l.entry] = &e
	}
	g := *f
	g.Body = &body
	return &g
}

// moved returns d with every place in it moved by offset bytes and lines
// lines, as when the whole lines before it grow or shrink.
func moved(d parser.Diagnostic, offset, lines int) parser.Diagnostic {
	if offset == 0 && lines == 0 {
		return d
	}
	return movedBy(d, func(int) (int, int) { return offset, lines })
}

// movedAround returns d, a finding about the text around the lists of
// a source of size bytes laid out as lay, moved to where that text
// stands in a source of newSize bytes laid out as to: each of its places
// moves with the part of the text that holds it.
func (lay layout) movedAround(d parser.Diagnostic, to layout, size, newSize int) parser.Diagnostic {
	return movedBy(d, func(offset int) (int, int) {
		i, _ := lay.restAt(offset, size)
		from, at := lay.rest(i, size), to.rest(i, newSize)
		return at.start - from.start, at.line - from.line
	})
}

// movedBy returns d with each of its places moved: by shift(its offset)
// bytes and lines.
func movedBy(d parser.Diagnostic, shift func(offset int) (bytes, lines int)) parser.Diagnostic {
	move := func(p parser.Pos) parser.Pos {
		offset, lines := shift(p.Offset)
		return parser.Pos{Offset: p.Offset + offset, Line: p.Line + lines, Col: p.Col}
	}
	d.Start, d.End = move(d.Start), move(d.End)
	if len(d.Related) > 0 {
		d.Related = slices.Clone(d.Related)
		for i := range d.Related {
			d.Related[i].Start, d.Related[i].End = move(d.Related[i].Start), move(d.Related[i].End)
		}
	}
	if len(d.Fixes) > 0 {
		d.Fixes = slices.Clone(d.Fixes)
		for i := range d.Fixes {
			edits := slices.Clone(d.Fixes[i].Edits)
			for j := range edits {
				offset, _ := shift(edits[j].Start)
				edits[j].Start += offset
				edits[j].End += offset
			}
			d.Fixes[i].Edits = edits
		}
	}
	return d
}
