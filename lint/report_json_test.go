package lint

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestJSONReportSchema checks the JSON report of every corpus manifest
// and example (reportResults) against the schema published in docs/.
func TestJSONReportSchema(t *testing.T) {
	schema := compileSchema(t, "../docs/lint-report.schema.json")
	results := reportResults(t)
	var buf bytes.Buffer
	if err := WriteJSON(&buf, results); err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(doc); err != nil {
		t.Fatalf("the JSON report does not match its schema: %v", err)
	}
	// The schema is no rubber stamp: a finding without a rule fails it.
	var report map[string]any
	buf.Reset()
	WriteJSON(&buf, results)
	json.Unmarshal(buf.Bytes(), &report)
	delete(report["diagnostics"].([]any)[0].(map[string]any), "rule")
	if err := schema.Validate(report); err == nil || !strings.Contains(err.Error(), "rule") {
		t.Errorf("a finding without a rule passed the schema: %v", err)
	}
}

func compileSchema(t *testing.T, path string) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	s, err := c.Compile(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestJSONServiceErrors checks that a finding names the service errors
// its rule anticipates, and that one whose rule anticipates none has no
// such field.
func TestJSONServiceErrors(t *testing.T) {
	r := Check("a.manifest", []byte("manifestVersion: 2.0\nbucket: b\neraseDevice: True\n# ie:ignore yes-no\n"), nil)
	var buf bytes.Buffer
	if err := WriteJSON(&buf, []*Result{r}); err != nil {
		t.Fatal(err)
	}
	var report struct {
		Diagnostics []struct {
			Rule          string
			ServiceErrors []string
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &report); err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, d := range report.Diagnostics {
		got[d.Rule] = d.ServiceErrors
	}
	if e, ok := got["missing-required"]; !ok || strings.Join(e, ",") != "MissingManifestFieldException" {
		t.Errorf("missing-required: serviceErrors %v, want MissingManifestFieldException (findings %v)", e, got)
	}
	if e, ok := got["unused-suppression"]; !ok || e != nil {
		t.Errorf("unused-suppression: serviceErrors %v, want none (findings %v)", e, got)
	}
}
