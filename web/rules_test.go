package web

import (
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iekit/iekit/lint"
)

// TestWriteRules checks that each rule's page shows what ie explain prints,
// and that the index links every page.
func TestWriteRules(t *testing.T) {
	dir := t.TempDir()
	if err := WriteRules(dir); err != nil {
		t.Fatal(err)
	}
	index, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range lint.Rules {
		page, err := os.ReadFile(filepath.Join(dir, r.Name+".html"))
		if err != nil {
			t.Fatal(err)
		}
		_, help, _ := strings.Cut(string(page), `<pre id="help">`)
		help, _, _ = strings.Cut(help, "</pre>")
		if got := html.UnescapeString(help); got != r.Help() {
			t.Errorf("%s.html shows\n%s\nwant\n%s", r.Name, got, r.Help())
		}
		if !strings.Contains(string(index), `<a href="`+r.Name+`.html">`) {
			t.Errorf("index.html does not link %s.html", r.Name)
		}
	}
}
