package lint

import (
	"fmt"
	"strings"
	"testing"

	"github.com/iekit/iekit/parser"
)

// TestCapFindings checks that a file reports at most MaxFindings findings
// of a rule, then one finding saying how many more there are, and that
// fixing still fixes them all.
func TestCapFindings(t *testing.T) {
	const n = 250
	src := "manifestVersion: 2.0\nbucket: my-bucket\nnotificationEmail: ops@example.com" +
		strings.Repeat(";x", n) + "\n" + strings.Repeat("eraseDevice: True\n", 3)
	count := func(r *Result, rule string) (int, []parser.Diagnostic) {
		var ds []parser.Diagnostic
		for _, d := range r.Diagnostics {
			if d.Rule == rule {
				ds = append(ds, d)
			}
		}
		return len(ds), ds
	}
	for _, c := range []struct {
		max, shown int // Config.MaxFindings, and the email findings shown
		summary    bool
	}{
		{0, DefaultMaxFindings + 1, true},
		{10, 11, true},
		{n, n, false},
		{-1, n, false},
	} {
		t.Run(fmt.Sprint(c.max), func(t *testing.T) {
			r := Check("m", []byte(src), &Config{MaxFindings: c.max})
			got, ds := count(r, "email")
			if got != c.shown {
				t.Fatalf("%d email findings, want %d", got, c.shown)
			}
			last := ds[len(ds)-1]
			wantMsg := fmt.Sprintf("... and %d more findings of this rule in this file: only the first %d are reported", n-(c.shown-1), c.shown-1)
			if c.summary != (last.Message == wantMsg) {
				t.Errorf("last email finding: %q; summary wanted: %v", last.Message, c.summary)
			}
			if c.summary && (last.Fixes != nil || last.Start.Offset != ds[len(ds)-2].End.Offset+1) {
				t.Errorf("summary %+v: want no fixes, at the first finding not shown", last)
			}
			if k, _ := count(r, "duplicate-key"); k != 2 {
				t.Errorf("%d duplicate-key findings, want 2: the cap is per rule", k)
			}
			if !r.Diagnostics.HasErrors() {
				t.Error("the yes-no errors are lost")
			}
		})
	}
}

// TestCapFix checks that fixing applies the fixes of the findings the cap
// leaves out too.
func TestCapFix(t *testing.T) {
	src := "manifestVersion: 2.0\nbucket: my-bucket\n" + strings.Repeat("eraseDevice: True\n", 3)
	r := Check("m", []byte(src), &Config{MaxFindings: 1})
	k := 0
	for _, d := range r.Diagnostics {
		if d.Rule == "yes-no" {
			k++
		}
	}
	if k != 2 {
		t.Fatalf("%d yes-no findings, want the first and the summary:\n%v", k, r.Diagnostics)
	}
	fixed, _ := r.Fix(false)
	if strings.Contains(string(fixed), "True") {
		t.Errorf("fixed:\n%s", fixed)
	}
}
