package lint

import (
	"fmt"
	"strings"
	"testing"

	"github.com/iekit/iekit/internal/docsync"
)

// TestREADMERuleTable keeps the README's rule table in step with Rules
// (IE_UPDATE=1 rewrites it).
func TestREADMERuleTable(t *testing.T) {
	var table strings.Builder
	table.WriteString("| rule | default | what it reports |\n|---|---|---|\n")
	for _, r := range Rules {
		fmt.Fprintf(&table, "| `%s` | %s | %s |\n", r.Name, r.Severity, strings.ReplaceAll(r.Summary, "|", `\|`))
	}
	docsync.Section(t, "../README.md", "rules", table.String())
}
