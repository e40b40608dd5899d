package parser

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/iekit/iekit/internal/benchdata"
)

// edit replaces the bytes [start, end) with text.
type edit struct {
	start, end int
	text       string
}

// apply edits d and the plain text kept beside it, and checks they agree.
// With whole set, it gives d the whole new text, as SetText.
func apply(d *Document, text string, e edit, whole bool) (string, error) {
	next := text[:e.start] + e.text + text[e.end:]
	if whole {
		d.SetText([]byte(next))
	} else if err := d.Edit(e.start, e.end, []byte(e.text)); err != nil {
		return text, err
	}
	text = next
	if d.Text() != text {
		return text, fmt.Errorf("after %+v the document holds %q, want %q", e, d.Text(), text)
	}
	return text, nil
}

// sameAsParse checks that the document's tree and diagnostics are those
// of Parse of its text, field for field.
func sameAsParse(d *Document) error {
	f, diags := d.File()
	wf, wdiags := Parse(d.name, []byte(d.Text()))
	if reflect.DeepEqual(f, wf) && reflect.DeepEqual(diags, wdiags) {
		return nil
	}
	gt, gd := render(f, diags)
	wt, wd := render(wf, wdiags)
	return fmt.Errorf("incremental result differs from Parse of %q\n--- tree\n%s--- want\n%s--- diagnostics\n%s--- want\n%s",
		cut(d.Text()), gt, wt, gd, wd)
}

func TestDocument(t *testing.T) {
	cases := []struct {
		name  string
		src   string
		edits []edit
	}{
		{"type into an empty file", "", []edit{{0, 0, "a"}, {1, 1, ":"}, {2, 2, " 1\n"}, {5, 5, "b:\n  c: 2\n"}}},
		{"join two lines", "a: 1\nb: 2\n", []edit{{4, 5, ""}}},
		{"split a line", "a: 1 b: 2\n", []edit{{4, 5, "\n"}}},
		{"join across crlf", "a:\r\n  b: 1\r\nc: 2\r\n", []edit{{3, 4, ""}, {2, 3, ""}}},
		{"split a crlf", "a: 1\r\nb: 2\r\n", []edit{{5, 5, "x\r"}}},
		{"delete everything", "a:\n  b: 1\n# c\n", []edit{{0, 14, ""}}},
		{"replace everything", "a: 1\n", []edit{{0, 5, "l:\n  - x\n  - y: 1\n    z: 2\n"}}},
		{"insert a bom", "a: 1\n", []edit{{0, 0, bom}, {3, 3, "\n"}, {0, 3, ""}}},
		{"break a bom", bom + "a: 1\n", []edit{{1, 2, ""}, {1, 1, "\xBB"}}},
		{"append without newline", "a: 1", []edit{{4, 4, "\nb"}, {6, 6, ": 2"}}},
		{"dedent a block", "a:\n  b: 1\n  c: 2\nd: 3\n", []edit{{10, 12, ""}, {10, 10, "   "}}},
		{"tab indent", "a:\n  b: 1\n  c: 2\n", []edit{{10, 12, "\t"}, {3, 5, "\t"}}},
		{"comment out a line", "a:\n  b: 1\n  c: 2\n", []edit{{5, 5, "# "}, {0, 0, "# "}}},
		{"break a quote", "a: \"x\"\nb: 'y'\n", []edit{{5, 6, ""}, {11, 11, "'"}}},
		{"control bytes", "a: 1\nb: 2\n", []edit{{3, 3, "\x00"}, {9, 9, "\xff\xfe"}, {3, 4, ""}}},
		{"non-ascii split", "a: é\n", []edit{{4, 4, "\n"}, {4, 5, ""}}},
		{"value and block", "a: 1\nb: 2\n", []edit{{10, 10, "  c: 3\n"}, {5, 5, "  x: 0\n"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := NewDocument("x.manifest", []byte(c.src))
			d.every = 1 // resume from every line there is
			if err := sameAsParse(d); err != nil {
				t.Fatal(err)
			}
			text := c.src
			for _, e := range c.edits {
				var err error
				if text, err = apply(d, text, e, false); err != nil {
					t.Fatal(err)
				}
				if err := sameAsParse(d); err != nil {
					t.Fatalf("after %+v: %v", e, err)
				}
			}
		})
	}
}

func TestDocumentBadEdit(t *testing.T) {
	d := NewDocument("x", []byte("a: 1\n"))
	for _, e := range []edit{{-1, 0, ""}, {2, 1, ""}, {0, 6, ""}, {6, 6, "x"}} {
		err := d.Edit(e.start, e.end, []byte(e.text))
		if err == nil || !strings.Contains(err.Error(), "outside a source of 5 bytes") {
			t.Errorf("edit %+v: error %v", e, err)
		}
	}
	if d.Text() != "a: 1\n" {
		t.Errorf("a refused edit changed the text to %q", d.Text())
	}
}

// TestDocumentRelexesTouchedLinesOnly checks that an edit keeps the tokens
// of every line it does not touch as they were, and lexes the lines it
// touches again.
func TestDocumentRelexesTouchedLinesOnly(t *testing.T) {
	src := "a: 1\nb:\n  c: 2\n  d: 3\ne: 4\n"
	d := NewDocument("x", []byte(src))
	before := make([]*token, len(d.lines))
	for i, l := range d.lines {
		if l.toks != nil {
			before[i] = &l.toks[0]
		}
	}
	if err := d.Edit(strings.Index(src, "2"), strings.Index(src, "2")+1, []byte("22")); err != nil {
		t.Fatal(err)
	}
	for i, l := range d.lines {
		if l.toks == nil {
			continue
		}
		if kept := &l.toks[0] == before[i]; kept != (i != 2) {
			t.Errorf("line %d: tokens kept %v", i+1, kept)
		}
	}
	if err := sameAsParse(d); err != nil {
		t.Fatal(err)
	}
}

// TestDocumentResultsStay checks that a tree the document returned does
// not change when the document is edited and parsed again.
func TestDocumentResultsStay(t *testing.T) {
	d := NewDocument("x", []byte("a:\n  b: 1\nc:\n  - d: 2\n"))
	f, diags := d.File()
	tree, list := render(f, diags)
	for _, e := range []edit{{9, 9, "\n  x:"}, {0, 0, "  "}, {2, 12, ""}} {
		if err := d.Edit(e.start, e.end, []byte(e.text)); err != nil {
			t.Fatal(err)
		}
		d.File()
	}
	if t2, l2 := render(f, diags); t2 != tree || l2 != list {
		t.Errorf("an earlier result changed:\n%s%s\nwas\n%s%s", t2, l2, tree, list)
	}
}

// TestDocumentSnapshotSize checks that the snapshots of a deeply nested
// document, or of one with a long run of comment lines, hold no more
// frames and comments than it has lines, and that an edit in the middle
// still gives Parse's result.
func TestDocumentSnapshotSize(t *testing.T) {
	for name, src := range map[string]string{
		"deep":     deepSource(1_000),
		"comments": "a: 1\n" + strings.Repeat("# note\n", 5_000) + "b: 2\n",
	} {
		d := NewDocument("x", []byte(src))
		d.File()
		size := 0
		for _, s := range d.snaps {
			size += len(s.stack) + len(s.comments)
		}
		if size > 2*len(d.lines) {
			t.Errorf("%s: %d lines, %d frames and comments in %d snapshots", name, len(d.lines), size, len(d.snaps))
		}
		mid := d.starts[len(d.lines)/2]
		if err := d.Edit(mid, mid+1, []byte("j")); err != nil {
			t.Fatal(err)
		}
		if err := sameAsParse(d); err != nil {
			t.Fatalf("%s: %s", name, cut(err.Error()))
		}
	}
}

// operations returns a manifest of n operations items, two lines each.
func operations(n int) string {
	var b strings.Builder
	b.WriteString("operations:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - exportBucket: b%d\n    prefix: p%d/\n", i, i)
	}
	return b.String()
}

// TestDocumentSnapshotsKeepNoOldTree checks that after edits here and
// there, every block the snapshots refer to is part of the latest tree:
// the trees built before are not kept alive by the document.
func TestDocumentSnapshotsKeepNoOldTree(t *testing.T) {
	d := NewDocument("x", []byte(operations(200)))
	d.every = 4
	d.File()
	for _, line := range []int{300, 10, 200, 390, 5, 250} {
		at := d.starts[line] + 6
		if err := d.Edit(at, at, []byte("x")); err != nil {
			t.Fatal(err)
		}
		d.File()
	}
	if err := sameAsParse(d); err != nil {
		t.Fatal(err)
	}
	f, _ := d.File()
	live := map[Node]bool{}
	Inspect(f, func(n Node) bool {
		if blk, ok := n.(Block); ok {
			live[blk] = true
		}
		return true
	})
	for _, s := range d.snaps {
		for j, fr := range s.stack {
			if !live[fr.block] {
				t.Fatalf("the snapshot of line %d refers to a block at depth %d that is not in the latest tree", s.line+1, j)
			}
		}
	}
}

// TestDocumentConcurrentReaders reads a tree in another goroutine while
// the document is edited and builds new trees sharing its nodes: under
// the race detector, any write to a node of the old tree is reported.
func TestDocumentConcurrentReaders(t *testing.T) {
	d := NewDocument("x", []byte("a:\n  b: 1\nl:\n  - c: 2\n    d:\n  - e\nz: 3\n"))
	d.every = 1
	f, diags := d.File()
	want, _ := render(f, diags)
	done := make(chan string)
	go func() {
		var got string
		for range 50 {
			got, _ = render(f, diags)
		}
		done <- got
	}()
	for _, e := range []edit{{28, 28, "\n      x: 1"}, {23, 23, "q"}, {0, 0, "# c\n"}, {40, 45, ""}} {
		if err := d.Edit(e.start, e.end, []byte(e.text)); err != nil {
			t.Fatal(err)
		}
		if err := sameAsParse(d); err != nil {
			t.Fatal(err)
		}
	}
	if got := <-done; got != want {
		t.Errorf("the tree changed while it was read:\n%s\nwant\n%s", got, want)
	}
}

// TestDocumentSetText checks that SetText gives Parse's result, and lexes
// again only the lines between the start and the end the texts share.
func TestDocumentSetText(t *testing.T) {
	long := strings.Repeat("k: v\n", 40)
	for _, c := range []struct{ from, to string }{
		{"", "a: 1\n"},
		{"a: 1\n", ""},
		{"a: 1\n", "a: 1\n"},
		{"aaaa: 1\n", "aaaaa: 1\n"},
		{"a: 1\nb: 2\n", "a: 1\nb: 2\nb: 2\n"},
		{long + "x: 1\n" + long, long + "x: 12\n" + long},
		{long + "x:\n  y: 1\n" + long, long + long},
		{bom + "a: 1\r\n", "a: 1\r\n"},
	} {
		d := NewDocument("x", []byte(c.from))
		d.every = 1
		d.File()
		kept := map[*token]bool{}
		for _, l := range d.lines {
			if l.toks != nil {
				kept[&l.toks[0]] = true
			}
		}
		d.SetText([]byte(c.to))
		if d.Text() != c.to {
			t.Fatalf("%q to %q: the document holds %q", c.from, c.to, d.Text())
		}
		if err := sameAsParse(d); err != nil {
			t.Fatalf("%q to %q: %v", c.from, c.to, err)
		}
		lexed := 0
		for _, l := range d.lines {
			if l.toks != nil && !kept[&l.toks[0]] {
				lexed++
			}
		}
		if lexed > 2 {
			t.Errorf("%q to %q: %d lines lexed again", cut(c.from), cut(c.to), lexed)
		}
	}
}

// TestDocumentTyping types new lines into a generated export manifest one
// character at a time, as a person would, at three places, with the
// snapshots as far apart as outside tests, and compares with Parse along
// the way.
func TestDocumentTyping(t *testing.T) {
	src := string(benchdata.Large(64 << 10))
	d := NewDocument("x", []byte(src))
	d.File()
	for _, line := range []int{len(d.lines) / 2, 3, len(d.lines) - 1} {
		at := d.starts[line]
		for i, c := range []byte("  - exportBucket: new\n    prefix: a b\n\t- x:y\n") {
			if err := d.Edit(at, at, []byte{c}); err != nil {
				t.Fatal(err)
			}
			at++
			if i%7 == 0 {
				if err := sameAsParse(d); err != nil {
					t.Fatalf("line %d, after %d characters: %s", line+1, i+1, cut(err.Error()))
				}
			}
		}
	}
	if err := sameAsParse(d); err != nil {
		t.Fatal(cut(err.Error()))
	}
}

// TestDocumentKeepsNoOldSource checks that the strings of a tree built
// after edits here and there are not cut from the source of any version
// after the first: a tree shares nodes with the trees before it, and its
// strings would otherwise keep every one of those sources alive.
func TestDocumentKeepsNoOldSource(t *testing.T) {
	d := NewDocument("x", []byte(operations(300)))
	d.every = 4
	d.File()
	var versions []string
	for _, line := range []int{500, 10, 200, 580, 400, 5, 250} {
		at := d.starts[line] + 6
		if err := d.Edit(at, at, []byte("x")); err != nil {
			t.Fatal(err)
		}
		d.File()
		versions = append(versions, d.Text())
	}
	f, _ := d.File()
	within := func(s, in string) bool {
		p, q := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(in)))
		return len(s) > 0 && p >= q && p < q+uintptr(len(in))
	}
	Inspect(f, func(n Node) bool {
		var s string
		switch n := n.(type) {
		case *Key:
			s = n.Raw
		case *Scalar:
			s = n.Raw
		case *Comment:
			s = n.Text
		}
		for i, v := range versions {
			if within(s, v) {
				t.Fatalf("%q at %s is cut from the source after edit %d", s, n.Pos(), i+1)
			}
		}
		return true
	})
}
