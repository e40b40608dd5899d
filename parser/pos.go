package parser

import "fmt"

// Pos is a position in a manifest. Offset is the source of truth; Line and
// Col are derived from it for people.
type Pos struct {
	Offset int // byte offset from the start of the file, 0-based
	Line   int // line number, 1-based
	Col    int // byte column, 1-based; a leading BOM is not counted
}

// IsValid reports whether p is a real position (the zero Pos is not).
func (p Pos) IsValid() bool { return p.Line > 0 }

// String returns "line:col".
func (p Pos) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }

// Advance returns the position n bytes further on the same line.
func (p Pos) Advance(n int) Pos {
	return Pos{Offset: p.Offset + n, Line: p.Line, Col: p.Col + n}
}
