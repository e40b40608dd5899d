package request

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/iekit/iekit/parser"
	"github.com/rogpeppe/go-internal/txtar"
)

// FuzzDecode feeds arbitrary bytes to the decoder, seeded with the
// requests of testdata/request: it must never panic, every finding must
// lie inside the input with its line and column right, and verifying the
// result must neither panic nor put the secret in what it returns.
func FuzzDecode(f *testing.F) {
	paths, err := filepath.Glob(filepath.Join(caseDir, "*.txtar"))
	if err != nil || len(paths) == 0 {
		f.Fatalf("no cases in %s: %v", caseDir, err)
	}
	for _, path := range paths {
		a, err := txtar.ParseFile(path)
		if err != nil {
			f.Fatal(err)
		}
		if input, ok := section(a, "request"); ok {
			f.Add(input)
		}
	}
	f.Fuzz(func(t *testing.T, input []byte) {
		d := Decode(input)
		checkPositions(t, input, d.Diagnostics)
		for _, c := range []Credentials{testCreds, {AccessKeyID: d.param("AWSAccessKeyId"), SecretAccessKey: testCreds.SecretAccessKey}} {
			if d.auth != nil {
				c.AccessKeyID = d.auth.AccessKeyID
			}
			v, err := d.Verify(c)
			if err != nil {
				continue
			}
			if v.Diagnostic != nil {
				checkPositions(t, input, parser.Diagnostics{*v.Diagnostic})
			}
			if !strings.Contains(string(input), c.SecretAccessKey) && strings.Contains(v.CanonicalRequest+v.StringToSign, c.SecretAccessKey) {
				t.Error("the secret is in the verification")
			}
		}
	})
}
