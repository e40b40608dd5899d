package parser

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/txtar"
)

const (
	corpusDir = "../testdata/corpus"
	goldenDir = "../testdata/parse"
)

// update reports whether goldens are to be rewritten (IE_UPDATE=1).
var update = os.Getenv("IE_UPDATE") != ""

// corpusFile is one manifest of testdata/corpus.
type corpusFile struct {
	name string // the file name without ".manifest"
	src  []byte
}

// corpus reads the corpus manifests.
func corpus(t testing.TB) []corpusFile {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(corpusDir, "*.manifest"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no corpus in %s: %v", corpusDir, err)
	}
	files := make([]corpusFile, len(paths))
	for i, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		files[i] = corpusFile{strings.TrimSuffix(filepath.Base(path), ".manifest"), src}
	}
	return files
}

// TestGolden parses every corpus manifest and compares the input (made
// visible), the tree and the diagnostics with testdata/parse/NAME.txtar.
func TestGolden(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range corpus(t) {
		name := c.name
		seen[name+".txtar"] = true
		t.Run(name, func(t *testing.T) {
			got := goldenArchive(name, c.src)
			golden := filepath.Join(goldenDir, name+".txtar")
			if update {
				if err := os.WriteFile(golden, txtar.Format(got), 0o666); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := txtar.ParseFile(golden)
			if err != nil {
				t.Fatalf("%v (run with IE_UPDATE=1 to create it, then review it)", err)
			}
			for i, f := range got.Files {
				if i >= len(want.Files) || want.Files[i].Name != f.Name {
					t.Fatalf("%s: section %q missing or out of order", golden, f.Name)
				}
				if g, w := string(f.Data), string(want.Files[i].Data); g != w {
					t.Errorf("%s: section %q differs:\n--- got\n%s--- want\n%s", golden, f.Name, g, w)
				}
			}
		})
	}
	goldens, _ := filepath.Glob(filepath.Join(goldenDir, "*.txtar"))
	for _, g := range goldens {
		if !seen[filepath.Base(g)] {
			t.Errorf("%s has no corpus manifest; remove it", g)
		}
	}
}

// goldenArchive renders one case: the input, the tree and the diagnostics.
func goldenArchive(name string, src []byte) *txtar.Archive {
	tree, diags := render(Parse(name+".manifest", src))
	return &txtar.Archive{
		Comment: []byte("Parse of testdata/corpus/" + name + ".manifest.\n" +
			"input: the source, one numbered line each, invisible bytes escaped, \"$\" after trailing blanks.\n"),
		Files: []txtar.File{
			{Name: "input", Data: visible(src)},
			{Name: "tree", Data: []byte(tree)},
			{Name: "diagnostics", Data: []byte(diags)},
		},
	}
}

// render returns the outline of a tree and its diagnostics, one a line.
func render(f *File, diags Diagnostics) (tree, list string) {
	var b bytes.Buffer
	if err := Dump(&b, f); err != nil {
		panic(err)
	}
	var ds strings.Builder
	for _, d := range diags {
		fmt.Fprintf(&ds, "%s-%s: %s: %s [%s]\n", d.Start, d.End, d.Severity, d.Message, d.Rule)
		for _, r := range d.Related {
			fmt.Fprintf(&ds, "\t%s-%s: %s\n", r.Start, r.End, r.Message)
		}
	}
	return b.String(), ds.String()
}

// visible renders a source for review: numbered lines, with control bytes,
// a BOM, CRs and bytes that are not UTF-8 escaped, "$" after trailing
// blanks, and a note when the last line has no newline.
func visible(src []byte) []byte {
	var b strings.Builder
	lines := strings.SplitAfter(string(src), "\n")
	for i, l := range lines {
		if l == "" {
			continue
		}
		content := strings.TrimSuffix(l, "\n")
		fmt.Fprintf(&b, "%4d | ", i+1)
		for j := 0; j < len(content); {
			r, size := utf8.DecodeRuneInString(content[j:])
			switch {
			case r == utf8.RuneError && size == 1:
				fmt.Fprintf(&b, `\x%02x`, content[j])
			case r == '\t':
				b.WriteString(`\t`)
			case r == '\r':
				b.WriteString(`\r`)
			case r == '\uFEFF':
				b.WriteString(`\ufeff`)
			case r < 0x20 || r == 0x7f:
				fmt.Fprintf(&b, `\x%02x`, r)
			default:
				b.WriteString(content[j : j+size])
			}
			j += size
		}
		if strings.TrimRight(content, " \t\r") != content && strings.TrimSpace(content) != "" {
			b.WriteString("$")
		}
		b.WriteString("\n")
		if !strings.HasSuffix(l, "\n") {
			b.WriteString("     (no newline at end of file)\n")
		}
	}
	return []byte(b.String())
}
