package lint

import (
	"testing"

	"github.com/iekit/iekit/parser"
)

func TestCROnly(t *testing.T) {
	for _, c := range []struct {
		src   string
		col   int    // of the finding; 0 for none
		fixed string // the source with the fix applied
	}{
		{"", 0, ""},
		{"a: 1\n", 0, ""},
		{"a: 1\r\nb: 2\r\n", 0, ""},
		{"a: 1\r", 0, ""},        // a trailing CR is a blank
		{"a: 1\r\n", 0, ""},      // one CRLF line
		{"a: x\ry\nb: 2", 0, ""}, // a lone CR inside a line of an LF file
		{"a: 1\rb: 2", 5, "a: 1\nb: 2"},
		{"a: 1\rb: 2\r", 5, "a: 1\nb: 2\n"},
		{"a: 1\rb: 2\n", 5, "a: 1\nb: 2\n"},
		{"a: 1\rb: 2\r\n", 5, "a: 1\nb: 2\n"},
		{"\xef\xbb\xbf# c\ra: 1\r", 4, "\xef\xbb\xbf# c\na: 1\n"},
	} {
		d, ok := crOnly([]byte(c.src))
		if !ok {
			if c.col != 0 {
				t.Errorf("crOnly(%q): no finding, want one at column %d", c.src, c.col)
			}
			continue
		}
		if d.Start.Col != c.col || d.Start.Line != 1 || d.End.Offset != d.Start.Offset+1 {
			t.Errorf("crOnly(%q) at %+v-%+v, want 1:%d", c.src, d.Start, d.End, c.col)
		}
		if got, n := ApplyFixes([]byte(c.src), []parser.Diagnostic{d}, false); string(got) != c.fixed || n != 1 {
			t.Errorf("crOnly(%q) fixed: %q (%d fixes), want %q", c.src, got, n, c.fixed)
		}
	}
}
