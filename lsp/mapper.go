package lsp

import (
	"fmt"
	"sort"
	"unicode/utf8"

	"go.lsp.dev/protocol"
)

// mapper converts between byte offsets, iekit's positions, and LSP
// positions, whose characters are UTF-16 code units. It indexes the
// line starts of one version of a document once.
type mapper struct {
	text  string
	lines []int // the offset where each line starts
}

func newMapper(text string) *mapper {
	m := &mapper{text: text, lines: []int{0}}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			m.lines = append(m.lines, i+1)
		}
	}
	return m
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
// document is an error.
func (m *mapper) offset(p protocol.Position) (int, error) {
	if int(p.Line) >= len(m.lines) {
		return 0, fmt.Errorf("line %d is past the end of the document (%d lines)", p.Line+1, len(m.lines))
	}
	start := m.lines[p.Line]
	end := len(m.text)
	if int(p.Line)+1 < len(m.lines) {
		end = m.lines[p.Line+1] - 1 // the "\n"
	}
	units := 0
	for i := start; i < end; {
		if units >= int(p.Character) {
			return i, nil
		}
		r, size := utf8.DecodeRuneInString(m.text[i:])
		units += utf16Width(r)
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
