package lsp

import (
	"context"
	"strings"

	"github.com/iekit/iekit/parser"
	"go.lsp.dev/protocol"
)

// FoldingRanges folds each entry or item whose block spans several lines,
// from its line to the block's last line, and each run of two or more
// comment lines.
func (s *server) FoldingRanges(_ context.Context, params *protocol.FoldingRangeParams) ([]protocol.FoldingRange, error) {
	d, err := s.snapshot(params.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	text, m, f := d.text, d.m, d.result.File
	out := blockFolds(nil, m, f.Body)
	return commentFolds(out, text), nil
}

// blockFolds appends to out the folds of the entries and items of blk and
// of the blocks below them.
func blockFolds(out []protocol.FoldingRange, m *mapper, blk parser.Block) []protocol.FoldingRange {
	fold := func(n parser.Node, b parser.Block) {
		if b == nil {
			return
		}
		start, end := m.position(n.Pos().Offset).Line, m.position(b.End().Offset).Line
		if end > start {
			out = append(out, protocol.FoldingRange{StartLine: start, EndLine: end})
		}
		out = blockFolds(out, m, b)
	}
	switch b := blk.(type) {
	case *parser.Mapping:
		for _, e := range b.Entries {
			fold(e, e.Block)
		}
	case *parser.List:
		for _, it := range b.Items {
			fold(it, it.Block)
		}
	}
	return out
}

// commentFolds appends to out a comment fold for each run of two or more
// consecutive comment lines of text: lines whose first non-blank
// character is "#", as the parser reads them.
func commentFolds(out []protocol.FoldingRange, text string) []protocol.FoldingRange {
	text = strings.TrimPrefix(text, "\ufeff")
	run := -1 // the first line of the current run, or -1
	flush := func(line int) {
		if run >= 0 && line-1 > run {
			out = append(out, protocol.FoldingRange{StartLine: uint32(run), EndLine: uint32(line - 1), Kind: protocol.CommentFoldingRange})
		}
		run = -1
	}
	line := 0
	for rest := text; ; line++ {
		l, next, more := strings.Cut(rest, "\n")
		if strings.HasPrefix(strings.TrimLeft(l, " \t"), "#") {
			if run < 0 {
				run = line
			}
		} else {
			flush(line)
		}
		if !more {
			break
		}
		rest = next
	}
	flush(line + 1)
	return out
}
