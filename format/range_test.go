package format

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/iekit/iekit/parser"
)

// TestRange formats ranges of every corpus manifest, example and golden
// input without syntax errors: the byte range of each entry and item, top
// level and nested, an empty range at its start, and the whole file. The
// edits must lie within the source without overlapping, the edited source
// must parse without syntax errors and format as the whole source does,
// and a whole-file range must give exactly what Source gives.
func TestRange(t *testing.T) {
	inputs := manifests(t)
	for _, c := range goldens(t) {
		inputs = append(inputs, manifest{c.path, c.input})
	}
	for _, m := range inputs {
		f, diags := parser.Parse("", m.src)
		if diags.HasErrors() {
			continue
		}
		t.Run(m.name, func(t *testing.T) {
			want, err := Source(m.src)
			if err != nil {
				t.Fatal(err)
			}
			whole, err := checkRange(m.src, 0, len(m.src), want)
			if err != nil {
				t.Errorf("whole file: %v", err)
			} else if whole != string(want) {
				t.Errorf("whole file: the edits give\n%s\nwant what Source gives\n%s", whole, want)
			}
			failures := 0
			parser.Inspect(f, func(n parser.Node) bool {
				switch n.(type) {
				case *parser.Entry, *parser.Item:
				default:
					return true
				}
				start, end := n.Pos().Offset, n.End().Offset
				for _, r := range [][2]int{{start, end}, {start, start}} {
					if _, err := checkRange(m.src, r[0], r[1], want); err != nil && failures < 5 {
						failures++
						t.Errorf("%T at %s, range [%d, %d) %q: %v", n, n.Pos(), r[0], r[1], m.src[r[0]:r[1]], err)
					}
				}
				return true
			})
		})
	}
}

// checkRange applies the edits of Range(src, start, end) to src and checks
// them and the result; it returns the result.
func checkRange(src []byte, start, end int, want []byte) (string, error) {
	edits, err := Range(src, start, end)
	if err != nil {
		return "", fmt.Errorf("Range: %v", err)
	}
	got, err := applyEdits(src, edits)
	if err != nil {
		return "", err
	}
	if _, diags := parser.Parse("", []byte(got)); diags.HasErrors() {
		return got, fmt.Errorf("the edited source has syntax errors: %v\n%s", diags[0], got)
	}
	again, err := Source([]byte(got))
	if err != nil {
		return got, err
	}
	if string(again) != string(want) {
		return got, fmt.Errorf("the edited source\n%s\nformats to\n%s\nwant what the source formats to\n%s", got, again, want)
	}
	return got, nil
}

// applyEdits applies non-overlapping edits, in any order, to src. It
// fails when an edit lies outside src or overlaps another.
func applyEdits(src []byte, edits []parser.TextEdit) (string, error) {
	edits = slices.Clone(edits)
	slices.SortStableFunc(edits, func(a, b parser.TextEdit) int { return cmp.Compare(a.Start, b.Start) })
	var b strings.Builder
	last := 0
	for _, e := range edits {
		if e.Start < 0 || e.End < e.Start || e.End > len(src) {
			return "", fmt.Errorf("edit [%d, %d) outside the source [0, %d)", e.Start, e.End, len(src))
		}
		if e.Start < last {
			return "", fmt.Errorf("edit [%d, %d) overlaps the edit before it, which ends at %d", e.Start, e.End, last)
		}
		b.Write(src[last:e.Start])
		b.WriteString(e.NewText)
		last = e.End
	}
	b.Write(src[last:])
	return b.String(), nil
}

// TestRangeCases formats ranges of small sources. The range is the first
// occurrence of at in src, or an empty range at its start when empty is
// set. The edited source must format as the whole source does.
func TestRangeCases(t *testing.T) {
	cases := []struct {
		name, src, at string
		empty         bool
	}{
		{name: "line middle", src: "a:    1\nb:   2\n", at: "1\nb"},
		{name: "empty at a boundary", src: "a:    1\nb:   2\n", at: "b", empty: true},
		{name: "empty at the end", src: "a:    1\n\n\n", at: "\n\n", empty: true},
		{name: "two entries", src: "a:\n  x: 1\nb:\n  y: 2\nc:   3\n", at: "x: 1\nb"},
		{name: "bom crlf", src: "\uFEFFa:\r\n  x: 1\r\nb:  2\r\n", at: "b"},
		{name: "comment-only", src: "  # one\n\n\n# two\n", at: "two"},
		// A comment before c, indented less than a's block: when a's block
		// moves left, the comment must not become its trailing comment.
		{name: "comment before the next entry", src: "a:\n      b: 1\n    # about c\nc: 1\n", at: "b: 1"},
		{name: "comment at the end", src: "a:\n      b: 1\n    # the end\n", at: "b: 1"},
		{name: "comment after a list", src: "a:\n       - x\n     # about c\nc: 1\n", at: "x"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := []byte(c.src)
			start := strings.Index(c.src, c.at)
			if start < 0 {
				t.Fatalf("%q is not in the source", c.at)
			}
			end := start + len(c.at)
			if c.empty {
				end = start
			}
			want, err := Source(src)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := checkRange(src, start, end, want); err != nil {
				t.Errorf("range [%d, %d) %q of %q: %v", start, end, c.at, c.src, err)
			}
		})
	}
}
