package request

import (
	"fmt"
	"strings"
	"testing"

	"github.com/iekit/iekit/internal/docsync"
)

// TestREADMERuleTable keeps the README's table of the decoder's rules in
// step with Rules (IE_UPDATE=1 rewrites it).
func TestREADMERuleTable(t *testing.T) {
	var table strings.Builder
	table.WriteString("| rule | what it reports |\n|---|---|\n")
	for _, r := range Rules {
		fmt.Fprintf(&table, "| `%s` | %s |\n", r.Name, strings.ReplaceAll(r.Summary, "|", `\|`))
	}
	docsync.Section(t, "../README.md", "request-rules", table.String())
}
