package parser

import (
	"strings"
)

// Parse parses a manifest. It always returns a tree, partial when the
// source has errors, together with every syntax problem found, sorted by
// position (nil when there are none). filename is only recorded in the
// tree.
func Parse(filename string, src []byte) (*File, Diagnostics) {
	text := string(src)
	f := &File{Name: filename, BOM: strings.HasPrefix(text, bom)}
	b := newBuilder(text)
	eofPos, err := parseLines(filename, text, b.line)
	eof := Pos{Offset: eofPos.Offset, Line: eofPos.Line, Col: eofPos.Column}
	if err != nil {
		// The lexer only emits what the grammar accepts, so this is a bug in
		// this package: say so rather than hide it.
		b.report(eof, eof, "internal error: %v", err)
	}
	b.checkText(f.Pos().Offset)
	f.Body = b.finish(eof)
	f.end = eof
	if len(b.diags) == 0 {
		return f, nil
	}
	b.diags.Sort()
	return f, b.diags
}
