package format

import (
	"io"

	"github.com/iekit/iekit/parser"
)

// SyntaxError is returned for a source with syntax errors, which is never
// formatted.
type SyntaxError struct {
	Diagnostics parser.Diagnostics
}

func (e *SyntaxError) Error() string { return e.Diagnostics.Error() }

// Source returns the canonical form of a manifest, or a *SyntaxError.
func Source(src []byte) ([]byte, error) {
	f, err := parse(src)
	if err != nil {
		return nil, err
	}
	out, _ := print(f)
	return out, nil
}

// Node writes the canonical form of a parsed manifest, which must have no
// syntax errors.
func Node(w io.Writer, f *parser.File) error {
	out, _ := print(f)
	_, err := w.Write(out)
	return err
}

// Range returns the edits that format the top-level entries the byte range
// [start, end) of src touches, each with its comments, its block and the
// blank lines before it (a nested entry cannot be formatted alone: its
// siblings must keep one indentation). The text before the first entry
// and after the last one count as entries too. An entry whose lines change
// takes the next one along: the next entry's comments are placed by their
// column, and must move with the block they follow. Applying the edits of
// every range of a file gives what Source gives. When the top level is
// indented, its entries move together: any range formats the whole file.
func Range(src []byte, start, end int) ([]parser.TextEdit, error) {
	f, err := parse(src)
	if err != nil {
		return nil, err
	}
	out, outStarts := print(f)
	srcStarts := sourceRegions(src, f)
	all := len(f.Body.Entries) > 0 && f.Body.Entries[0].Key.Pos().Col != 1
	var edits []parser.TextEdit
	carried := false // the region before changed: this one moves with it
	for i := range srcStarts {
		s0, s1 := srcStarts[i], len(src)
		o0, o1 := outStarts[i], len(out)
		if i+1 < len(srcStarts) {
			s1, o1 = srcStarts[i+1], outStarts[i+1]
		}
		touched := all || carried || (start < s1 && end > s0) || (start == end && start >= s0 && start <= s1)
		carried = false
		if !touched || string(src[s0:s1]) == string(out[o0:o1]) {
			continue
		}
		edits = append(edits, parser.TextEdit{Start: s0, End: s1, NewText: string(out[o0:o1])})
		carried = true
	}
	return edits, nil
}

// sourceRegions returns where in src each top-level entry's region starts,
// matching print's regions: the first at 0 (a BOM included), each next
// one right after the line where the entry before it ends, and last the
// region after the last entry.
func sourceRegions(src []byte, f *parser.File) []int {
	starts := make([]int, 0, len(f.Body.Entries)+1)
	next := 0
	for _, e := range f.Body.Entries {
		starts = append(starts, next)
		next = lineEnd(src, e.End().Offset)
	}
	return append(starts, next)
}

// lineEnd returns the offset just past the line ending of the line that
// holds offset, or len(src).
func lineEnd(src []byte, offset int) int {
	for i := offset; i < len(src); i++ {
		if src[i] == '\n' {
			return i + 1
		}
	}
	return len(src)
}

func parse(src []byte) (*parser.File, error) {
	f, diags := parser.Parse("", src)
	if diags.HasErrors() {
		return nil, &SyntaxError{Diagnostics: diags}
	}
	return f, nil
}
