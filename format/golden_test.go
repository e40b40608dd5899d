package format

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iekit/iekit/parser"
	"github.com/rogpeppe/go-internal/txtar"
)

const goldenDir = "../testdata/format"

// The sections of a golden case. A case holds its input and either the
// formatted text or, when the input has syntax errors, the error text.
// txtar cannot hold a file without a final newline: an empty section
// noFinalNewline after the input says that the test drops the input's
// last newline.
const (
	inputSection   = "input.manifest"
	wantSection    = "want.manifest"
	errorSection   = "error"
	noFinalNewline = "input has no final newline"
)

// goldenCase is one testdata/format/*.txtar file.
type goldenCase struct {
	name    string // the file name without ".txtar"
	path    string
	archive *txtar.Archive
	input   []byte
}

// goldens reads testdata/format.
func goldens(t testing.TB) []goldenCase {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(goldenDir, "*.txtar"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no golden cases in %s: %v", goldenDir, err)
	}
	cases := make([]goldenCase, len(paths))
	for i, path := range paths {
		a, err := txtar.ParseFile(path)
		if err != nil {
			t.Fatal(err)
		}
		c := goldenCase{name: strings.TrimSuffix(filepath.Base(path), ".txtar"), path: path, archive: a}
		data, ok := section(a, inputSection)
		if !ok {
			t.Fatalf("%s: no %q section", path, inputSection)
		}
		if _, ok := section(a, noFinalNewline); ok {
			if !bytes.HasSuffix(data, []byte("\n")) {
				t.Fatalf("%s: %q, yet the input has no newline to drop", path, noFinalNewline)
			}
			data = data[:len(data)-1]
		}
		for _, f := range a.Files {
			switch f.Name {
			case inputSection, wantSection, errorSection, noFinalNewline:
			default:
				t.Errorf("%s: unknown section %q", path, f.Name)
			}
		}
		_, hasWant := section(a, wantSection)
		_, hasError := section(a, errorSection)
		if hasWant && hasError {
			t.Errorf("%s: both a %q and an %q section", path, wantSection, errorSection)
		}
		if len(bytes.TrimSpace(a.Comment)) == 0 {
			t.Errorf("%s: the case does not say what it shows in its first comment line", path)
		}
		c.input = data
		cases[i] = c
	}
	return cases
}

// section returns the data of the section called name.
func section(a *txtar.Archive, name string) ([]byte, bool) {
	for _, f := range a.Files {
		if f.Name == name {
			return f.Data, true
		}
	}
	return nil, false
}

// TestGolden formats the input of every testdata/format case and compares
// the result with its want.manifest section, or, for an input with syntax
// errors, the error with its error section. IE_UPDATE=1 rewrites those
// sections, which are then reviewed by hand against spec §6. Every
// formatted result is also checked as checkFormatted says.
func TestGolden(t *testing.T) {
	for _, c := range goldens(t) {
		t.Run(c.name, func(t *testing.T) {
			out, err := Source(c.input)
			got := txtar.File{Name: wantSection, Data: out}
			if err != nil {
				var se *SyntaxError
				if !errors.As(err, &se) {
					t.Fatalf("Source returned %T %v, want a *SyntaxError", err, err)
				}
				got = txtar.File{Name: errorSection, Data: []byte(err.Error() + "\n")}
			}
			if update {
				writeGolden(t, c, got)
			} else {
				want, ok := section(c.archive, got.Name)
				switch {
				case !ok && got.Name == errorSection:
					t.Fatalf("Source refused the input, which the case expects to format: %v", err)
				case !ok:
					t.Fatalf("Source formatted the input, which the case expects to be refused (no %q section):\n%s", errorSection, out)
				case !bytes.Equal(got.Data, want):
					t.Errorf("%s: section %q differs:\n--- got\n%s--- want\n%s", c.path, got.Name, got.Data, want)
				}
			}
			if _, diags := parser.Parse("", c.input); diags.HasErrors() {
				checkRefused(t, diags, out, err)
				return
			}
			if err := checkFormatted(c.input, out); err != nil {
				t.Error(err)
			}
			checkNode(t, c.input, out)
		})
	}
}

// writeGolden rewrites the case with got as its only result section, right
// after its input.
func writeGolden(t *testing.T, c goldenCase, got txtar.File) {
	t.Helper()
	a := &txtar.Archive{Comment: c.archive.Comment}
	for _, f := range c.archive.Files {
		if f.Name != wantSection && f.Name != errorSection {
			a.Files = append(a.Files, f)
		}
	}
	a.Files = append(a.Files, got)
	if err := os.WriteFile(c.path, txtar.Format(a), 0o666); err != nil {
		t.Fatal(err)
	}
}
