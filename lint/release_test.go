package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRelease checks that every report of a released result, the one
// ie lint prints with the trees released, is the report of the result
// kept whole: for every corpus manifest, BOM, secrets and all.
func TestRelease(t *testing.T) {
	paths, _ := filepath.Glob("../testdata/corpus/*.manifest")
	if len(paths) == 0 {
		t.Fatal("no corpus")
	}
	reports := map[string]func(*strings.Builder, []*Result) error{
		"text": func(b *strings.Builder, rs []*Result) error {
			return WriteText(b, rs, TextOptions{Snippets: true})
		},
		"json":   func(b *strings.Builder, rs []*Result) error { return WriteJSON(b, rs) },
		"sarif":  func(b *strings.Builder, rs []*Result) error { return WriteSARIF(b, rs, "test") },
		"github": func(b *strings.Builder, rs []*Result) error { return WriteGitHub(b, rs) },
	}
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		whole, released := Check(path, src, nil), Check(path, src, nil)
		released.Release()
		if released.File != nil || released.Fields() != nil {
			t.Fatalf("%s: the tree is kept after Release", path)
		}
		for name, write := range reports {
			var want, got strings.Builder
			if err := write(&want, []*Result{whole}); err != nil {
				t.Fatal(err)
			}
			if err := write(&got, []*Result{released}); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("%s: the %s report of the released result differs:\n%s\nwant:\n%s", path, name, got.String(), want.String())
			}
		}
	}
}
