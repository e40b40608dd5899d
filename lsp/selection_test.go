package lsp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

func TestSelectionRange(t *testing.T) {
	c := newClient(t)
	c.initialize()
	c.open("file:///tmp/sel.manifest", outline)
	var got []protocol.SelectionRange
	if err := c.call("textDocument/selectionRange", &protocol.SelectionRangeParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: "file:///tmp/sel.manifest"},
		Positions: []protocol.Position{
			{Line: 15, Character: 12}, // in "Paris"
			{Line: 13, Character: 20}, // in "Dupont", after the é
			{Line: 8, Character: 6},   // on the key prefix in the first operation
		},
	}, &got); err != nil {
		t.Fatal(err)
	}
	outer := []protocol.Range{
		rng(13, 4, 16, 19), // the block of returnAddress
		rng(10, 0, 16, 19), // returnAddress
		rng(2, 0, 16, 19),  // the top-level entries
		rng(0, 0, 17, 0),   // the document
	}
	want := [][]protocol.Range{
		append([]protocol.Range{rng(15, 10, 15, 15), rng(15, 4, 15, 15)}, outer...),
		append([]protocol.Range{rng(13, 10, 13, 22), rng(13, 4, 13, 22)}, outer...),
		{
			rng(8, 4, 8, 10),  // prefix
			rng(8, 4, 8, 17),  // prefix: 2009/
			rng(7, 4, 8, 17),  // the mapping of the item
			rng(7, 2, 8, 17),  // the item
			rng(7, 2, 9, 23),  // the list
			rng(6, 0, 9, 23),  // operations
			rng(2, 0, 16, 19), // the top-level entries
			rng(0, 0, 17, 0),  // the document
		},
	}
	if len(got) != len(want) {
		t.Fatalf("%d selection ranges, want %d", len(got), len(want))
	}
	for i, w := range want {
		var chain []protocol.Range
		for s := &got[i]; s != nil; s = s.Parent {
			chain = append(chain, s.Range)
		}
		if len(chain) != len(w) {
			t.Errorf("position %d: chain %v, want %v", i, chain, w)
			continue
		}
		for j := range w {
			if chain[j] != w[j] {
				t.Errorf("position %d, link %d: %v, want %v", i, j, chain[j], w[j])
			}
		}
	}
	// A document that is not open is an error, not a crash.
	if err := c.call("textDocument/selectionRange", &protocol.SelectionRangeParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: "file:///tmp/nope.manifest"},
		Positions:    []protocol.Position{{}},
	}, &got); err == nil {
		t.Fatal("selection in an unopened document succeeded")
	}
}

func contains(outer, inner protocol.Range) bool {
	before := func(a, b protocol.Position) bool {
		return a.Line < b.Line || a.Line == b.Line && a.Character <= b.Character
	}
	return before(outer.Start, inner.Start) && before(inner.End, outer.End)
}

// TestOutlineCorpus runs symbols, folding and selection over every
// manifest of the test data, broken ones included: each symbol's range
// holds its selection range and its children, each fold spans lines, and
// each selection range holds the one before it.
func TestOutlineCorpus(t *testing.T) {
	files, _ := filepath.Glob("../testdata/*/*.manifest")
	if len(files) == 0 {
		t.Fatal("no test data")
	}
	c := newClient(t)
	c.initialize()
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		uri := "file:///corpus/" + filepath.Base(name)
		c.open(uri, string(src))
		doc := protocol.TextDocumentIdentifier{URI: protocol.DocumentURI(uri)}
		var syms []protocol.DocumentSymbol
		if err := c.call(protocol.MethodTextDocumentDocumentSymbol, &protocol.DocumentSymbolParams{TextDocument: doc}, &syms); err != nil {
			t.Fatalf("%s: symbols: %v", name, err)
		}
		var check func(parent *protocol.DocumentSymbol, syms []protocol.DocumentSymbol)
		check = func(parent *protocol.DocumentSymbol, syms []protocol.DocumentSymbol) {
			for i := range syms {
				s := &syms[i]
				if s.Name == "" || !contains(s.Range, s.SelectionRange) || parent != nil && !contains(parent.Range, s.Range) {
					t.Errorf("%s: symbol %q at %v (selection %v) does not nest", name, s.Name, s.Range, s.SelectionRange)
				}
				check(s, s.Children)
			}
		}
		check(nil, syms)
		var folds []protocol.FoldingRange
		if err := c.call(protocol.MethodTextDocumentFoldingRange, map[string]any{"textDocument": doc}, &folds); err != nil {
			t.Fatalf("%s: folding: %v", name, err)
		}
		for _, f := range folds {
			if f.EndLine <= f.StartLine {
				t.Errorf("%s: fold %+v", name, f)
			}
		}
		var positions []protocol.Position
		for line, text := range strings.Split(string(src), "\n") {
			for char := range utf16Len(text) + 1 {
				positions = append(positions, protocol.Position{Line: uint32(line), Character: uint32(char)})
			}
		}
		var sel []protocol.SelectionRange
		if err := c.call("textDocument/selectionRange", &protocol.SelectionRangeParams{TextDocument: doc, Positions: positions}, &sel); err != nil {
			t.Fatalf("%s: selection: %v", name, err)
		}
		if len(sel) != len(positions) {
			t.Fatalf("%s: %d selection ranges for %d positions", name, len(sel), len(positions))
		}
		for i, s := range sel {
			for link := &s; link.Parent != nil; link = link.Parent {
				if !contains(link.Parent.Range, link.Range) || link.Parent.Range == link.Range {
					t.Errorf("%s: at %v, %v is not inside %v", name, positions[i], link.Range, link.Parent.Range)
				}
			}
		}
	}
}
