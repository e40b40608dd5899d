package parser

import (
	"fmt"
	"strings"
	"testing"
)

type edgeCase struct {
	name  string
	src   string
	data  string   // the tree's data in compact form; "" skips the comparison
	diags []string // "line:col: message", in order
}

// deepSource nests depth keys, each indented one column more than its parent.
func deepSource(depth int) string {
	var b strings.Builder
	for i := 0; i < depth; i++ {
		b.WriteString(strings.Repeat(" ", i))
		fmt.Fprintf(&b, "k%d:\n", i)
	}
	b.WriteString(strings.Repeat(" ", depth) + "leaf: v\n")
	return b.String()
}

func edgeCases() []edgeCase {
	return []edgeCase{
		{name: "empty", src: "", data: "{}"},
		{name: "bom only", src: "\uFEFF", data: "{}"},
		{name: "bom", src: "\uFEFFa: 1\n", data: `{a="1"}`},
		{name: "only blank lines", src: "\n  \n\r\n\n", data: "{}"},
		{name: "only comments", src: "# one\n  # two\n", data: "{}"},
		{name: "crlf", src: "a: 1\r\nb:\r\n  c: 2\r\n", data: `{a="1" b={c="2"}}`},
		{name: "lone cr inside a value", src: "a: x\ry\n", data: "{a=\"x\\ry\"}"},
		{name: "cr at the very end", src: "a: 1\r", data: `{a="1"}`},
		{name: "no final newline", src: "a: 1\nb: 2", data: `{a="1" b="2"}`},
		{name: "tab in a value", src: "a: x\ty\n", data: "{a=\"x\\ty\"}"},
		{
			name: "tab in indentation", src: "a:\n\tb: 1\n", data: `{a={b="1"}}`,
			diags: []string{"2:1: tab in indentation; indent with spaces"},
		},
		{
			name: "tab after a dash", src: "l:\n  -\tx: 1\n", data: `{l=[{x="1"}]}`,
			diags: []string{"2:4: tab in indentation; indent with spaces"},
		},
		{
			name: "invalid utf-8", src: "a: \xff\xfe\nb: ok\n",
			diags: []string{"1:4: invalid UTF-8 byte 0xff; a manifest must be UTF-8 text"},
		},
		{
			name: "nul byte", src: "a: x\x00y\n", data: "{a=\"x\\x00y\"}",
			diags: []string{"1:5: NUL byte; a manifest must be text"},
		},
		{
			name: "escape character", src: "a: \x1b[31m\n",
			diags: []string{"1:4: control character U+001B"},
		},
		{
			name: "100,000-character value", src: "a: " + strings.Repeat("x", 100_000) + "\n",
			data: `{a="` + strings.Repeat("x", 100_000) + `"}`,
		},
		{
			name: "100,000-character broken line", src: strings.Repeat("x ", 50_000) + "\nb: 1\n", data: `{b="1"}`,
			diags: []string{`1:1: missing ":" after key "x"`},
		},
		{name: "10,000-deep indentation", src: deepSource(10_000)},
		{
			name: "10,000-column indentation", src: "a:\n" + strings.Repeat(" ", 10_000) + "b: 1\nc: 2\n",
			data: `{a={b="1"} c="2"}`,
		},
		{
			name: "value and block", src: "a: 1\n  b: 2\n  c: 3\nd: 4\n", data: `{a={b="2" c="3"} d="4"}`,
			diags: []string{`2:3: key "a" has both a value and an indented block`},
		},
		{
			name: "misaligned dedent, nearer the inner block", src: "a:\n    b: 1\n   c: 2\n   d: 3\ne: 4\n",
			data: `{a={b="1" c="2" d="3"} e="4"}`,
			diags: []string{
				"3:4: indentation of 3 does not match any enclosing block (expected 0 or 4)",
				"4:4: indentation of 3 does not match any enclosing block (expected 0 or 4)",
			},
		},
		{
			name: "misaligned dedent, nearer the outer block", src: "a:\n    b:\n        c: 1\n  d: 2\n  e: 3\nf: 4\n",
			data: `{a={b={c="1"} d="2" e="3"} f="4"}`,
			diags: []string{
				"4:3: indentation of 2 does not match any enclosing block (expected 0 or 4)",
				"5:3: indentation of 2 does not match any enclosing block (expected 0 or 4)",
			},
		},
		{
			name: "yaml compact list", src: "ops:\n- a: 1\n  b: 2\n- c: 3\nnext: x\n", data: `{ops=[{a="1" b="2"} {c="3"}] next="x"}`,
		},
		{
			name: "dash alone opens a block", src: "ops:\n  -\n    a: 1\n  -\n", data: `{ops=[{a="1"} ""]}`,
		},
		{
			name: "quoted keys and values", src: `"a\"b": "x\u00e9\ud83d\ude00"` + "\n'c''d' : 'it''s'\n",
			data: `{a"b="xé😀" c'd="it's"}`,
		},
		{
			name: "bad quotes", src: "a: \"abc\nb: 'x' y\nc: \"\\q\"\nd: \"\\ud800\"\n",
			diags: []string{
				"1:4: unterminated double-quoted value",
				`2:7: unexpected text " y" after the closing quote; quote the whole value or none of it`,
				`3:5: invalid escape "\\q"; the escapes are \", \\, \n, \t and \uXXXX`,
				`4:5: invalid \u escape: \ud800 is half of a surrogate pair`,
			},
		},
		{
			name: "every line broken", src: "x\n: y\nreturn Address: z\n---\n- top\n\"k\n",
			diags: []string{
				`1:1: missing ":" after key "x"`,
				`2:1: missing key before ":"`,
				`3:1: invalid key "return Address": a key is letters, digits, "_", "." and "-", or a quoted string`,
				`4:1: YAML document marker "---" is not part of a manifest; remove it`,
				`5:1: list item at the top level; a manifest is made of "key: value" entries`,
				"6:1: unterminated quoted key",
			},
		},
		{
			name: "items and keys mixed", src: "l:\n  - a\n  b: 1\nm:\n  x: 1\n  - y\n", data: `{l=["a"] m={x="1"}}`,
			diags: []string{
				`3:3: expected a list item ("- …") here, found key "b"`,
				`6:3: expected "key: value" here, found a list item`,
			},
		},
	}
}

func TestEdgeCases(t *testing.T) {
	for _, c := range edgeCases() {
		t.Run(c.name, func(t *testing.T) {
			f, diags := Parse("x", []byte(c.src))
			if c.data != "" {
				if got := compact(f.Body); got != c.data {
					t.Errorf("data:\n got %s\nwant %s", cut(got), cut(c.data))
				}
			}
			var got []string
			for _, d := range diags {
				got = append(got, fmt.Sprintf("%s: %s", d.Start, d.Message))
			}
			if strings.Join(got, "\n") != strings.Join(c.diags, "\n") {
				t.Errorf("diagnostics:\n got %q\nwant %q", got, c.diags)
			}
			if err := invariants([]byte(c.src)); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestDeepIndentation(t *testing.T) {
	const depth = 10_000
	f, diags := Parse("x", []byte(deepSource(depth)))
	if diags != nil {
		t.Fatalf("unexpected diagnostics: %v", diags[0])
	}
	n, m := 0, f.Body
	for len(m.Entries) == 1 && m.Entries[0].Block != nil {
		m = m.Entries[0].Block.(*Mapping)
		n++
	}
	if n != depth || m.Entries[0].Key.Name != "leaf" || m.Entries[0].Value.Text != "v" {
		t.Fatalf("nesting depth %d, want %d ending in leaf: v", n, depth)
	}
}

func TestEmptyFileSpans(t *testing.T) {
	f, _ := Parse("x", []byte("\uFEFF"))
	if !f.BOM || f.Pos() != (Pos{3, 1, 1}) || f.End() != (Pos{3, 1, 1}) || f.Body.Pos() != f.End() {
		t.Fatalf("got bom=%v %v-%v body %v", f.BOM, f.Pos(), f.End(), f.Body.Pos())
	}
	f, _ = Parse("x", []byte("a: 1"))
	if f.End() != (Pos{4, 1, 5}) {
		t.Fatalf("end of a file without newline: %+v", f.End())
	}
}

// compact renders the data of a block on one line: {key="value" key={…}},
// [item …], with Go-quoted strings.
func compact(n Node) string {
	var b strings.Builder
	var value func(v *Scalar, blk Block)
	var block func(blk Block)
	value = func(v *Scalar, blk Block) {
		switch {
		case blk != nil:
			block(blk)
		case v != nil:
			fmt.Fprintf(&b, "%q", v.Text)
		default:
			b.WriteString(`""`)
		}
	}
	block = func(blk Block) {
		switch blk := blk.(type) {
		case *Mapping:
			b.WriteString("{")
			for i, e := range blk.Entries {
				if i > 0 {
					b.WriteString(" ")
				}
				b.WriteString(e.Key.Name + "=")
				value(e.Value, e.Block)
			}
			b.WriteString("}")
		case *List:
			b.WriteString("[")
			for i, it := range blk.Items {
				if i > 0 {
					b.WriteString(" ")
				}
				value(it.Value, it.Block)
			}
			b.WriteString("]")
		}
	}
	block(n.(Block))
	return b.String()
}

func cut(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}

// TestCompactListComment checks that a comment at the column of a list
// written at its key's column belongs to the entry after the list, as it
// would after an indented list.
func TestCompactListComment(t *testing.T) {
	for _, src := range []string{
		"ignore:\n- a\n# about bucket\nbucket: b\n",
		"ignore:\n  - a\n# about bucket\nbucket: b\n",
	} {
		f, diags := Parse("x", []byte(src))
		if diags != nil {
			t.Fatal(diags[0])
		}
		bucket := f.Body.Lookup("bucket")
		list := f.Body.Lookup("ignore").Block.(*List)
		if len(bucket.Comments) != 1 || len(list.Trailing) != 0 {
			t.Errorf("%q: bucket has %d comments, the list %d trailing", src, len(bucket.Comments), len(list.Trailing))
		}
	}
}

// TestMessagesQuoteShort checks that no message quotes more than a short
// excerpt of the source, however long the text it is about.
func TestMessagesQuoteShort(t *testing.T) {
	long := strings.Repeat("x", 200)
	for _, src := range []string{
		`"` + long + `"` + long + ": v\n",
		`"` + long + `" v` + "\n",
		long + " v\n",
		"k: '" + long + "'" + long + "\n",
		"@" + long + "\n",
	} {
		_, diags := Parse("", []byte(src))
		if len(diags) == 0 {
			t.Errorf("%.20q: no syntax error", src)
		}
		for _, d := range diags {
			if strings.Contains(d.Message, strings.Repeat("x", 41)) {
				t.Errorf("%.20q: message quotes too much: %s", src, d.Message)
			}
		}
	}
}
