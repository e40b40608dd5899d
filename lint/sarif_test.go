package lint

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestSARIFValidates writes the SARIF report of the whole corpus and runs
// Microsoft's validator over it (npm package @microsoft/sarif-multitool).
// .ci/run installs the validator and names it in IE_SARIF_MULTITOOL; in CI
// the test fails without it.
func TestSARIFValidates(t *testing.T) {
	tool := os.Getenv("IE_SARIF_MULTITOOL")
	if tool == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("IE_SARIF_MULTITOOL is not set: .ci/run installs sarif-multitool and sets it")
		}
		t.Skip("IE_SARIF_MULTITOOL is not set; .ci/run sets it")
	}
	paths, _ := filepath.Glob("../testdata/corpus/*.manifest")
	var results []*Result
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, Check(p, src, nil))
		// The same file by its absolute path, which SARIF wants as a
		// file:// URI.
		abs, err := filepath.Abs(p)
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, Check(abs, src, nil))
	}
	var buf bytes.Buffer
	if err := WriteSARIF(&buf, results, "test"); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "ie.sarif")
	out := filepath.Join(dir, "validation.sarif")
	if err := os.WriteFile(in, buf.Bytes(), 0o666); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(tool, "validate", in, "--output", out, "--log", "ForceOverwrite")
	msg, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("sarif-multitool validate: %v\n%s", err, msg)
	}
	// The validator writes its findings as SARIF too: there must be none
	// at the error or warning level.
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID  string `json:"ruleId"`
				Level   string `json:"level"`
				Message struct {
					Text string `json:"text"`
				} `json:"message"`
			} `json:"results"`
		} `json:"runs"`
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	var problems []string
	for _, run := range log.Runs {
		for _, r := range run.Results {
			if r.Level == "error" || r.Level == "warning" || r.Level == "" {
				problems = append(problems, r.RuleID+": "+r.Message.Text)
			}
		}
	}
	if len(problems) > 0 {
		t.Fatalf("SARIF validation found:\n%s", strings.Join(problems, "\n"))
	}
}

func TestSARIFArtifact(t *testing.T) {
	abs, err := filepath.Abs("x y.manifest")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path string
		want sarifArtifact
	}{
		{"jobs/a.manifest", sarifArtifact{URI: "jobs/a.manifest", URIBaseID: srcRoot}},
		{"../a b.manifest", sarifArtifact{URI: "../a%20b.manifest", URIBaseID: srcRoot}},
		{abs, sarifArtifact{URI: "file://" + (&url.URL{Path: filepath.ToSlash(abs)}).EscapedPath()}},
	} {
		if got := artifact(c.path); got != c.want {
			t.Errorf("artifact(%q) = %+v, want %+v", c.path, got, c.want)
		}
	}
	if got := artifact(abs).URI; !strings.HasPrefix(got, "file:///") || !strings.HasSuffix(got, "/x%20y.manifest") {
		t.Errorf("artifact(%q) = %q, want a file:/// URI", abs, got)
	}
}

// TestSARIFServiceErrors checks that rules carry the service errors they
// anticipate in their property bag, and only those that anticipate some.
func TestSARIFServiceErrors(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteSARIF(&buf, nil, "test"); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID         string
						Properties *struct{ ServiceErrors []string }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	for _, r := range log.Runs[0].Tool.Driver.Rules {
		want := Lookup(r.ID).ServiceErrors
		var got []string
		if r.Properties != nil {
			got = r.Properties.ServiceErrors
		}
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%s: properties.serviceErrors %v, want %v", r.ID, got, want)
		}
	}
	if Lookup("customs").ServiceErrors == nil {
		t.Error("customs anticipates no service error")
	}
}
