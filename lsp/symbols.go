package lsp

import (
	"context"
	"fmt"

	"github.com/iekit/iekit/lint"
	"github.com/iekit/iekit/parser"
	"go.lsp.dev/protocol"
)

// DocumentSymbol outlines the document: each entry is a symbol named by
// its key, with its value, redacted, as detail; a block is an Object (a
// mapping) or an Array (a list) holding its entries or items, the items
// named [0], [1], …
func (s *server) DocumentSymbol(_ context.Context, params *protocol.DocumentSymbolParams) ([]interface{}, error) {
	d, err := s.snapshot(params.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	m, r := d.m, d.result
	syms := mappingSymbols(m, r, r.File.Body)
	out := make([]interface{}, len(syms))
	for i, sym := range syms {
		out[i] = sym
	}
	return out, nil
}

// mappingSymbols returns the symbols of the entries of a mapping.
func mappingSymbols(m *mapper, r *lint.Result, mp *parser.Mapping) []protocol.DocumentSymbol {
	var out []protocol.DocumentSymbol
	for _, e := range mp.Entries {
		sym := protocol.DocumentSymbol{
			Name:           r.RedactNode(e.Key, e.Key.Name),
			Kind:           protocol.SymbolKindProperty,
			Range:          m.rng(e.Pos().Offset, e.End().Offset),
			SelectionRange: m.rng(e.Key.Pos().Offset, e.Key.End().Offset),
		}
		if sym.Name == "" {
			sym.Name = r.RedactNode(e.Key, e.Key.Raw) // the client needs a name: `""`
		}
		if e.Value != nil {
			sym.Detail = r.RedactNode(e.Value, e.Value.Text)
		}
		sym.Kind, sym.Children = blockSymbols(m, r, e.Block, sym.Kind)
		out = append(out, sym)
	}
	return out
}

// blockSymbols returns the kind of the symbol holding blk, and the
// symbols of its entries or items; kind when blk is nil.
func blockSymbols(m *mapper, r *lint.Result, blk parser.Block, kind protocol.SymbolKind) (protocol.SymbolKind, []protocol.DocumentSymbol) {
	switch b := blk.(type) {
	case *parser.Mapping:
		return protocol.SymbolKindObject, mappingSymbols(m, r, b)
	case *parser.List:
		return protocol.SymbolKindArray, listSymbols(m, r, b)
	}
	return kind, nil
}

// listSymbols returns the symbols of the items of a list. A mapping item
// shows its first entry as detail, as "exportBucket: photos".
func listSymbols(m *mapper, r *lint.Result, l *parser.List) []protocol.DocumentSymbol {
	var out []protocol.DocumentSymbol
	for i, it := range l.Items {
		sym := protocol.DocumentSymbol{
			Name:           fmt.Sprintf("[%d]", i),
			Kind:           protocol.SymbolKindProperty,
			Range:          m.rng(it.Pos().Offset, it.End().Offset),
			SelectionRange: m.rng(it.Dash.Offset, it.Dash.Offset+1),
		}
		if it.Value != nil {
			sym.Detail = r.RedactNode(it.Value, it.Value.Text)
		}
		if mp, ok := it.Block.(*parser.Mapping); ok && len(mp.Entries) > 0 {
			first := mp.Entries[0]
			sym.Detail = r.RedactNode(first.Key, first.Key.Name) + ":"
			if first.Value != nil {
				sym.Detail += " " + r.RedactNode(first.Value, first.Value.Text)
			}
		}
		sym.Kind, sym.Children = blockSymbols(m, r, it.Block, sym.Kind)
		out = append(out, sym)
	}
	return out
}
