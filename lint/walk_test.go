package lint

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestDefaultWalk checks which files a directory walk lints without a
// configuration: *.manifest and the guide's *Manifest.txt names, nothing
// else.
func TestDefaultWalk(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{
		"a.manifest", "MyImportManifest.txt", "jobs/MyExportManifest.txt", "jobs/manifest.txt",
		"notes.txt", "manifest.md", "b.yaml", "Manifest.txt.bak",
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	targets, problems := Expand([]string{dir}, Options{})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	var got []string
	for _, tg := range targets {
		rel, _ := filepath.Rel(dir, tg.Path)
		got = append(got, filepath.ToSlash(rel))
	}
	want := []string{"MyImportManifest.txt", "a.manifest", "jobs/MyExportManifest.txt", "jobs/manifest.txt"}
	if !slices.Equal(got, want) {
		t.Errorf("the walk found %q, want %q", got, want)
	}
}
