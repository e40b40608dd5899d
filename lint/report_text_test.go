package lint

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/iekit/iekit/parser"
)

// TestSnippetWindow checks that the snippet of a long line is a window
// around the span, marked "..." where it is cut, with the mark under the
// span's first character.
func TestSnippetWindow(t *testing.T) {
	long := strings.Repeat("abcdefghij", 100) // 1000 characters
	for _, c := range []struct {
		name      string
		line      string
		col       int    // of the finding, 1-based
		width     int    // of the span
		pre, post bool   // whether the shown line is cut before and after
		under     string // what the mark's first character stands under
	}{
		{"short", "key: value", 6, 5, false, false, "v"},
		{"start", "k: " + long, 1, 1, false, true, "k"},
		{"middle", "k: " + long[:500] + "XYZ" + long[500:], 504, 3, true, true, "X"},
		{"end", "k: " + long + "XYZ", 1004, 3, true, false, "X"},
		{"wide", "k: é" + long + "é", 4, 1000, false, true, "é"},
		{"escaped", "k: \x1b" + long, 5, 3, false, true, "a"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := &Result{Name: "m", Src: []byte(c.line + "\n")}
			start := parser.Pos{Line: 1, Col: c.col, Offset: c.col - 1}
			end := parser.Pos{Line: 1, Col: c.col + c.width, Offset: c.col - 1 + c.width}
			line, mark := snippet(r, parser.Diagnostic{Start: start, End: end})
			if n := utf8.RuneCountInString(line); n > snippetWidth+6 {
				t.Errorf("the snippet has %d characters", n)
			}
			if got := strings.HasPrefix(line, "..."); got != c.pre {
				t.Errorf("cut before: %v, want %v: %q", got, c.pre, line)
			}
			if got := strings.HasSuffix(line, "..."); got != c.post {
				t.Errorf("cut after: %v, want %v: %q", got, c.post, line)
			}
			at := strings.IndexByte(mark, '^')
			shown := []rune(line)
			if at < 0 || at >= len(shown) || string(shown[at]) != c.under {
				t.Fatalf("mark %q under %q: want it under %q", mark, line, c.under)
			}
			if tildes := len(mark) - at - 1; tildes+at > len(shown) {
				t.Errorf("the mark %q runs past the line %q", mark, line)
			}
		})
	}
}

// TestWriteTextLongLine checks that the text report of many findings on
// one long line stays in proportion to the findings, not to their
// number times the line.
func TestWriteTextLongLine(t *testing.T) {
	src := "notificationEmail: ops@example.com" + strings.Repeat(";x", 100000) + "\n"
	r := Check("m", []byte(src), nil)
	var b bytes.Buffer
	if err := WriteText(&b, []*Result{r}, TextOptions{Snippets: true}); err != nil {
		t.Fatal(err)
	}
	if b.Len() > 200*len(r.Diagnostics)*2 {
		t.Errorf("%d bytes of report for %d findings", b.Len(), len(r.Diagnostics))
	}
}

// FuzzSnippet checks the snippet of any line and span: no control
// character but a tab reaches the output, the line is cut to the window,
// and the mark starts within the line shown.
func FuzzSnippet(f *testing.F) {
	f.Add("eraseDevice: True \x1b]0;t\x07", 14, 4)
	f.Add(strings.Repeat("é;x\t", 200), 300, 2000)
	f.Fuzz(func(t *testing.T, line string, col, width int) {
		if strings.ContainsAny(line, "\n") {
			return
		}
		col, width = 1+abs(col)%(len(line)+2), abs(width)%(len(line)+2)
		r := &Result{Name: "m", Src: []byte(line)}
		d := parser.Diagnostic{Start: parser.Pos{Line: 1, Col: col}, End: parser.Pos{Line: 1, Col: col + width}}
		shown, mark := snippet(r, d)
		for _, c := range shown + mark {
			if c < 0x20 && c != '\t' || c == 0x7f || c >= 0x80 && c < 0xa0 {
				t.Fatalf("control character %U in %q / %q", c, shown, mark)
			}
		}
		if n := utf8.RuneCountInString(shown); n > snippetWidth+6 {
			t.Errorf("%d characters shown", n)
		}
		if at := strings.IndexByte(mark, '^'); at < 0 || at > utf8.RuneCountInString(shown) {
			t.Errorf("mark %q under %q", mark, shown)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
