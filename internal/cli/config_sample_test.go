package cli

import (
	"strings"
	"testing"

	"github.com/iekit/iekit/lint"
)

// TestLintHelpConfigSample reads the configuration sample that "ie help
// lint" shows, as a user would copy it (without the help's indentation):
// it must load without a problem.
func TestLintHelpConfigSample(t *testing.T) {
	_, rest, ok := strings.Cut(lintUsage, "Configuration comes from the nearest .ie.yaml above each file:\n\n")
	if !ok {
		t.Fatal("ie lint's help has no configuration sample")
	}
	var sample strings.Builder
	for _, line := range strings.SplitAfter(rest, "\n") {
		if !strings.HasPrefix(line, "\t") {
			break
		}
		sample.WriteString(strings.TrimPrefix(line, "\t"))
	}
	c, diags := lint.ParseConfig(".ie.yaml", []byte(sample.String()))
	if len(diags) > 0 {
		t.Fatalf("the sample of ie help lint is rejected:\n%s\n%v", sample.String(), diags)
	}
	if c.Kind.String() != "s3-export" || c.Rules["yaml-compat"] != lint.LevelOff || len(c.Exclude) != 1 {
		t.Errorf("the sample reads as %+v", c)
	}
}
