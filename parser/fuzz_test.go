package parser

import (
	"testing"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/iekit/iekit/internal/fuzzedit"
)

// FuzzParse feeds arbitrary bytes to the parser: it must never panic, the
// participle grammar must accept every line the lexer produces, and the
// tree must keep all the promises TestInvariants checks.
func FuzzParse(f *testing.F) {
	for _, c := range corpus(f) {
		f.Add(c.src)
	}
	for _, c := range edgeCases() {
		if len(c.src) < 4096 {
			f.Add([]byte(c.src))
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if _, err := parseLines("fuzz", string(src), func([]lexer.Token) {}); err != nil {
			t.Fatalf("participle returned an error: %v", err)
		}
		if err := invariants(src); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzIncremental applies a sequence of edits, decoded from ops, to a
// Document and checks after the edits ops marks, and at the end, that its
// tree and diagnostics are those of Parse of the text, and that the trees
// it returned before have not changed since.
func FuzzIncremental(f *testing.F) {
	seeds := [][]byte{
		{0x80, 0x80, 0, 0},                                        // a line break in the middle
		{0x02, 0x40, 0, 3, 0x83, 0xc0, 0, 0},                      // delete a few bytes, then a line
		{0x05, 0x20, 0, 17, 0x07, 0x90, 0, 2, 0x86, 0, 0, '\t'},   // replace, indent, a raw tab
		{0x04, 0x60, 0, 100, 0x80, 0, 0, 16, 0x81, 0xff, 0xff, 1}, // copy a line, bom, crlf at the end
	}
	for i, c := range corpus(f) {
		f.Add(c.src, seeds[i%len(seeds)])
	}
	f.Fuzz(func(t *testing.T, src, ops []byte) {
		if len(ops) > 256 { // 64 edits: long enough, and quick to minimise
			ops = ops[:256]
		}
		d := NewDocument("fuzz", src)
		d.every = 1 + len(ops)%3 // resume from every line, or every few
		type result struct{ tree, diags string }
		var kept []result
		var files []*File
		var diags []Diagnostics
		err := fuzzedit.Decode(string(src), ops, func(e fuzzedit.Edit, whole, check bool) (string, error) {
			text, err := apply(d, d.Text(), edit{e.Start, e.End, e.Text}, whole)
			if err == nil && check {
				err = sameAsParse(d)
				f, ds := d.File()
				tree, list := render(f, ds)
				kept, files, diags = append(kept, result{tree, list}), append(files, f), append(diags, ds)
			}
			return text, err
		})
		if err == nil {
			err = sameAsParse(d)
		}
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range kept {
			if tree, list := render(files[i], diags[i]); tree != r.tree || list != r.diags {
				t.Fatalf("result %d changed after later edits", i)
			}
		}
	})
}
