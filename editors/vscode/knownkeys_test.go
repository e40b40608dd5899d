package vscode

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/iekit/iekit/schema"
)

// knownKeyMatch finds the match of the grammar's known-key rule.
var knownKeyMatch = regexp.MustCompile(`("known-key": \{\s*"comment": "[^"]*",\s*"match": ")([^"]*)(")`)

// TestKnownKeys checks that the grammar's known-key rule names exactly the
// options of package schema, the one home of that list; IE_UPDATE=1
// rewrites the rule.
func TestKnownKeys(t *testing.T) {
	var names []string
	for _, o := range schema.Top {
		names = append(names, o.Name)
	}
	for _, b := range schema.Blocks {
		for _, f := range b.Fields {
			names = append(names, f.Name)
		}
	}
	slices.Sort(names)
	names = slices.Compact(names)
	for _, n := range names {
		if !regexp.MustCompile(`^[A-Za-z0-9_]+$`).MatchString(n) {
			t.Fatalf("option %q needs escaping in the grammar", n)
		}
	}
	// The key is the end of the captured text; the look-behind keeps the
	// end of a longer key (xbucket) from matching.
	want := `(?<![A-Za-z0-9_.-])(?:` + strings.Join(names, "|") + `)$`

	src, err := os.ReadFile(grammarFile)
	if err != nil {
		t.Fatal(err)
	}
	m := knownKeyMatch.FindSubmatchIndex(src)
	if m == nil {
		t.Fatalf("%s has no known-key rule", grammarFile)
	}
	if got := string(src[m[4]:m[5]]); got != want {
		if os.Getenv("IE_UPDATE") == "" {
			t.Fatalf("the known-key rule of %s is out of date: run IE_UPDATE=1 go test ./editors/vscode\n got %s\nwant %s", grammarFile, got, want)
		}
		out := slices.Concat(src[:m[4]], []byte(want), src[m[5]:])
		if err := os.WriteFile(grammarFile, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
