package schema

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/iekit/iekit/parser"
)

// TestFieldAtEveryOffset checks the binary searches of FieldAt and
// FieldBefore against a walk over every field, at every offset of every
// corpus manifest.
func TestFieldAtEveryOffset(t *testing.T) {
	paths, _ := filepath.Glob("../testdata/corpus/*.manifest")
	if len(paths) == 0 {
		t.Fatal("no corpus")
	}
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, _ := parser.Parse(path, src)
		fields := Fields(f.Body)
		for off := 0; off <= len(src); off++ {
			var want *Field
			before := -1
			for i := range fields {
				if k := fields[i].Entry.Key; want == nil && k.Pos().Offset <= off && off <= k.End().Offset {
					want = &fields[i]
				}
				if fields[i].Entry.Pos().Offset <= off {
					before = i
				}
			}
			got, ok := FieldAt(fields, off)
			if ok != (want != nil) || ok && got.Entry != want.Entry {
				t.Fatalf("%s: FieldAt(%d) = %v, %v; a walk finds %v", path, off, got.Entry, ok, want)
			}
			if i := FieldBefore(fields, off); i != before {
				t.Fatalf("%s: FieldBefore(%d) = %d, a walk finds %d", path, off, i, before)
			}
		}
	}
}
