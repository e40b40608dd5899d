package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDecodeSARIFValidates runs Microsoft's SARIF validator over the log
// of a decoded request, whose findings lie in an input that is not a
// manifest and whose rules are the decoder's. .ci/run installs the
// validator and names it in IE_SARIF_MULTITOOL; in CI the test fails
// without it.
func TestDecodeSARIFValidates(t *testing.T) {
	tool := os.Getenv("IE_SARIF_MULTITOOL")
	if tool == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("IE_SARIF_MULTITOOL is not set: .ci/run installs sarif-multitool and sets it")
		}
		t.Skip("IE_SARIF_MULTITOOL is not set; .ci/run sets it")
	}
	var log strings.Builder
	if err := newDecodeReport("body.txt", []byte(brokenRequest)).writeSARIF(&log); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in, out := filepath.Join(dir, "decode.sarif"), filepath.Join(dir, "validation.sarif")
	if err := os.WriteFile(in, []byte(log.String()), 0o666); err != nil {
		t.Fatal(err)
	}
	if msg, err := exec.Command(tool, "validate", in, "--output", out, "--log", "ForceOverwrite").CombinedOutput(); err != nil {
		t.Fatalf("sarif-multitool validate: %v\n%s", err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var validation struct {
		Runs []struct {
			Results []struct {
				RuleID, Level string
				Message       struct{ Text string }
			}
		}
	}
	if err := json.Unmarshal(data, &validation); err != nil {
		t.Fatal(err)
	}
	for _, run := range validation.Runs {
		for _, r := range run.Results {
			if r.Level == "error" || r.Level == "warning" || r.Level == "" {
				t.Errorf("%s: %s", r.RuleID, r.Message.Text)
			}
		}
	}
}
