package request

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iekit/iekit/parser"
	"github.com/rogpeppe/go-internal/txtar"
)

// caseDir holds the decoder's cases.
const caseDir = "../testdata/request"

// update reports whether goldens are to be rewritten (IE_UPDATE=1).
var update = os.Getenv("IE_UPDATE") != ""

// TestDecodeCases decodes the request of every testdata/request/*.txtar
// and compares the findings with its want section and the parameters with
// its params section. A case's comment says what it shows; its request is
// a form body, or a whole HTTP request when the case's name starts with
// "http". Related places follow their finding, indented by a tab.
func TestDecodeCases(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(caseDir, "*.txtar"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no cases in %s: %v", caseDir, err)
	}
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".txtar")
		t.Run(name, func(t *testing.T) {
			a, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if len(strings.TrimSpace(string(a.Comment))) == 0 {
				t.Errorf("%s: no comment saying what the case shows", path)
			}
			input, ok := section(a, "request")
			if !ok {
				t.Fatalf("%s: no request section", path)
			}
			d := Decode(input)
			checkPositions(t, input, d.Diagnostics)
			if want := strings.HasPrefix(name, "http"); d.HTTP != want {
				t.Errorf("HTTP = %v, want %v", d.HTTP, want)
			}
			got := map[string]string{
				"want":   diagnosticLines(d.Diagnostics),
				"params": paramLines(d.Params),
			}
			if update {
				a.Files = []txtar.File{
					{Name: "request", Data: input},
					{Name: "want", Data: []byte(got["want"])},
					{Name: "params", Data: []byte(got["params"])},
				}
				if err := os.WriteFile(path, txtar.Format(a), 0o666); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, s := range []string{"want", "params"} {
				want, ok := section(a, s)
				if !ok {
					t.Errorf("%s: no %s section (IE_UPDATE=1 writes it; review it)", path, s)
					continue
				}
				if got[s] != string(want) {
					t.Errorf("%s: %s differs:\n--- got\n%s--- want\n%s", path, s, got[s], want)
				}
			}
		})
	}
}

// section returns the data of the archive's file named name.
func section(a *txtar.Archive, name string) ([]byte, bool) {
	for _, f := range a.Files {
		if f.Name == name {
			return f.Data, true
		}
	}
	return nil, false
}

// diagnosticLines renders findings one a line, as
// "line:col-line:col: severity: message [rule]", each related place on
// the next line after a tab.
func diagnosticLines(ds parser.Diagnostics) string {
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintf(&b, "%s-%s: %s: %s [%s]\n", d.Start, d.End, d.Severity, d.Message, d.Rule)
		for _, r := range d.Related {
			fmt.Fprintf(&b, "\t%s-%s: %s\n", r.Start, r.End, r.Message)
		}
	}
	return b.String()
}

// paramLines renders parameters one a line, as name=%q of the value.
func paramLines(ps Params) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "%s=%q\n", p.Name, p.Value)
	}
	return b.String()
}

// checkPositions checks that every span lies in the input, starts before
// it ends, has the line and column of its offset, and that the list is
// sorted.
func checkPositions(t *testing.T, input []byte, ds parser.Diagnostics) {
	t.Helper()
	check := func(what string, p parser.Pos) {
		if p.Offset < 0 || p.Offset > len(input) {
			t.Errorf("%s: offset %d outside the input (%d bytes)", what, p.Offset, len(input))
			return
		}
		before := input[:p.Offset]
		line := 1 + strings.Count(string(before), "\n")
		col := p.Offset - strings.LastIndexByte(string(before), '\n')
		if p.Line != line || p.Col != col {
			t.Errorf("%s: offset %d is %d:%d, not %s", what, p.Offset, line, col, p)
		}
	}
	for i, d := range ds {
		what := fmt.Sprintf("%s [%s]", d.Message, d.Rule)
		check(what+" start", d.Start)
		check(what+" end", d.End)
		if d.End.Offset < d.Start.Offset {
			t.Errorf("%s: ends at %d before it starts at %d", what, d.End.Offset, d.Start.Offset)
		}
		if d.Severity == parser.SeverityInvalid {
			t.Errorf("%s: no severity", what)
		}
		for _, r := range d.Related {
			check(what+" related", r.Start)
			check(what+" related end", r.End)
		}
		if i > 0 && ds[i-1].Start.Offset > d.Start.Offset {
			t.Errorf("%s: out of order", what)
		}
	}
}

// TestDecodeCapped checks that a body of a hundred thousand bad escapes
// reports a hundred of them, then how many more there are.
func TestDecodeCapped(t *testing.T) {
	body := "Action=CreateJob&JobType=Import&Version=2010-06-01&Manifest=" + strings.Repeat("%ZZ", 100000)
	d := Decode([]byte(body))
	var bad []parser.Diagnostic
	for _, x := range d.Diagnostics {
		if x.Rule == RuleBadEscape {
			bad = append(bad, x)
		}
	}
	n, last := len(bad), bad[len(bad)-1]
	if n != parser.DefaultMaxFindings+1 || !strings.HasPrefix(last.Message, "... and 99900 more findings") {
		t.Errorf("%d bad-escape findings, the last %q", n, last.Message)
	}
}
