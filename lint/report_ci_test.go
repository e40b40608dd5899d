package lint

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// reportResults lints every corpus manifest and example, and a manifest
// whose findings quote text XML must escape: what the report tests write.
func reportResults(t *testing.T) []*Result {
	t.Helper()
	paths, _ := filepath.Glob("../testdata/corpus/*.manifest")
	more, _ := filepath.Glob("../examples/*.manifest")
	var results []*Result
	for _, p := range append(paths, more...) {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, Check(p, src, nil))
	}
	odd := "manifestVersion: 2.0\nbucket: b\nacl: <\"&'>\x01é\nsatus: ]]>\n"
	return append(results, Check("odd <&>.manifest", []byte(odd), nil))
}

// xmllint validates doc against the XSD at schema; without xmllint
// (Debian's libxml2-utils) it fails under CI (CI=true) and skips
// elsewhere.
func xmllint(t *testing.T, schema string, doc []byte) error {
	t.Helper()
	bin, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("xmllint is not installed: the XML reports cannot be validated under CI")
		}
		t.Skip("xmllint is not installed (Debian: libxml2-utils): skipping the XML report validation")
	}
	path := filepath.Join(t.TempDir(), "report.xml")
	if err := os.WriteFile(path, doc, 0o666); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "--noout", "--schema", schema, path).CombinedOutput()
	if err != nil {
		return &xmlError{string(out)}
	}
	return nil
}

type xmlError struct{ out string }

func (e *xmlError) Error() string { return e.out }

func TestCheckstyleReport(t *testing.T) {
	results := reportResults(t)
	var buf bytes.Buffer
	if err := WriteCheckstyle(&buf, results); err != nil {
		t.Fatal(err)
	}
	const xsd = "../testdata/schemas/checkstyle.xsd"
	if err := xmllint(t, xsd, buf.Bytes()); err != nil {
		t.Fatalf("the Checkstyle report does not match %s:\n%v", xsd, err)
	}
	out := buf.String()
	for _, want := range []string{`<file name="odd &lt;&amp;&gt;.manifest">`, `source="ie.enum-value"`, `severity="error"`} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %s", want)
		}
	}
	// The schema is no rubber stamp: an error without a line fails it.
	broken := strings.Replace(out, `<error line="`, `<error nolines="`, 1)
	if err := xmllint(t, xsd, []byte(broken)); err == nil {
		t.Error("an error without a line passed the schema")
	}
}

func TestJUnitReport(t *testing.T) {
	results := reportResults(t)
	var buf bytes.Buffer
	if err := WriteJUnit(&buf, results); err != nil {
		t.Fatal(err)
	}
	const xsd = "../testdata/schemas/junit.xsd"
	if err := xmllint(t, xsd, buf.Bytes()); err != nil {
		t.Fatalf("the JUnit report does not match %s:\n%v", xsd, err)
	}
	n := 0
	for _, r := range results {
		n += len(r.Diagnostics)
	}
	if got := strings.Count(buf.String(), "<failure "); got != n {
		t.Errorf("%d failures for %d findings", got, n)
	}
	broken := strings.Replace(buf.String(), `<testcase name=`, `<testcase nom=`, 1)
	if err := xmllint(t, xsd, []byte(broken)); err == nil {
		t.Error("a test case without a name passed the schema")
	}
}

func TestGitLabReport(t *testing.T) {
	results := reportResults(t)
	var buf bytes.Buffer
	if err := WriteGitLab(&buf, results); err != nil {
		t.Fatal(err)
	}
	schema := compileSchema(t, "../testdata/schemas/gitlab-code-quality.schema.json")
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(doc); err != nil {
		t.Fatalf("the Code Quality report does not match its schema: %v", err)
	}
	var issues []map[string]any
	json.Unmarshal(buf.Bytes(), &issues)
	seen := map[any]bool{}
	for _, is := range issues {
		if seen[is["fingerprint"]] {
			t.Errorf("fingerprint %v twice: GitLab would merge two issues", is["fingerprint"])
		}
		seen[is["fingerprint"]] = true
	}
	delete(issues[0], "fingerprint")
	if err := schema.Validate(toAny(t, issues)); err == nil {
		t.Error("an issue without a fingerprint passed the schema")
	}
}

// toAny turns v into the generic JSON values the schema validates.
func toAny(t *testing.T, v any) any {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}
