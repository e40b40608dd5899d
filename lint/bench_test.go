package lint

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/iekit/iekit/internal/benchdata"
	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
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

// BenchmarkWriteText measures the text report of a finding on every line
// of a 1 MB manifest, with and without the source line under each: both
// grow linearly with the findings.
func BenchmarkWriteText(b *testing.B) {
	src := benchdata.Large(1 << 20)
	r := &Result{Name: "bench", Src: src}
	for i, line := range bytes.SplitAfter(src, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		start := parser.Pos{Line: i + 1, Col: 1}
		r.Diagnostics = append(r.Diagnostics, parser.Diagnostic{Start: start, End: parser.Pos{Line: i + 1, Col: len(line)},
			Severity: parser.SeverityWarning, Rule: "bench", Message: "a finding"})
	}
	for _, snippets := range []bool{false, true} {
		b.Run(fmt.Sprintf("snippets=%v", snippets), func(b *testing.B) {
			for b.Loop() {
				if err := WriteText(io.Discard, []*Result{r}, TextOptions{Snippets: snippets}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(r.Diagnostics)), "findings")
		})
	}
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

// BenchmarkRules measures, on the 1 MB manifests of the edit benchmarks
// (the generated one, and the shared one when IE_BENCH_SINGLE names its
// folder), each part of linting a whole document apart: the index the
// rules share, the inference of the job kind, the places of the secrets,
// and every rule on its own over a ready index.
func BenchmarkRules(b *testing.B) {
	for _, in := range benchdata.EditInputs(b) {
		if !strings.HasSuffix(in.Name, "1MB") {
			continue
		}
		f, syntax := parser.Parse(in.Name, in.Src)
		kind, _ := schema.Infer(f)
		b.Run(in.Name+"/index", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				p := &Pass{File: f, Src: in.Src, Kind: kind}
				p.index()
			}
		})
		b.Run(in.Name+"/fields", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				p := &Pass{File: f, Src: in.Src, Kind: kind}
				p.fields()
			}
		})
		b.Run(in.Name+"/infer", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				schema.Infer(f)
			}
		})
		b.Run(in.Name+"/secret-spans", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				secretSpans(f, in.Src, syntax)
			}
		})
		p := &Pass{File: f, Src: in.Src, Kind: kind}
		p.index() // made once for the rules below, as in a lint
		p.fields()
		for _, r := range Rules {
			if r.Check == nil {
				continue
			}
			b.Run(in.Name+"/rule="+r.Name, func(b *testing.B) {
				b.ReportAllocs()
				p.rule = r
				for b.Loop() {
					p.diags = nil
					r.Check(p)
				}
			})
		}
	}
}
