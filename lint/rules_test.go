package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
	"github.com/rogpeppe/go-internal/txtar"
)

// update reports whether goldens are to be rewritten (IE_UPDATE=1).
var update = os.Getenv("IE_UPDATE") != ""

const casesDir = "../testdata/lint"

// TestRuleCases runs testdata/lint/RULE/*.txtar. Each case has an
// "input.manifest" section, a "want" section listing the findings of RULE
// (and only of RULE) as "start-end: severity: message", and optionally a
// "fixed.manifest" section: the input once every fix of those findings,
// safe or not, is applied. A "kind" section forces the job kind, and a
// "region" section gives the region as .ie.yaml's region does.
func TestRuleCases(t *testing.T) {
	for _, rule := range Rules {
		paths, _ := filepath.Glob(filepath.Join(casesDir, rule.Name, "*.txtar"))
		for _, path := range paths {
			t.Run(rule.Name+"/"+strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
				runCase(t, rule, path)
			})
		}
	}
}

func runCase(t *testing.T, rule *Rule, path string) {
	a, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sections := map[string][]byte{}
	for _, f := range a.Files {
		sections[f.Name] = f.Data
	}
	input, ok := sections["input.manifest"]
	if !ok {
		t.Fatalf("%s: no input.manifest section", path)
	}
	kind := schema.KindUnknown
	if k, ok := sections["kind"]; ok {
		if kind, ok = schema.ParseKind(strings.TrimSpace(string(k))); !ok {
			t.Fatalf("%s: unknown kind %q", path, k)
		}
	}
	res := Check("input.manifest", input, &Config{Kind: kind, Region: strings.TrimSpace(string(sections["region"]))})
	var mine parser.Diagnostics
	var got strings.Builder
	for _, d := range res.Diagnostics {
		if d.Rule == rule.Name {
			mine = append(mine, d)
			fmt.Fprintf(&got, "%s-%s: %s: %s\n", d.Start, d.End, d.Severity, d.Message)
		}
	}
	var fixed []byte
	if _, ok := sections["fixed.manifest"]; ok {
		fixed, _ = ApplyFixes(input, mine, true)
	}
	if update {
		for i, f := range a.Files {
			switch f.Name {
			case "want":
				a.Files[i].Data = []byte(got.String())
			case "fixed.manifest":
				a.Files[i].Data = fixed
			}
		}
		if err := os.WriteFile(path, txtar.Format(a), 0o666); err != nil {
			t.Fatal(err)
		}
		return
	}
	if want := string(sections["want"]); got.String() != want {
		t.Errorf("%s: findings of %s:\n--- got\n%s--- want\n%s", path, rule.Name, got.String(), want)
	}
	if want, ok := sections["fixed.manifest"]; ok && string(fixed) != string(want) {
		t.Errorf("%s: after fixes:\n--- got\n%s--- want\n%s", path, fixed, want)
	}
}

// TestRuleDocs checks that every rule is documented and tested: a summary,
// docs, an avoid/prefer pair where avoid fires the rule and prefer does
// not, and at least one case that fires and one that does not.
func TestRuleDocs(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules {
		if seen[r.Name] {
			t.Errorf("rule %s listed twice", r.Name)
		}
		seen[r.Name] = true
		if r.Summary == "" || r.Doc == "" || r.Avoid == "" || r.Prefer == "" {
			t.Errorf("%s: missing summary, doc, avoid or prefer", r.Name)
		}
		if r.Severity == parser.SeverityInvalid {
			t.Errorf("%s: no default severity", r.Name)
		}
		if !fires(r, r.Avoid) {
			t.Errorf("%s: its avoid example does not fire it", r.Name)
		}
		if fires(r, r.Prefer) {
			t.Errorf("%s: its prefer example fires it", r.Name)
		}
		paths, _ := filepath.Glob(filepath.Join(casesDir, r.Name, "*.txtar"))
		var firing, clean int
		for _, path := range paths {
			a, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range a.Files {
				if f.Name == "want" {
					if len(f.Data) > 0 {
						firing++
					} else {
						clean++
					}
				}
			}
		}
		if firing == 0 || clean == 0 {
			t.Errorf("%s: needs cases in %s/%s that fire and that do not (has %d and %d)", r.Name, casesDir, r.Name, firing, clean)
		}
	}
	dirs, _ := filepath.Glob(filepath.Join(casesDir, "*"))
	for _, d := range dirs {
		if !seen[filepath.Base(d)] {
			t.Errorf("%s: no rule of that name", d)
		}
	}
}

// fires reports whether rule reports anything on the manifest fragment.
func fires(rule *Rule, fragment string) bool {
	for _, d := range Check("example.manifest", []byte(fragment), nil).Diagnostics {
		if d.Rule == rule.Name {
			return true
		}
	}
	return false
}
