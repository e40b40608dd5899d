package lsp

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// mapper converts between byte offsets, iekit's positions, and LSP
// positions, whose characters are UTF-16 code units. It indexes the
// line starts of one version of a document once. Lines end as the
// protocol says a client ends them: LF, CRLF, or a lone CR, so that the
// positions of a file with CR line endings (which lint reports, with a
// fix) are where the editor shows them.
type mapper struct {
	text  string
	lines []int // the offset where each line starts
}

func newMapper(text string) *mapper {
	m := &mapper{text: text, lines: make([]int, 1, strings.Count(text, "\n")+1)}
	if strings.IndexByte(text, '\r') >= 0 {
		m.indexCR()
		return m
	}
	for i := 0; ; {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			return m
		}
		i += j + 1
		m.lines = append(m.lines, i)
	}
}

// indexCR indexes the line starts of a text with a CR in it, after each
// LF, CRLF and lone CR: slower than looking for LF alone.
func (m *mapper) indexCR() {
	for i := 0; ; {
		j := strings.IndexAny(m.text[i:], "\r\n")
		if j < 0 {
			return
		}
		i += j + 1
		if m.text[i-1] == '\r' && i < len(m.text) && m.text[i] == '\n' {
			i++
		}
		m.lines = append(m.lines, i)
	}
}

// position returns the LSP position of a byte offset.
func (m *mapper) position(offset int) protocol.Position {
	offset = min(max(offset, 0), len(m.text))
	line := sort.Search(len(m.lines), func(i int) bool { return m.lines[i] > offset }) - 1
	return protocol.Position{Line: uint32(line), Character: uint32(utf16Len(m.text[m.lines[line]:offset]))}
}

// rng returns the LSP range of the bytes [start, end).
func (m *mapper) rng(start, end int) protocol.Range {
	return protocol.Range{Start: m.position(start), End: m.position(end)}
}

// offset returns the byte offset of an LSP position. A character past the
// end of its line is the end of the line; a line past the end of the
// document is an error. Line and character are widened to int64 before
// any arithmetic, so that the largest uint32 neither wraps nor turns
// negative where int has 32 bits.
func (m *mapper) offset(p protocol.Position) (int, error) {
	line, char := int64(p.Line), int64(p.Character)
	if line >= int64(len(m.lines)) {
		return 0, jsonrpc2.NewError(jsonrpc2.InvalidParams, fmt.Sprintf("line %d is past the end of the document (%d lines)", line+1, len(m.lines)))
	}
	start := m.lines[line]
	end := len(m.text)
	if line+1 < int64(len(m.lines)) {
		end = m.lines[line+1] - 1 // the "\n", or a lone "\r"
	}
	var units int64
	for i := start; i < end; {
		if units >= char {
			return i, nil
		}
		r, size := utf8.DecodeRuneInString(m.text[i:])
		units += int64(utf16Width(r))
		i += size
	}
	return end, nil
}

// utf16Len returns the length of s in UTF-16 code units.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16Width(r)
	}
	return n
}

func utf16Width(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}
