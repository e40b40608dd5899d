package format

import (
	"fmt"
	"os"
	"strings"
	"testing"

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
		{"1MB", largeManifest(1 << 20)},
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

// largeManifest generates a valid export manifest of at least size bytes:
// a header, a return address, and as many operations as it takes. (The
// generator of parser/bench_test.go, with blocks indented 2 columns and a
// comment per operation so that the printer has work to do.)
func largeManifest(size int) []byte {
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
		fmt.Fprintf(&b, `  # Operation %d.
  - exportBucket: archive-%04d
    prefix: projects/%d/
    beginMarker: projects/%d/a
    endMarker: projects/%d/z
    targetDirectory: backup %d
`, i, i%1000, i, i, i, i)
	}
	return []byte(b.String())
}
