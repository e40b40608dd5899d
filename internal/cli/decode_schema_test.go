package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestDecodeJSONSchema checks what "ie decode -format json" writes for
// every request of testdata/request and examples/requests, verified or
// not, against docs/decode-report.schema.json.
func TestDecodeJSONSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	f, err := os.Open("../../docs/lint-report.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	lintSchema, err := jsonschema.UnmarshalJSON(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	// The decode schema refers to the lint schema by its published address.
	if err := c.AddResource("https://github.com/iekit/iekit/docs/lint-report.schema.json", lintSchema); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("../../docs/decode-report.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	// The requests: those of examples/, and each case of testdata/request.
	paths, _ := filepath.Glob("../../examples/requests/*.http")
	paths = append(paths, "../../examples/requests/broken.txt")
	cases, _ := filepath.Glob("../../testdata/request/*.txtar")
	dir := t.TempDir()
	for _, p := range cases {
		a, err := txtar.ParseFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range a.Files {
			if f.Name == "request" {
				out := filepath.Join(dir, filepath.Base(p)+".txt")
				if err := os.WriteFile(out, f.Data, 0o666); err != nil {
					t.Fatal(err)
				}
				paths = append(paths, out)
			}
		}
	}
	t.Setenv("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
	checked := 0
	for _, p := range paths {
		for _, args := range [][]string{{"decode", "-format", "json", p}, {"decode", "-format", "json", "-verify", p}} {
			var out, errOut bytes.Buffer
			if code := Main(args, strings.NewReader(""), &out, &errOut); code > ExitFindings {
				continue // not a request -verify can check
			}
			doc, err := jsonschema.UnmarshalJSON(&out)
			if err != nil {
				t.Fatalf("%v: %v", args, err)
			}
			if err := schema.Validate(doc); err != nil {
				t.Errorf("%v does not match the schema: %v", args, err)
			}
			checked++
		}
	}
	if checked < 10 {
		t.Errorf("checked %d reports, want at least 10", checked)
	}
}
