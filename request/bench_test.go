package request

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/iekit/iekit/parser"
)

// benchManifest reads the typical 1 KB manifest of the benchmarks.
func benchManifest(b *testing.B) []byte {
	b.Helper()
	src, err := os.ReadFile("../testdata/bench/typical.manifest")
	if err != nil {
		b.Fatal(err)
	}
	return src
}

// BenchmarkEncode measures building, signing and encoding the CreateJob
// of a typical manifest, beside parsing it alone: the encoder's cost
// beyond parsing is the difference.
func BenchmarkEncode(b *testing.B) {
	src := benchManifest(b)
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for b.Loop() {
			parser.Parse("bench", src)
		}
	})
	b.Run("encode", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for b.Loop() {
			ps, err := Build(src, Options{})
			if err != nil {
				b.Fatal(err)
			}
			signed, _, err := Sign(ps, testCreds, SignOptions{Time: testTime})
			if err != nil {
				b.Fatal(err)
			}
			_ = signed.Encode()
		}
	})
	b.Run("encode-v4", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for b.Loop() {
			ps, err := Build(src, Options{})
			if err != nil {
				b.Fatal(err)
			}
			if _, err := SignV4(ps.Encode(), testCreds, SignOptions{Time: testTime}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkDecode measures taking apart the signed CreateJob body of a
// typical manifest, beside parsing the manifest alone.
func BenchmarkDecode(b *testing.B) {
	src := benchManifest(b)
	ps, err := Build(src, Options{})
	if err != nil {
		b.Fatal(err)
	}
	signed, _, err := Sign(ps, testCreds, SignOptions{Time: testTime})
	if err != nil {
		b.Fatal(err)
	}
	body := []byte(signed.Encode())
	if d := Decode(body); len(d.Diagnostics) > 0 {
		b.Fatalf("findings in the benchmark's body: %v", d.Diagnostics)
	}
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for b.Loop() {
			parser.Parse("bench", src)
		}
	})
	b.Run("decode", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		for b.Loop() {
			Decode(body)
		}
	})
	v4, err := SignV4(ps.Encode(), testCreds, SignOptions{Time: testTime})
	if err != nil {
		b.Fatal(err)
	}
	request := []byte(httpRequest(ps.Encode(), v4.Header))
	if d := Decode(request); len(d.Diagnostics) > 0 {
		b.Fatalf("findings in the benchmark's request: %v", d.Diagnostics)
	}
	b.Run("decode-verify-v4", func(b *testing.B) {
		b.SetBytes(int64(len(request)))
		b.ReportAllocs()
		for b.Loop() {
			if v, err := Decode(request).Verify(testCreds); err != nil || !v.OK {
				b.Fatal("the signature does not hold")
			}
		}
	})
}

// BenchmarkDecodeGlued measures a body of parameters each glued to the
// value before it ("Action=JobId=JobId=..."), at two sizes: the time per
// byte must stay the same, as the decoder looks for each "&" once.
func BenchmarkDecodeGlued(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		body := []byte("Action=" + strings.Repeat("JobId=", n))
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				Decode(body)
			}
		})
	}
}
