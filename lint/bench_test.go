package lint

import (
	"fmt"
	"io"
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

// BenchmarkSecrets measures linting and reporting with snippets a
// manifest of 4000 lines where every line holds a secret and most a
// finding: the cost of finding the secrets' places and masking them.
func BenchmarkSecrets(b *testing.B) {
	var src []byte
	for i := range 2000 {
		src = fmt.Appendf(src, "pinCode: %04d #x\n# k Zq4xT9mK2pL7vN3rW8sY5uB1cE6hJ0aDfGi%04d\n", i, i)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		r := Check("bench", src, nil)
		if err := WriteText(io.Discard, []*Result{r}, TextOptions{Snippets: true}); err != nil {
			b.Fatal(err)
		}
	}
}
