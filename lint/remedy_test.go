package lint

import (
	"slices"
	"strings"
	"testing"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// TestMissingKeysFix checks that the findings of the keys one block lacks
// carry one fix, the same for each, naming the key each is about in its
// data; and that applying every unsafe fix adds each key once.
func TestMissingKeysFix(t *testing.T) {
	src := "manifestVersion: 2.0\r\nbucket: photos\r\nreturnAddress:\r\n  name: Jane Doe\r\n  country: Canada\r\n"
	r := Check("job.manifest", []byte(src), nil)
	byBlock := map[string][]parser.Diagnostic{}
	for _, d := range r.Diagnostics {
		if len(d.Fixes) == 0 || d.Fixes[0].Title != addMissingTitle {
			continue
		}
		if d.Data == nil || len(d.Data.Keys) != 1 {
			t.Errorf("%s: data %+v, want the one missing key", d, d.Data)
		}
		byBlock[d.Rule] = append(byBlock[d.Rule], d)
	}
	if len(byBlock["missing-required"]) != 3 || len(byBlock["address"]) != 5 {
		t.Fatalf("findings with the fix: %d missing-required, %d address; want 3 and 5", len(byBlock["missing-required"]), len(byBlock["address"]))
	}
	for rule, ds := range byBlock {
		for _, d := range ds[1:] {
			if !slices.EqualFunc(d.Fixes[0].Edits, ds[0].Fixes[0].Edits, func(a, b parser.TextEdit) bool { return a == b }) || d.Fixes[0].Safe {
				t.Errorf("%s: fixes differ or are safe: %+v and %+v", rule, d.Fixes[0], ds[0].Fixes[0])
			}
		}
	}
	fixed, n := r.Fix(true)
	want := "manifestVersion: 2.0\r\nbucket: photos\r\nreturnAddress:\r\n  name: Jane Doe\r\n  country: Canada\r\n" +
		"  street1: \r\n  city: \r\n  stateOrProvince: \r\n  postalCode: \r\n  phoneNumber: \r\n" +
		"accessKeyId: \r\ndeviceId: \r\neraseDevice: \r\n"
	if n != 2 || string(fixed) != want {
		t.Errorf("after %d fixes:\n%q\nwant 2 fixes:\n%q", n, fixed, want)
	}
	// Once the keys are there, only their emptiness is reported, and
	// nothing more is added.
	again := Check("job.manifest", fixed, nil)
	if _, n := again.Fix(true); n != 0 {
		t.Errorf("the fixed manifest has %d more fixes", n)
	}
}

// TestSecretFix checks fixes against secrets by place: a value equal to
// a secret elsewhere is fixed and named as any other, while no fix edits
// a secret (moving " # old" out of a pinCode would change the PIN) or
// writes one (quoting a trueCryptPassword would copy it into the fix).
func TestSecretFix(t *testing.T) {
	src := "manifestVersion: 2.0\nbucket: photos\nacl: privat\ntrueCryptPassword: privat\npinCode: 80 # old\neraseDevice: True\nnote: 'a'b\npincode: yes: no\n"
	r := Check("job.manifest", []byte(src), nil)
	titles := map[string]string{}
	for _, d := range r.Diagnostics {
		for _, f := range d.Fixes {
			titles[d.Rule] = f.Title
			for _, e := range f.Edits {
				if strings.Contains(e.NewText, Redacted) {
					t.Errorf("%s: fix %+v writes the mask", d.Rule, f)
				}
			}
		}
	}
	if titles["enum-value"] != `replace "privat" with "private"` {
		t.Errorf("enum-value fix %q, want the value of acl named", titles["enum-value"])
	}
	if _, ok := titles["inline-comment"]; ok {
		t.Errorf("inline-comment offers %q, which cuts the pinCode", titles["inline-comment"])
	}
	if titles["yes-no"] == "" {
		t.Errorf("no yes-no fix: %v", titles)
	}
	fixed, _ := r.Fix(true)
	for _, line := range []string{"trueCryptPassword: privat\n", "pinCode: 80 # old\n", "pincode: yes: no\n"} {
		if !strings.Contains(string(fixed), line) {
			t.Errorf("the fixed source lost %q:\n%s", line, fixed)
		}
	}
}

// TestSuppression checks the edit that silences a finding: a directive
// line above the innermost entry or item holding it, at its indentation,
// with the source's line endings; applied, it silences the finding and
// is not itself reported.
func TestSuppression(t *testing.T) {
	for _, c := range []struct {
		name, src, rule, line string // line: the line the directive goes above
	}{
		{"top level", "manifestVersion: 2.0\nbucket: photos\neraseDevice: True\n", "yes-no", "eraseDevice: True\n"},
		{"block", "bucket: photos\nreturnAddress:\n    city: CHANGEME\n", "placeholder", "    city: CHANGEME\n"},
		{"item", "operations:\n  - exportBucket: Bad_Bucket\n", "bucket-name", "  - exportBucket: Bad_Bucket\n"},
		{"crlf", "manifestVersion: 2.0\r\nbucket: photos\r\neraseDevice: True\r\n", "yes-no", "eraseDevice: True\r\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := Check("job.manifest", []byte(c.src), nil)
			i := slices.IndexFunc(r.Diagnostics, func(d parser.Diagnostic) bool { return d.Rule == c.rule })
			if i < 0 {
				t.Fatalf("no %s finding", c.rule)
			}
			fix, ok := r.Suppression(r.Diagnostics[i])
			if !ok || fix.Title != "ignore "+c.rule+" here" || fix.Safe {
				t.Fatalf("Suppression = %+v, %v", fix, ok)
			}
			got, _ := ApplyFixes([]byte(c.src), parser.Diagnostics{{Fixes: []parser.Fix{fix}}}, true)
			nl := "\n"
			if strings.HasSuffix(c.line, "\r\n") {
				nl = "\r\n"
			}
			want := strings.Replace(c.src, c.line, c.line[:len(c.line)-len(strings.TrimLeft(c.line, " "))]+"# "+Directive+" "+c.rule+nl+c.line, 1)
			if string(got) != want {
				t.Fatalf("got:\n%q\nwant:\n%q", got, want)
			}
			for _, d := range Check("job.manifest", got, nil).Diagnostics {
				if d.Rule == c.rule || d.Rule == ruleUnusedSuppression.Name {
					t.Errorf("after the edit: %s", d)
				}
			}
		})
	}
	r := Check("job.manifest", []byte("a: 1\nb\n"), nil)
	for _, d := range r.Diagnostics {
		if _, ok := r.Suppression(d); ok && d.Rule == parser.RuleSyntax {
			t.Errorf("a suppression of %s", d)
		}
	}
}

// TestFieldsShared checks that the result hands out the view the rules
// used, with each field's option and block.
func TestFieldsShared(t *testing.T) {
	r := Check("job.manifest", []byte("bucket: b\nreturnAddress:\n    city: x\n    nope: y\n"), nil)
	var got []string
	for _, f := range r.Fields() {
		s := f.Entry.Key.Name
		if f.In != nil {
			s = f.In.Name + "." + s
		}
		if f.Option == nil {
			s += "?"
		}
		got = append(got, s)
	}
	if want := []string{"bucket", "returnAddress", "returnAddress.city", "returnAddress.nope?"}; !slices.Equal(got, want) {
		t.Errorf("fields %q, want %q", got, want)
	}
	if f := r.Fields()[2]; f.Option != schema.ReturnAddress.Field("city") {
		t.Errorf("city's option %+v", f.Option)
	}
}
