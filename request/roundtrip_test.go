package request

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// testCreds and testTime sign the requests of the tests. The secret is
// made up (it is not the AWS documentation's example key); the session
// token carries "+", "/" and "=", which the body must escape.
var (
	testCreds = Credentials{
		AccessKeyID:     "AKIAQWERTYUIOPASDFGH",
		SecretAccessKey: "kT3vX9qLw2Rb8NcZ5hYf1JpD7sGm4QeA6uVoE0iW",
	}
	testTempCreds = Credentials{
		AccessKeyID:     "ASIAQWERTYUIOPASDFGH",
		SecretAccessKey: "kT3vX9qLw2Rb8NcZ5hYf1JpD7sGm4QeA6uVoE0iW",
		SessionToken:    "IQoJb3JpZ2luX2VjE+a/token==",
	}
	testTime = time.Date(2026, 11, 21, 18, 0, 0, 0, time.UTC)
)

// roundTripManifest is a manifest the encoder can send.
type roundTripManifest struct {
	path string
	src  []byte
}

// sendable lists every corpus manifest without syntax errors and every
// example.
func sendable(t testing.TB) []roundTripManifest {
	t.Helper()
	var out []roundTripManifest
	for _, pattern := range []string{"../testdata/corpus/*.manifest", "../examples/*.manifest"} {
		paths, err := filepath.Glob(pattern)
		if err != nil || len(paths) == 0 {
			t.Fatalf("no manifests match %s: %v", pattern, err)
		}
		for _, path := range paths {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if _, diags := parser.Parse(path, src); diags.HasErrors() {
				continue
			}
			out = append(out, roundTripManifest{path, src})
		}
	}
	return out
}

// buildOptions returns the options that build a CreateJob for src: an
// explicit job type when the manifest's kind cannot be inferred.
func buildOptions(src []byte, keep bool) Options {
	opt := Options{KeepComments: keep}
	f, _ := parser.Parse("", src)
	if kind, _ := schema.Infer(f); kind == schema.KindUnknown {
		opt.JobType = "Import"
	}
	return opt
}

// TestRoundTrip builds, signs and encodes a CreateJob for every sendable
// manifest, decodes the body, and checks that nothing is reported, that
// the parameters come back in order, and that the manifest is the wire
// manifest, with and without comments.
func TestRoundTrip(t *testing.T) {
	manifests := sendable(t)
	if len(manifests) < 40 {
		t.Fatalf("only %d sendable manifests: is the corpus there?", len(manifests))
	}
	for _, m := range manifests {
		for _, keep := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/keep=%v", filepath.Base(m.path), keep), func(t *testing.T) {
				ps, err := Build(m.src, buildOptions(m.src, keep))
				if err != nil {
					t.Fatal(err)
				}
				signed, _, err := Sign(ps, testCreds, SignOptions{Time: testTime})
				if err != nil {
					t.Fatal(err)
				}
				d := Decode([]byte(signed.Encode()))
				checkRoundTrip(t, d, signed)
				if d.HTTP {
					t.Error("a bare body decoded as an HTTP request")
				}
				want, err := WireManifest(m.src, keep)
				if err != nil {
					t.Fatal(err)
				}
				if got, _ := d.Params.Get("Manifest"); got != want {
					t.Errorf("decoded Manifest:\n%q\nwant WireManifest(src, %v):\n%q", got, keep, want)
				}
			})
		}
	}
}

// TestRoundTripSignatures decodes bodies signed each way: HmacSHA1 and
// HmacSHA256, with Expires instead of Timestamp, with a session token.
func TestRoundTripSignatures(t *testing.T) {
	src, err := os.ReadFile("../examples/s3-export.manifest")
	if err != nil {
		t.Fatal(err)
	}
	for _, action := range []Options{{}, {Action: "UpdateJob", JobID: "ABC12", ValidateOnly: true}} {
		ps, err := Build(src, action)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []Credentials{testCreds, testTempCreds} {
			for _, opt := range []SignOptions{
				{Time: testTime},
				{Time: testTime, Method: HmacSHA1},
				{Time: testTime, Expires: true},
			} {
				name := fmt.Sprintf("%s/%s/token=%v/expires=%v", cmp.Or(action.Action, "CreateJob"), cmp.Or(opt.Method, HmacSHA256), c.SessionToken != "", opt.Expires)
				t.Run(name, func(t *testing.T) {
					signed, _, err := Sign(ps, c, opt)
					if err != nil {
						t.Fatal(err)
					}
					checkRoundTrip(t, Decode([]byte(signed.Encode())), signed)
				})
			}
		}
	}
}

// TestRoundTripHTTP decodes a whole HTTP request laid out as
// "ie encode -format http" writes it: POST line, Host, Content-Type and
// Content-Length, CRLF line endings.
func TestRoundTripHTTP(t *testing.T) {
	for _, name := range []string{"s3-import", "s3-export", "ebs-import", "glacier-import"} {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile("../examples/" + name + ".manifest")
			if err != nil {
				t.Fatal(err)
			}
			ps, err := Build(src, Options{})
			if err != nil {
				t.Fatal(err)
			}
			signed, _, err := Sign(ps, testTempCreds, SignOptions{Time: testTime})
			if err != nil {
				t.Fatal(err)
			}
			body := signed.Encode()
			for _, final := range []string{"", "\n"} {
				req := "POST / HTTP/1.1\r\n" +
					"Host: " + Host + "\r\n" +
					"Content-Type: application/x-www-form-urlencoded; charset=utf-8\r\n" +
					fmt.Sprintf("Content-Length: %d\r\n", len(body)) +
					"\r\n" + body + final
				d := Decode([]byte(req))
				if !d.HTTP {
					t.Error("an HTTP request decoded as a bare body")
				}
				checkRoundTrip(t, d, signed)
			}
		})
	}
}

// checkRoundTrip checks that a decoded request has no findings and the
// parameters that were sent, in order.
func checkRoundTrip(t *testing.T, d *Decoded, sent Params) {
	t.Helper()
	if len(d.Diagnostics) > 0 {
		t.Errorf("findings in a request the encoder made:\n%s", diagnosticLines(d.Diagnostics))
	}
	if !slices.Equal(d.Params, sent) {
		t.Errorf("decoded parameters:\n%s\nwant:\n%s", paramLines(d.Params), paramLines(sent))
	}
	for _, p := range sent {
		if strings.ContainsAny(Escape(p.Name)+Escape(p.Value), "&=+ \n") {
			t.Errorf("%s: the encoding of %q leaves a byte unescaped", p.Name, p.Value)
		}
	}
}
