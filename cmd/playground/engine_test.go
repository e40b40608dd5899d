package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/iekit/iekit/format"
	"github.com/iekit/iekit/lint"
	"github.com/iekit/iekit/request"
)

const defective = "manifestVersion: 2.0;\nbucket: photos\neraseDevice: True\n"

// TestLintIsCheck checks that the page gets lint.Check's findings, at
// UTF-16 offsets of the same places.
func TestLintIsCheck(t *testing.T) {
	paths, _ := filepath.Glob("../../testdata/corpus/*.manifest")
	examples, _ := filepath.Glob("../../examples/*.manifest")
	sources := map[string][]byte{
		// Beyond the Basic Multilingual Plane: two UTF-16 units, four bytes.
		"astral": []byte("returnAddress:\n    name: \U0001D50Dane \u00e9\nbukcet: x\neraseDevice: True\n"),
	}
	for _, path := range append(paths, examples...) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		sources[path] = src
	}
	for path, src := range sources {
		got, err := Lint(string(src), Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := lint.Check(path, src, nil).Diagnostics
		if len(got.Findings) != len(want) {
			t.Errorf("%s: %d findings, lint.Check has %d", path, len(got.Findings), len(want))
			continue
		}
		for i, d := range want {
			f := got.Findings[i]
			from := len(utf16.Encode([]rune(string(src[:d.Start.Offset]))))
			if f.Rule != d.Rule || f.Line != d.Start.Line || f.Col != d.Start.Col || f.Message != d.Message || f.From != from {
				t.Errorf("%s: finding %d is %+v, want %v at UTF-16 offset %d", path, i, f, d, from)
			}
		}
	}
}

func TestLintOptions(t *testing.T) {
	tests := []struct {
		opt        Options
		config     string
		rule, want string // the severity of rule's finding; "" for none
		err        string
	}{
		{Options{}, "", "yes-no", "error", ""},
		{Options{Rules: map[string]string{"yes-no": "off"}}, "rules:\n    yes-no: off\n", "yes-no", "", ""},
		{Options{Rules: map[string]string{"yes-no": "info"}}, "rules:\n    yes-no: info\n", "yes-no", "info", ""},
		{Options{Kind: "s3-export"}, "kind: s3-export\n", "not-for-job-kind", "warning", ""},
		{Options{Rules: map[string]string{"yes-no": "loud"}}, "", "", "", `invalid level "loud"`},
		{Options{Rules: map[string]string{"yes-nope": "off"}}, "", "", "", `did you mean "yes-no"?`},
		{Options{Kind: "s3-imprt"}, "", "", "", `s3-imprt`},
		{Options{Kind: "s3-export\nrules:\n    secret: off"}, "", "", "", `one line only`},
	}
	for _, tt := range tests {
		r, err := Lint(defective, tt.opt)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%+v: error %v, want one with %q", tt.opt, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%+v: %v", tt.opt, err)
		}
		if r.Config != tt.config {
			t.Errorf("%+v: config %q, want %q", tt.opt, r.Config, tt.config)
		}
		got := ""
		for _, f := range r.Findings {
			if f.Rule == tt.rule {
				got = f.Severity
			}
		}
		if got != tt.want {
			t.Errorf("%+v: %s finding %q, want %q", tt.opt, tt.rule, got, tt.want)
		}
	}
}

func TestFix(t *testing.T) {
	r, _ := Lint(defective, Options{})
	i := slices.IndexFunc(r.Findings, func(f Finding) bool { return f.Rule == "yes-no" })
	if i < 0 || len(r.Findings[i].Fixes) == 0 {
		t.Fatalf("no yes-no fix in %+v", r.Findings)
	}
	got, err := Fix(defective, Options{}, i, 0)
	if want := strings.Replace(defective, "True", "yes", 1); got != want || err != nil {
		t.Errorf("fixed %q (%v), want %q", got, err, want)
	}
	if _, err := Fix(defective, Options{}, len(r.Findings), 0); err == nil {
		t.Error("a fix of a finding that does not exist was applied")
	}
}

func TestFixAll(t *testing.T) {
	got, n, err := FixAll(defective, Options{}, false)
	if want := "manifestVersion: 2.0\nbucket: photos\neraseDevice: yes\n"; got != want || n != 2 || err != nil {
		t.Errorf("FixAll = %q, %d, %v; want %q, 2", got, n, err, want)
	}
	if got, n, _ := FixAll(defective, Options{Rules: map[string]string{"yes-no": "off"}}, false); n != 1 || !strings.Contains(got, "True") {
		t.Errorf("FixAll with yes-no off = %q, %d; want the yes-no finding left alone", got, n)
	}
}

func TestFormat(t *testing.T) {
	messy := "manifestVersion:2.0\nbucket:   photos  \n\n\n# c\n"
	r, err := Format(messy)
	want, _ := format.Source([]byte(messy))
	if err != nil || r.Text != string(want) || len(r.Errors) > 0 {
		t.Errorf("Format = %+v, %v; want %q", r, err, want)
	}
	r, err = Format("a: b\n\tc: d\nbucket \"x\n")
	if err != nil || r.Text != "" || len(r.Errors) != 2 || r.Errors[0].Line != 2 || r.Errors[1].Line != 3 {
		t.Errorf("Format of a broken manifest = %+v, %v; want no text and errors on lines 2 and 3", r, err)
	}
}

func TestRequest(t *testing.T) {
	src, err := os.ReadFile("../../examples/s3-export.manifest")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Request(string(src), RequestOptions{KeepComments: true})
	if err != nil {
		t.Fatal(err)
	}
	ps, _ := request.Build(src, request.Options{KeepComments: true})
	var http strings.Builder
	(&request.HTTPRequest{Params: ps}).Write(&http)
	if r.Body != ps.Encode() || r.HTTP != http.String() || r.Refused {
		t.Errorf("request %+v, want the body %q, not refused", r, ps.Encode())
	}
	if !strings.Contains(r.Body, "JobType=Export") || !strings.Contains(r.Explain, "JobType = Export\n") {
		t.Errorf("request of an export job: %q", r.Body)
	}
	forced, _ := Request("manifestVersion: 2.0\n", RequestOptions{Options: Options{Kind: "s3-export"}})
	if !strings.Contains(forced.Body, "JobType=Export") || !forced.Refused {
		t.Errorf("request with the kind forced to s3-export: %+v", forced)
	}
	unknown, err := Request("manifestVersion: 2.0\n", RequestOptions{})
	if err != nil || unknown.Body != "" || !strings.Contains(unknown.Problem, "job type") {
		t.Errorf("request of a manifest of no known kind: %+v, %v", unknown, err)
	}
	broken, _ := Request("a: b\n\tc: d\n", RequestOptions{})
	if broken.Body != "" || !broken.Refused || len(broken.Errors) != 1 || broken.Errors[0].Rule != "syntax" {
		t.Errorf("request of a broken manifest: %+v", broken)
	}
}

func TestShareRedacts(t *testing.T) {
	const key, pin = "kT3vX9qLw2Rb8NcZ5hYf1JpD7sGm4QeA6uVoE0iW", "4815162342"
	src := "manifestVersion: 2.0\nbucket: photos\n# key " + key + "\nsecretAccessKey: " + key + "\npinCode: " + pin + "\n"
	got := Share(src)
	if strings.Contains(got, key) || strings.Contains(got, pin) || !strings.Contains(got, "bucket: photos\n") {
		t.Errorf("Share = %q", got)
	}
	if plain := "manifestVersion: 2.0\nbucket: photos\n"; Share(plain) != plain {
		t.Errorf("Share changed a manifest without secrets: %q", Share(plain))
	}
}

func TestRules(t *testing.T) {
	rules := Rules()
	if len(rules) != len(lint.Rules) {
		t.Fatalf("%d rules, want %d", len(rules), len(lint.Rules))
	}
	for i, r := range rules {
		if r.Name != lint.Rules[i].Name || r.Help != lint.Rules[i].Help() {
			t.Errorf("rule %d is %q with help %q", i, r.Name, r.Help)
		}
	}
}

// BenchmarkLintKeystroke measures what the page runs after each keystroke
// on a 1 KB manifest, natively: lint and the conversion for the page.
func BenchmarkLintKeystroke(b *testing.B) {
	src, err := os.ReadFile("../../examples/s3-import.manifest")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Lint(string(src), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
