package lint

import (
	"os"
	"testing"

	"github.com/iekit/iekit/parser"
)

// BenchmarkLint measures linting a typical 1 KB manifest with every rule,
// beside parsing it alone: the rules' cost is the difference.
func BenchmarkLint(b *testing.B) {
	src, err := os.ReadFile("../testdata/bench/typical.manifest")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for b.Loop() {
			parser.Parse("bench", src)
		}
	})
	b.Run("lint", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for b.Loop() {
			Check("bench", src, nil)
		}
	})
}
