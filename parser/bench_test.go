package parser

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/iekit/iekit/internal/benchdata"
	"gopkg.in/yaml.v3"
)

// BenchmarkParse measures Parse on a typical 1 KB manifest and a generated
// 1 MB one, beside gopkg.in/yaml.v3 decoding the same bytes into a
// yaml.Node. The "lines" metric lets allocs/op be read per line.
func BenchmarkParse(b *testing.B) {
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
		b.Run("iekit/"+in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, diags := Parse("bench", in.src); diags != nil {
					b.Fatal(diags[0])
				}
			}
			b.ReportMetric(lines, "lines")
		})
		b.Run("yaml.v3/"+in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.src)))
			b.ReportAllocs()
			for b.Loop() {
				var n yaml.Node
				if err := yaml.Unmarshal(in.src, &n); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(lines, "lines")
		})
	}
}

// BenchmarkDeepNesting shows that nesting depth costs time in proportion to
// the bytes it adds, not more: compare ns/byte (the inverse of MB/s) across
// depths.
func BenchmarkDeepNesting(b *testing.B) {
	cases := map[string]string{}
	for _, depth := range []int{100, 1_000, 10_000} {
		cases[fmt.Sprint(depth)] = deepSource(depth)
	}
	// Short tab-indented lines whose column matches no open block, below a
	// deep stack of blocks (every other column): each must not cost a walk
	// down the stack.
	var tabbed strings.Builder
	for i := 0; i < 2_000; i++ {
		fmt.Fprintf(&tabbed, "%sk%d:\n", strings.Repeat("  ", i), i)
	}
	tabbed.WriteString(strings.Repeat("\tk: v\n", 200_000))
	cases["2000+tabs"] = tabbed.String()
	for name, src := range cases {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				Parse("bench", []byte(src))
			}
		})
	}
}

// BenchmarkEdit measures one keystroke in the middle of a document, from
// the edit to a new tree and its diagnostics: a Document, which lexes and
// parses again only the line typed in, against Parse of the whole new
// text. Each iteration types a character or deletes it again, so the text
// stays the same size. With IE_BENCH_SINGLE naming the folder of the
// shared benchmark's single files (gencorpus -n 0 -sample -mid -big), it
// measures those too.
func BenchmarkEdit(b *testing.B) {
	for _, in := range benchdata.EditInputs(b) {
		mid := len(in.Src) / 2
		for in.Src[mid-1] == '\n' || in.Src[mid] == '\n' {
			mid++ // type inside a line
		}
		b.Run(in.Name+"/Document", func(b *testing.B) {
			d := NewDocument("bench", in.Src)
			d.File()
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				if i%2 == 0 {
					d.Edit(mid, mid, []byte("x"))
				} else {
					d.Edit(mid, mid+1, nil)
				}
				d.File()
			}
		})
		b.Run(in.Name+"/Parse", func(b *testing.B) {
			src := [2][]byte{in.Src, append(append(in.Src[:mid:mid], 'x'), in.Src[mid:]...)}
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				Parse("bench", src[1-i%2])
			}
		})
	}
}

// BenchmarkEditAt measures a keystroke at the start, in the middle and at
// the end of the 1 MB document: a Document builds again the tree from the
// line typed in to the end, since every node after it has moved.
func BenchmarkEditAt(b *testing.B) {
	src := benchdata.Large(1 << 20)
	for _, at := range []struct {
		name string
		off  int
	}{
		{"start", strings.Index(string(src), "\n") - 1},
		{"middle", strings.LastIndex(string(src[:len(src)/2]), "\n") - 1},
		{"end", len(src) - 2},
	} {
		b.Run(at.name, func(b *testing.B) {
			d := NewDocument("bench", src)
			d.File()
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				if i%2 == 0 {
					d.Edit(at.off, at.off, []byte("x"))
				} else {
					d.Edit(at.off, at.off+1, nil)
				}
				d.File()
			}
		})
	}
}
