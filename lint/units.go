package lint

import (
	"bytes"
	"sort"

	"github.com/iekit/iekit/parser"
)

// layout is how the top-level lists of a manifest, such as the
// operations of an export, cut its source into units of whole lines: each
// item of a list, from the line after the item before it (so with the
// blank lines and comments in front of it), and the parts around the
// lists. Incremental keeps findings by unit.
type layout struct{ lists []listLayout }

// listLayout is where the items of one top-level list stand.
type listLayout struct {
	entry  int // the index of the top-level entry that holds the list
	col    int // the column of its first item's dash
	items  []*parser.Item
	starts []int // where each item's unit starts, and where the last ends
	lines  []int // the line of each of starts
}

// unit is the bytes [start, end) of a source, whole lines from line on.
type unit struct{ start, end, line int }

// layoutOf returns the layout of f, parsed from src.
func layoutOf(f *parser.File, src []byte) layout {
	var lay layout
	for i, e := range f.Body.Entries {
		list, ok := e.Block.(*parser.List)
		if !ok || len(list.Items) == 0 {
			continue
		}
		l := listLayout{entry: i, col: list.Items[0].Dash.Col, items: list.Items}
		l.starts = make([]int, 0, len(list.Items)+1)
		l.lines = make([]int, 0, len(list.Items)+1)
		// The first item's unit starts on the line after the entry's key.
		start, line := nextLine(src, e.Colon.Offset), e.Colon.Line+1
		for _, it := range list.Items {
			l.starts, l.lines = append(l.starts, start), append(l.lines, line)
			end := it.End()
			start, line = nextLine(src, end.Offset), end.Line+1
		}
		l.starts, l.lines = append(l.starts, start), append(l.lines, line)
		lay.lists = append(lay.lists, l)
	}
	return lay
}

// nextLine returns the offset of the line after the one holding offset,
// or the end of src.
func nextLine(src []byte, offset int) int {
	if offset >= len(src) {
		return len(src)
	}
	if i := bytes.IndexByte(src[offset:], '\n'); i >= 0 {
		return offset + i + 1
	}
	return len(src)
}

// unit returns the unit of item j.
func (l listLayout) unit(j int) unit { return unit{l.starts[j], l.starts[j+1], l.lines[j]} }

// rest returns the part of the source, size bytes long, before list i, or
// after the last list when i is the number of lists.
func (lay layout) rest(i, size int) unit {
	u := unit{0, size, 1}
	if i > 0 {
		before := lay.lists[i-1]
		u.start, u.line = before.starts[len(before.items)], before.lines[len(before.items)]
	}
	if i < len(lay.lists) {
		u.end = lay.lists[i].starts[0]
	}
	return u
}

// unitOf returns the unit that holds offset in a source of size bytes:
// item of list, or, with item -1, the part around the lists before list
// (after the last list when list is the number of lists).
func (lay layout) unitOf(offset, size int) (list, item int, u unit) {
	// The first list that ends after offset.
	i := sort.Search(len(lay.lists), func(i int) bool {
		l := lay.lists[i]
		return offset < l.starts[len(l.items)]
	})
	if i == len(lay.lists) || offset < lay.lists[i].starts[0] {
		return i, -1, lay.rest(i, size)
	}
	l := lay.lists[i]
	j := sort.SearchInts(l.starts, offset+1) - 1
	return i, j, l.unit(j)
}

// eachPlace calls do with the offset of every place of d: its span, its
// related places and the edits of its fixes; and stops at the first for
// which do returns false.
func eachPlace(d parser.Diagnostic, do func(offset int) bool) bool {
	if !do(d.Start.Offset) || !do(d.End.Offset) {
		return false
	}
	for _, r := range d.Related {
		if !do(r.Start.Offset) || !do(r.End.Offset) {
			return false
		}
	}
	for _, f := range d.Fixes {
		for _, e := range f.Edits {
			if !do(e.Start) || !do(e.End) {
				return false
			}
		}
	}
	return true
}

// holds reports whether every place of d lies within u.
func (u unit) holds(d parser.Diagnostic) bool {
	return eachPlace(d, func(offset int) bool { return u.start <= offset && offset <= u.end })
}

// aroundItems reports whether every place of d lies outside the items,
// in a source of size bytes: in the text around the lists, or at its
// edges.
func (lay layout) aroundItems(d parser.Diagnostic, size int) bool {
	return eachPlace(d, func(offset int) bool {
		_, ok := lay.restAt(offset, size)
		return ok
	})
}

// restAt returns the index of the part around the lists that holds
// offset, its ends included, in a source of size bytes.
func (lay layout) restAt(offset, size int) (int, bool) {
	// The part before the first list that starts at or after offset.
	i := sort.Search(len(lay.lists), func(i int) bool { return lay.lists[i].starts[0] >= offset })
	u := lay.rest(i, size)
	return i, u.start <= offset && offset <= u.end
}

// keep returns the findings of m for the items of the list only, so that
// the findings of items gone do not pile up.
func (l listLayout) keep(m map[string][]parser.Diagnostic, src []byte) map[string][]parser.Diagnostic {
	out := make(map[string][]parser.Diagnostic, len(l.items))
	for j := range l.items {
		u := l.unit(j)
		text := string(src[u.start:u.end])
		out[text] = m[text]
	}
	return out
}
