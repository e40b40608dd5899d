package lint

import (
	"fmt"
	"strings"
	"testing"

	"github.com/iekit/iekit/internal/fuzzedit"
	"github.com/iekit/iekit/parser"
)

// FuzzIncremental applies a sequence of edits, decoded from ops, to a
// parser.Document, lints each version with one Incremental, and checks
// that every Result is CheckFile's of a fresh parse of the text: the same
// findings, with the same places, messages, related places, fixes and
// data, and the same kind.
func FuzzIncremental(f *testing.F) {
	ops := [][]byte{
		{0x00, 0x80, 0, 20},                     // a fragment in the middle
		{0x03, 0xc0, 0, 0, 0x04, 0x40, 0, 0xc0}, // delete a line, copy another
		{0x05, 0x90, 0, 9, 0x07, 0xa0, 0, 2},    // replace a few bytes, indent a line
		{0x02, 0xe0, 0, 3, 0x41, 0x20, 0, 22},   // delete, then the whole text with a new item
	}
	seeds := append(fuzzSeeds(f), []byte(exportWithItems(6)))
	for i, src := range seeds {
		f.Add(src, ops[i%len(ops)])
	}
	f.Fuzz(func(t *testing.T, src, ops []byte) {
		if len(ops) > 128 { // 32 edits: long enough, and quick to minimise
			ops = ops[:128]
		}
		d := parser.NewDocument("fuzz.manifest", src)
		var inc Incremental
		check := func() error {
			file, syntax := d.File()
			text := []byte(d.Text())
			return sameResult(inc.CheckFile(file, syntax, text, nil), Check("fuzz.manifest", text, nil))
		}
		err := check()
		if err == nil {
			err = fuzzedit.Decode(d.Text(), ops, func(e fuzzedit.Edit, whole, _ bool) (string, error) {
				text := d.Text()
				text = text[:e.Start] + e.Text + text[e.End:]
				if whole {
					d.SetText([]byte(text))
				} else if err := d.Edit(e.Start, e.End, []byte(e.Text)); err != nil {
					return text, err
				}
				return text, check()
			})
		}
		if err != nil {
			t.Fatalf("%v\n--- text\n%s", err, d.Text())
		}
	})
}

// TestIncremental checks edits of a manifest with many operations items
// whose findings Incremental keeps: typing in an item, in the text before
// the list, adding and removing items, making two items the same, and
// changing the job kind.
func TestIncremental(t *testing.T) {
	// Each step finds at, inserts text at offset from it, and deletes del
	// bytes there.
	steps := []struct {
		at     string
		offset int
		del    int
		text   string
		linted int // how many items the rules run over again; -1 for all
	}{
		{"  - prefix: logs/8\n", 5, 0, "X", 1},                           // a key inside an item
		{"  - pXrefix: logs/8\n", 5, 1, "", 0},                           // and back
		{"manifestVersion", 0, 0, "# note\n", -1},                        // a line above everything
		{"  - prefix: logs/8\n", 0, 0, "  - bucket: Bad_Bucket\n", -1},   // a new item
		{"  - prefix: logs/8\n", 0, 0, "  - prefix: logs/8\n", -1},       // a copy of an item
		{"# note\n", 0, len("# note\n"), "", -1},                         // the line above, gone
		{"  - prefix: logs/8\n", 0, len("  - prefix: logs/8\n"), "", -1}, // an item gone
		{"    prefix: a/\n", 14, 0, " # a comment", 1},                   // a comment inside an item
		{"operations:", 0, 0, "pinCode: 1\n", -1},                        // a secret before the list
		{"logPrefix", 0, 0, "jobType: Import\n", -1},                     // another job kind
	}
	d := parser.NewDocument("many.manifest", []byte(exportWithItems(40)))
	var inc Incremental
	check := func(step, linted int) {
		t.Helper()
		file, syntax := d.File()
		got, want := inc.CheckFile(file, syntax, []byte(d.Text()), nil), Check("many.manifest", []byte(d.Text()), nil)
		if err := sameResult(got, want); err != nil {
			t.Fatalf("step %d: %v", step, err)
		}
		if len(want.Diagnostics) == 0 {
			t.Fatalf("step %d: no findings: the test keeps none", step)
		}
		items := len(layoutOf(file, []byte(d.Text())).lists[0].items)
		if linted != -1 && inc.linted != linted || linted == -1 && inc.linted != items {
			t.Errorf("step %d: the rules ran over %d items of %d, want %d (-1: all)", step, inc.linted, items, linted)
		}
	}
	check(0, -1)
	for i, s := range steps {
		at := strings.Index(d.Text(), s.at)
		if at < 0 {
			t.Fatalf("step %d: no %q in the text", i+1, s.at)
		}
		if err := d.Edit(at+s.offset, at+s.offset+s.del, []byte(s.text)); err != nil {
			t.Fatal(err)
		}
		check(i+1, s.linted)
	}
}

// exportWithItems returns an export manifest with n operations items,
// some with findings of their own.
func exportWithItems(n int) string {
	var b strings.Builder
	b.WriteString("manifestVersion: 2.0\ngenerator: test\ndeviceId: 49382\neraseDevice: yes\nnotificationEmail: ops@example.com\n")
	b.WriteString("returnAddress:\n  name: Amy Ng\n  street1: 1 Main St\n  city: Seattle\n  stateOrProvince: WA\n  postalCode: 98101\n  phoneNumber: 206-555-0100\n  country: USA\n")
	b.WriteString("operations:\n")
	for i := range n {
		switch i % 4 {
		case 0:
			fmt.Fprintf(&b, "  - prefix: logs/%d\n", i)
		case 1:
			fmt.Fprintf(&b, "  - exportBucket: bucket_%d\n    prefix: a/\n", i)
		case 2:
			fmt.Fprintf(&b, "  # item %d\n  - beginMarker: z\n    endMarker: a\n", i)
		case 3:
			fmt.Fprintf(&b, "\n  - prefix: 'x'\n    prefx: y\n    prefix: z\n")
		}
	}
	b.WriteString("logPrefix: logs\n")
	return b.String()
}

// sameResult reports how two Results of one text differ, or nil.
func sameResult(got, want *Result) error {
	if got.Kind != want.Kind {
		return fmt.Errorf("kind %s, want %s", got.Kind, want.Kind)
	}
	g, w := describeAll(got.Diagnostics), describeAll(want.Diagnostics)
	if g != w {
		return fmt.Errorf("incremental findings\n%s--- want\n%s", g, w)
	}
	return nil
}

func describeAll(ds parser.Diagnostics) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(describe(d) + "\n")
	}
	return b.String()
}

// TestIncrementalManyLists edits a manifest of many top-level lists, with
// findings in the items and around them, so that finding a place's unit
// searches among the lists.
func TestIncrementalManyLists(t *testing.T) {
	var b strings.Builder
	b.WriteString("manifestVersion: 2.0\n")
	for i := range 60 {
		fmt.Fprintf(&b, "list%d:\n  - prefix: 'x'\n    prefx: y\n  - a: yes\nkey%d: True\n", i, i)
	}
	d := parser.NewDocument("lists.manifest", []byte(b.String()))
	var inc Incremental
	for i, at := range []string{"prefx: y\n  - a", "list30:", "key59", "prefx: y\n  - a"} {
		file, syntax := d.File()
		if err := sameResult(inc.CheckFile(file, syntax, []byte(d.Text()), nil), Check("lists.manifest", []byte(d.Text()), nil)); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		off := strings.LastIndex(d.Text(), at)
		if err := d.Edit(off+1, off+1, []byte("z")); err != nil {
			t.Fatal(err)
		}
	}
	file, syntax := d.File()
	if err := sameResult(inc.CheckFile(file, syntax, []byte(d.Text()), nil), Check("lists.manifest", []byte(d.Text()), nil)); err != nil {
		t.Fatal(err)
	}
	if inc.linted != 1 {
		t.Errorf("the last keystroke, in one item, linted %d items again", inc.linted)
	}
}
