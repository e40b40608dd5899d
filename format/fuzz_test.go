package format

import (
	"errors"
	"testing"

	"github.com/iekit/iekit/parser"
)

// seeds adds the corpus manifests, the examples and the golden inputs.
func seeds(f *testing.F, add func(src []byte)) {
	for _, m := range manifests(f) {
		add(m.src)
	}
	for _, c := range goldens(f) {
		add(c.input)
	}
}

// FuzzFormat runs parse -> format -> parse -> format on arbitrary bytes.
// Source must never panic. For a source without syntax errors, the output
// parses cleanly, formats to itself, keeps the data and the comments
// (Verify), and keeps every other promise checkFormatted checks; a source
// with syntax errors is refused with no output.
func FuzzFormat(f *testing.F) {
	seeds(f, func(src []byte) { f.Add(src) })
	f.Fuzz(func(t *testing.T, src []byte) {
		_, diags := parser.Parse("", src)
		out, err := Source(src)
		if diags.HasErrors() {
			var se *SyntaxError
			if out != nil || !errors.As(err, &se) {
				t.Fatalf("a source with syntax errors gave output %q and error %v", out, err)
			}
			return
		}
		if err != nil {
			t.Fatalf("Source: %v", err)
		}
		if err := Verify(src, out); err != nil {
			t.Fatalf("Verify: %v\n--- in\n%q\n--- out\n%q", err, src, out)
		}
		if err := checkFormatted(src, out); err != nil {
			t.Fatalf("%v\n--- in\n%q\n--- out\n%q", err, src, out)
		}
	})
}

// FuzzRange formats the range [start, end) of arbitrary sources without
// syntax errors (the range is clamped to the source): the edits must lie
// within the source without overlapping, and the edited source must parse
// cleanly and format as the whole source does.
func FuzzRange(f *testing.F) {
	seeds(f, func(src []byte) {
		f.Add(src, uint(0), uint(len(src)))
		f.Add(src, uint(len(src)/3), uint(len(src)/2))
		f.Add(src, uint(len(src)/2), uint(len(src)/2))
	})
	f.Fuzz(func(t *testing.T, src []byte, start, end uint) {
		if _, diags := parser.Parse("", src); diags.HasErrors() {
			return
		}
		want, err := Source(src)
		if err != nil {
			t.Fatal(err)
		}
		s, e := int(min(start, uint(len(src)))), int(min(end, uint(len(src))))
		if s > e {
			s, e = e, s
		}
		if _, err := checkRange(src, s, e, want); err != nil {
			t.Fatalf("range [%d, %d) of %q: %v", s, e, src, err)
		}
	})
}
