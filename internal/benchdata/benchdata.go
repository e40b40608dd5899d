// Package benchdata makes the inputs of iekit's benchmarks, so that every
// package measures itself on the same bytes.
package benchdata

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Large generates a valid export manifest of at least size bytes:
// a header, a return address, and as many operations as it takes.
func Large(size int) []byte {
	var b strings.Builder
	b.WriteString(`manifestVersion: 2.0
accessKeyId: AKIAQWERTYUIOPASDFGH
deviceId: 532404500021
fileSystem: NTFS
logBucket: export-logs
# Ship the drive back here.
returnAddress:
    name: Jane Doe
    street1: 1200 Harbor Way
    city: Seattle
    stateOrProvince: WA
    postalCode: 98101
    phoneNumber: +1 206 555 0100
    country: USA
operations:
`)
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, `  - exportBucket: archive-%04d
    prefix: projects/%d/
    beginMarker: projects/%d/a
    endMarker: projects/%d/z
    targetDirectory: backup %d
`, i%1000, i, i, i, i)
	}
	return []byte(b.String())
}

// Input is one document of an edit benchmark.
type Input struct {
	Name string // the sub-benchmark's name: "1KB", "1MB", "shared-10KB"...
	Src  []byte
}

// EditInputs returns the documents the edit benchmarks type into: the
// typical 1 KB manifest (testdata/bench/typical.manifest, read from a
// package one level below the module's root) and a generated 1 MB one,
// and, when IE_BENCH_SINGLE names the folder of the shared benchmark's
// single files (gencorpus -n 0 -sample -mid -big), those three too.
func EditInputs(tb testing.TB) []Input {
	tb.Helper()
	typical, err := os.ReadFile("../testdata/bench/typical.manifest")
	if err != nil {
		tb.Fatal(err)
	}
	inputs := []Input{{"1KB", typical}, {"1MB", Large(1 << 20)}}
	if dir := os.Getenv("IE_BENCH_SINGLE"); dir != "" {
		for _, f := range []struct{ name, file string }{
			{"shared-1KB", "sample-1kb.manifest"}, {"shared-10KB", "mid-10kb.manifest"}, {"shared-1MB", "big-1mb.manifest"},
		} {
			src, err := os.ReadFile(filepath.Join(dir, f.file))
			if err != nil {
				tb.Fatal(err)
			}
			inputs = append(inputs, Input{f.name, src})
		}
	}
	return inputs
}
