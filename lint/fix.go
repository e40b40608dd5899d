package lint

import (
	"slices"

	"github.com/iekit/iekit/parser"
)

// ApplyFixes applies the fixes of diags to src: the safe ones, and the
// unsafe ones too when unsafe is set. A fix whose edits overlap those of a
// fix already taken is left out (a second run picks it up). It returns the
// new source and the number of fixes applied.
func ApplyFixes(src []byte, diags parser.Diagnostics, unsafe bool) ([]byte, int) {
	var edits []parser.TextEdit
	applied := 0
	for _, d := range diags {
		for _, f := range d.Fixes {
			if !f.Safe && !unsafe {
				continue
			}
			if slices.ContainsFunc(f.Edits, func(e parser.TextEdit) bool { return overlaps(e, edits) }) {
				continue
			}
			edits = append(edits, f.Edits...)
			applied++
			break // one fix per diagnostic
		}
	}
	slices.SortFunc(edits, func(a, b parser.TextEdit) int { return a.Start - b.Start })
	out := make([]byte, 0, len(src))
	last := 0
	for _, e := range edits {
		out = append(append(out, src[last:e.Start]...), e.NewText...)
		last = e.End
	}
	return append(out, src[last:]...), applied
}

// overlaps reports whether e overlaps any of edits. Two insertions at the
// same offset overlap too, since their order would be a guess.
func overlaps(e parser.TextEdit, edits []parser.TextEdit) bool {
	for _, o := range edits {
		if e.Start < o.End && o.Start < e.End || e.Start == o.Start {
			return true
		}
	}
	return false
}
