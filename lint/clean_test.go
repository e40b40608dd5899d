package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iekit/iekit/schema"
	"github.com/rogpeppe/go-internal/txtar"
)

// TestNoFalsePositives lints the bundled examples and a fully specified
// manifest of each kind (every option set, validly), each with the
// .ie.yaml that governs it (which gives the region of the S3 jobs):
// nothing may be reported, not even an info.
func TestNoFalsePositives(t *testing.T) {
	examples, _ := filepath.Glob("../examples/*.manifest")
	full, _ := filepath.Glob("../testdata/clean/*.manifest")
	if len(examples) != 4 || len(full) != 4 {
		t.Fatalf("want 4 examples and 4 full manifests, found %d and %d", len(examples), len(full))
	}
	for _, path := range append(examples, full...) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		cfg, diags, err := LoadConfig(FindConfig(filepath.Dir(path)))
		if err != nil || len(diags) > 0 {
			t.Fatalf("%s: the configuration: %v %v", path, err, diags)
		}
		for _, d := range Check(path, src, cfg).Diagnostics {
			t.Errorf("%s:%s", path, d)
		}
	}
}

// TestDocumentedDefects checks that the defects of the AWS documentation's
// own examples (spec §2's quirks, and the manifest inside §4's broken
// sample requests) each draw the rule meant for them.
func TestDocumentedDefects(t *testing.T) {
	for _, c := range []struct{ file, rule string }{
		{"quirk-no-space-colon", "yaml-compat"},
		{"quirk-placeholder-values", "placeholder"},
		{"quirk-address-at-column-0", "misplaced-key"},
		{"quirk-version-semicolon", "manifest-version"},
		{"quirk-wrong-key-case", "unknown-key"},
		{"quirk-nested-key-at-top-level", "misplaced-key"},
		{"quirk-hash-in-value", "inline-comment"},
		{"quirk-duplicate-key", "duplicate-key"},
		{"quirk-empty-values", "missing-required"},
		{"quirk-yaml-indicator-values", "yaml-compat"},
	} {
		src, err := os.ReadFile(filepath.Join("../testdata/corpus", c.file+".manifest"))
		if err != nil {
			t.Fatal(err)
		}
		if !hasRule(Check(c.file, src, nil), c.rule) {
			t.Errorf("%s: no %s finding", c.file, c.rule)
		}
	}
	// The manifest of the guide's sample CreateJob request lacks required
	// options (its request body lost them to a missing "&").
	sample := "manifestVersion: 2.0\nbucket: myBucket\naccessKeyId: AKIAIOSFODNN7EXAMPLE\nreturnAddress:\n    name: Jane Roe\n    street1: 1200 Harbor Way\n    city: Seattle\n    stateOrProvince: WA\n    postalCode: 98101\n    phoneNumber: 206-555-0100\n    country: USA\n"
	r := Check("sample", []byte(sample), nil)
	for _, rule := range []string{"missing-required", "access-key-id", "bucket-name"} {
		if !hasRule(r, rule) {
			t.Errorf("the guide's sample manifest: no %s finding", rule)
		}
	}
}

func hasRule(r *Result, rule string) bool {
	for _, d := range r.Diagnostics {
		if d.Rule == rule {
			return true
		}
	}
	return false
}

// TestFacilityFullManifests lints testdata/lint/facility/full-REGION.txtar,
// a fully specified manifest served by each facility of the table, with
// its region: nothing may be reported, not even an info.
func TestFacilityFullManifests(t *testing.T) {
	for _, f := range schema.Facilities {
		path := filepath.Join(casesDir, "facility", "full-"+f.Region+".txtar")
		a, err := txtar.ParseFile(path)
		if err != nil {
			t.Errorf("facility %s: %v", f.Region, err)
			continue
		}
		var input []byte
		var region string
		for _, s := range a.Files {
			switch s.Name {
			case "input.manifest":
				input = s.Data
			case "region":
				region = strings.TrimSpace(string(s.Data))
			}
		}
		r := Check(path, input, &Config{Region: region})
		if r.Kind == schema.S3Import || r.Kind == schema.S3Export {
			if region != f.Region {
				t.Errorf("%s: region %q, want %q", path, region, f.Region)
			}
		} else if !strings.Contains(string(input), "region: "+f.Region+"\n") {
			t.Errorf("%s: its operations are not in %s", path, f.Region)
		}
		for _, d := range r.Diagnostics {
			t.Errorf("%s:%s", path, d)
		}
	}
}
