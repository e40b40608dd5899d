package format

import (
	"os"
	"strings"
	"testing"

	"github.com/iekit/iekit/internal/benchdata"
	"github.com/iekit/iekit/parser"
)

// BenchmarkFormat measures Source on a typical 1 KB manifest and a
// generated 1 MB one, beside parser.Parse alone on the same bytes, so that
// what printing adds to parsing can be read from the ratio.
func BenchmarkFormat(b *testing.B) {
	typical, err := os.ReadFile("../testdata/bench/typical.manifest")
	if err != nil {
		b.Fatal(err)
	}
	inputs := []struct {
		name string
		src  []byte
	}{
		{"1KB", typical},
		{"1MB", benchdata.Large(1 << 20)},
	}
	for _, in := range inputs {
		lines := float64(strings.Count(string(in.src), "\n"))
		b.Run(in.name+"/parse", func(b *testing.B) {
			b.SetBytes(int64(len(in.src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, diags := parser.Parse("bench", in.src); diags != nil {
					b.Fatal(diags[0])
				}
			}
			b.ReportMetric(lines, "lines")
		})
		b.Run(in.name+"/format", func(b *testing.B) {
			b.SetBytes(int64(len(in.src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Source(in.src); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(lines, "lines")
		})
	}
}
