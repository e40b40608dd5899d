package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"

	"github.com/iekit/iekit/internal/par"
	"github.com/iekit/iekit/lint"
)

// BenchmarkLintFiles measures ie lint over a folder of 1,000 manifests
// in process, beside linting the same sources already in memory: the
// difference is what the command adds to the rules (the walk, reading,
// the configuration, the report). The folder is IE_BENCH_CORPUS when set
// (the shared corpus: gencorpus -n 1000), else the bundled examples
// copied 250 times each. The process's own start-up is measured outside,
// with hyperfine (docs/performance.md).
func BenchmarkLintFiles(b *testing.B) {
	dir := os.Getenv("IE_BENCH_CORPUS")
	if dir == "" {
		dir = b.TempDir()
		examples, err := filepath.Glob("../../examples/*.manifest")
		if err != nil || len(examples) == 0 {
			b.Fatalf("no examples: %v", err)
		}
		for i := range 1000 {
			src, err := os.ReadFile(examples[i%len(examples)])
			if err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%04d.manifest", i)), src, 0o666); err != nil {
				b.Fatal(err)
			}
		}
	}
	defer debug.SetGCPercent(debug.SetGCPercent(batchGCPercent)) // both at the target ie lint sets
	b.Run("ie-lint", func(b *testing.B) {
		b.ReportAllocs()
		var stderr bytes.Buffer
		for b.Loop() {
			if code := Main([]string{"lint", "-fail-on", "info", dir}, nil, io.Discard, &stderr); code > ExitFindings {
				b.Fatalf("exit %d: %s", code, stderr.Bytes())
			}
		}
	})
	b.Run("check", func(b *testing.B) {
		targets, problems := lint.Expand([]string{dir}, lint.Options{})
		if len(problems) > 0 || len(targets) == 0 {
			b.Fatalf("%d targets, problems %v", len(targets), problems)
		}
		srcs := make([][]byte, len(targets))
		for i, t := range targets {
			var err error
			if srcs[i], err = t.Read(); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportAllocs()
		for b.Loop() {
			par.Do(len(targets), func(i int) {
				lint.Check(targets[i].Path, srcs[i], targets[i].Config).Release()
			})
		}
	})
}
