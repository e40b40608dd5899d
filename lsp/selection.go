package lsp

import (
	"context"
	"sort"

	"github.com/iekit/iekit/parser"
	"go.lsp.dev/protocol"
)

// selectionRange answers textDocument/selectionRange: for each position,
// the chain of nodes around it from the innermost out, a key or a value,
// its entry, the block holding the entry, the entry or item holding the
// block, and so on up to the whole document.
func (s *server) selectionRange(_ context.Context, params *protocol.SelectionRangeParams) ([]protocol.SelectionRange, error) {
	d, err := s.snapshot(params.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	text, m, f := d.text, d.m, d.result.File
	out := make([]protocol.SelectionRange, 0, len(params.Positions))
	for _, p := range params.Positions {
		at, err := m.offset(p)
		if err != nil {
			return nil, err
		}
		spans := append([]parser.Node{f}, nodesAt(nil, f.Body, at)...)
		var chain *protocol.SelectionRange
		for i, n := range spans {
			r := m.rng(n.Pos().Offset, n.End().Offset)
			if i == 0 {
				r = m.rng(0, len(text)) // the whole document, BOM and all
			}
			if chain != nil && chain.Range == r {
				continue // the same span twice, as a block of one entry
			}
			chain = &protocol.SelectionRange{Range: r, Parent: chain}
		}
		out = append(out, *chain)
	}
	return out, nil
}

// nodesAt appends to out the nodes that hold offset at, from blk inwards:
// the block, an entry or item of it, and then its key, its value or its
// block and the nodes inside that.
func nodesAt(out []parser.Node, blk parser.Block, at int) []parser.Node {
	if blk == nil || !blk.Pos().IsValid() || !holds(blk, at) { // nil, or empty
		return out
	}
	out = append(out, blk)
	var key *parser.Key
	var value *parser.Scalar
	var inner parser.Block
	switch b := blk.(type) {
	case *parser.Mapping:
		if e := nodeAt(b.Entries, at); e != nil {
			out = append(out, e)
			key, value, inner = e.Key, e.Value, e.Block
		}
	case *parser.List:
		if it := nodeAt(b.Items, at); it != nil {
			out = append(out, it)
			value, inner = it.Value, it.Block
		}
	}
	switch {
	case key != nil && holds(key, at):
		return append(out, key)
	case value != nil && holds(value, at):
		return append(out, value)
	}
	return nodesAt(out, inner, at)
}

// holds reports whether n spans offset at, its end included, so that the
// cursor just after a word still selects the word.
func holds(n parser.Node, at int) bool {
	return n.Pos().Offset <= at && at <= n.End().Offset
}

// nodeAt returns the first of nodes, in source order, that holds offset at;
// nil when none does. The search is binary: the nodes of a block neither
// overlap nor go back, though one may end where the next starts.
func nodeAt[N interface {
	comparable
	parser.Node
}](nodes []N, at int) N {
	i := sort.Search(len(nodes), func(i int) bool { return nodes[i].End().Offset >= at })
	var none N
	if i < len(nodes) && holds(nodes[i], at) {
		return nodes[i]
	}
	return none
}
