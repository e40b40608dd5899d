package visible

import "testing"

func TestEscape(t *testing.T) {
	for _, c := range []struct{ in, line, text string }{
		{"", "", ""},
		{"plain ascii: 1-2;3", "plain ascii: 1-2;3", "plain ascii: 1-2;3"},
		{"tab\tkept", "tab\tkept", "tab\tkept"},
		{"a\nb", `a\x0ab`, "a\nb"},
		{"cr\r\n", `cr\x0d\x0a`, "cr\\x0d\n"},
		{"\x1b[2Jclear", `\x1b[2Jclear`, `\x1b[2Jclear`},
		{"\x1b]0;title\a", `\x1b]0;title\x07`, `\x1b]0;title\x07`},
		{"nul\x00del\x7f", `nul\x00del\x7f`, `nul\x00del\x7f`},
		{"c1 \u009b31m", `c1 \u009b31m`, `c1 \u009b31m`},
		{"raw \x9b byte", `raw \x9b byte`, `raw \x9b byte`},
		{"cut \xe2\x82", `cut \xe2\x82`, `cut \xe2\x82`},
		{"straße €5 日本 \u00a0nbsp", "straße €5 日本 \u00a0nbsp", "straße €5 日本 \u00a0nbsp"},
	} {
		if got := Line(c.in); got != c.line {
			t.Errorf("Line(%q) = %q, want %q", c.in, got, c.line)
		}
		if got := Text(c.in); got != c.text {
			t.Errorf("Text(%q) = %q, want %q", c.in, got, c.text)
		}
	}
}
