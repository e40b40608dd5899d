// Package docsync keeps the generated sections of a document, such as the
// README's rule tables, in step with the code that knows their content.
// Tests call it; IE_UPDATE=1 rewrites the sections instead of failing.
package docsync

import (
	"os"
	"strings"
	"testing"
)

// Section checks that the text between the lines "<!-- name:begin -->"
// and "<!-- name:end -->" of the file at path is content. With IE_UPDATE
// set it writes content there instead; otherwise a difference fails t,
// naming the test to run with IE_UPDATE=1.
func Section(t testing.TB, path, name, content string) {
	t.Helper()
	begin, end := "<!-- "+name+":begin -->\n", "<!-- "+name+":end -->"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	i, j := strings.Index(doc, begin), strings.Index(doc, end)
	if i < 0 || j < i {
		t.Fatalf("%s has no %q ... %q section", path, begin, end)
	}
	got := doc[:i+len(begin)] + content + doc[j:]
	if got == doc {
		return
	}
	if os.Getenv("IE_UPDATE") != "" {
		if err := os.WriteFile(path, []byte(got), 0o666); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("the %s section of %s is out of date; run IE_UPDATE=1 go test -run %s", name, path, t.Name())
}
