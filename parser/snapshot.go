package parser

import "slices"

// snapshotEvery is how many lines apart a Document records the state of
// its tree builder, at least. A build after an edit resumes from the last
// snapshot before the edited lines, so that many lines are built again for
// nothing, at most, unless the blocks there are nested deeper or many
// comment lines wait for the entry they come before.
const snapshotEvery = 32

// snapshot is the state of a builder before it builds a line: what the
// lines above that line left, which is all the rest of the build depends
// on besides the lines themselves.
//
// The builder changes only the nodes on its stack (the open blocks and the
// entries or items that hold them) and the last child of the innermost
// open block (which a deeper line may yet give a block); every other node
// it made is final. Resuming therefore copies those few nodes, as they
// were when the snapshot was taken, and shares all the others with the
// trees built before: no tree a Document returned is ever modified.
type snapshot struct {
	line     int     // the index of the line about to be built
	stack    []frame // the open blocks, as in builder.stack
	children []int   // how many children each open block had
	last     *Entry  // a copy of the last entry of the innermost block, or nil
	lastItem *Item   // a copy of the last item of the innermost block, or nil
	opens    bool    // that entry or item is waiting for a block (builder.pending)
	openCol  int     // the column its block must be deeper than
	comments []*Comment
	blank    bool
	lastLine int
	lastPos  Pos
	diags    int // how many diagnostics the builder had reported
}

// snapshot records the state of b before it builds line i.
func (b *builder) snapshot(i int) snapshot {
	s := snapshot{
		line: i, stack: slices.Clone(b.stack), children: make([]int, len(b.stack)),
		opens: b.pending.entry != nil || b.pending.item != nil, openCol: b.pending.col,
		comments: slices.Clone(b.comments),
		blank:    b.blank, lastLine: b.lastLine, lastPos: b.last, diags: len(b.diags),
	}
	for j, f := range b.stack {
		s.children[j] = children(f.block)
	}
	switch blk := b.stack[len(b.stack)-1].block.(type) {
	case *Mapping:
		if n := len(blk.Entries); n > 0 {
			e := *blk.Entries[n-1]
			s.last = &e
		}
	case *List:
		if n := len(blk.Items); n > 0 {
			it := *blk.Items[n-1]
			s.lastItem = &it
		}
	}
	return s
}

func children(blk Block) int {
	if m, ok := blk.(*Mapping); ok {
		return len(m.Entries)
	}
	return len(blk.(*List).Items)
}

// resume returns a builder for src in the state s records, sharing with
// the tree s was taken from every node that is final and copying the
// others; diags are the diagnostics of that build. It returns nil when the
// stack is not shaped as the builder leaves it, which would be a bug.
func (s *snapshot) resume(src string, diags Diagnostics) *builder {
	b := &builder{
		src: src, diags: slices.Clone(diags[:s.diags]), stack: slices.Clone(s.stack),
		comments: slices.Clone(s.comments),
		blank:    s.blank, lastLine: s.lastLine, last: s.lastPos,
	}
	for j := range b.stack {
		f := &b.stack[j]
		n := s.children[j]
		switch blk := f.block.(type) {
		case *Mapping:
			f.block = &Mapping{Entries: head(blk.Entries, n), start: blk.start}
		case *List:
			f.block = &List{Items: head(blk.Items, n), start: blk.start}
		}
		if j == 0 {
			continue
		}
		// The owner of a block is the last child of the block below it.
		switch parent, owner := b.stack[j-1].block, f.owner; o := owner.(type) {
		case *Entry:
			m, ok := parent.(*Mapping)
			if !ok || len(m.Entries) == 0 || m.Entries[len(m.Entries)-1] != o {
				return nil
			}
			c := *o
			c.Block, f.owner = f.block, &c
			m.Entries[len(m.Entries)-1] = &c
		case *Item:
			l, ok := parent.(*List)
			if !ok || len(l.Items) == 0 || l.Items[len(l.Items)-1] != o {
				return nil
			}
			c := *o
			c.Block, f.owner = f.block, &c
			l.Items[len(l.Items)-1] = &c
		default:
			return nil
		}
	}
	// The entry or item waiting for a block is the innermost block's last
	// child, if there is one.
	switch blk := b.stack[len(b.stack)-1].block.(type) {
	case *Mapping:
		if n := len(blk.Entries); n > 0 && s.last != nil {
			c := *s.last
			blk.Entries[n-1] = &c
			if s.opens {
				b.pending = opener{entry: &c, col: s.openCol}
			}
		}
	case *List:
		if n := len(blk.Items); n > 0 && s.lastItem != nil {
			c := *s.lastItem
			blk.Items[n-1] = &c
			if s.opens {
				b.pending = opener{item: &c, col: s.openCol}
			}
		}
	}
	if s.opens && b.pending == (opener{}) {
		return nil
	}
	b.root = b.stack[0].block.(*Mapping)
	return b
}

// rebase points the open blocks of an earlier snapshot t that were still
// open at s to their copies in b, the builder resumed from s: the blocks
// in the tree being built, rather than those of the tree s was taken from,
// which would otherwise stay alive with all their later children.
func (t *snapshot) rebase(s *snapshot, b *builder) {
	for j := range min(len(t.stack), len(s.stack)) {
		if t.stack[j].block != s.stack[j].block {
			return
		}
		t.stack[j].block, t.stack[j].owner = b.stack[j].block, b.stack[j].owner
	}
}

// head returns a copy of the first n elements of s, nil when n is 0 as in
// a block that never had any.
func head[T any](s []T, n int) []T {
	if n == 0 {
		return nil
	}
	return slices.Clone(s[:n])
}
