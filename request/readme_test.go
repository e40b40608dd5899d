package request

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestREADMERuleTable keeps the README's table of the decoder's rules in
// step with Rules (IE_UPDATE=1 rewrites it).
func TestREADMERuleTable(t *testing.T) {
	const path, begin, end = "../README.md", "<!-- request-rules:begin -->\n", "<!-- request-rules:end -->"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	i, j := strings.Index(readme, begin), strings.Index(readme, end)
	if i < 0 || j < i {
		t.Fatalf("%s has no %q ... %q section", path, begin, end)
	}
	var table strings.Builder
	table.WriteString("| rule | what it reports |\n|---|---|\n")
	for _, r := range Rules {
		fmt.Fprintf(&table, "| `%s` | %s |\n", r.Name, strings.ReplaceAll(r.Summary, "|", `\|`))
	}
	got := readme[:i+len(begin)] + table.String() + readme[j:]
	if got == readme {
		return
	}
	if update {
		if err := os.WriteFile(path, []byte(got), 0o666); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("the table of the decoder's rules in %s is out of date; run IE_UPDATE=1 go test ./request -run README", path)
}
