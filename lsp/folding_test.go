package lsp

import (
	"testing"

	"go.lsp.dev/protocol"
)

func TestFoldingRanges(t *testing.T) {
	c := newClient(t)
	c.initialize()
	c.open("file:///tmp/f.manifest", outline)
	var got []protocol.FoldingRange
	// As an editor sends it: protocol.FoldingRangeParams wrongly embeds a
	// position, which the request has not.
	if err := c.call(protocol.MethodTextDocumentFoldingRange, map[string]any{
		"textDocument": map[string]any{"uri": "file:///tmp/f.manifest"},
	}, &got); err != nil {
		t.Fatal(err)
	}
	want := []protocol.FoldingRange{
		{StartLine: 6, EndLine: 9},   // operations
		{StartLine: 7, EndLine: 8},   // its first item; the second is one line
		{StartLine: 10, EndLine: 16}, // returnAddress
		{StartLine: 0, EndLine: 1, Kind: protocol.CommentFoldingRange},
		{StartLine: 11, EndLine: 12, Kind: protocol.CommentFoldingRange},
	}
	if len(got) != len(want) {
		t.Fatalf("folding ranges %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("folding range %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}

// TestCommentFolds checks runs of comments: one line alone does not fold,
// a run at the end of the text does, and blank lines end a run.
func TestCommentFolds(t *testing.T) {
	got := commentFolds(nil, "\ufeff# a\n  # b\na: 1\n# c\nb: 2\n# d\n\n# e\n# f")
	want := []protocol.FoldingRange{
		{StartLine: 0, EndLine: 1, Kind: protocol.CommentFoldingRange},
		{StartLine: 7, EndLine: 8, Kind: protocol.CommentFoldingRange},
	}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("comment folds %+v, want %+v", got, want)
	}
}
