package lint

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iekit/iekit/parser"
)

// baselineManifest has two findings: eraseDevice's value (yes-no) and the
// unknown key satus (unknown-key).
const baselineManifest = "manifestVersion: 2.0\naccessKeyId: AKIAQWERTYUIOPASDFGH\ndeviceId: WD-1234\nbucket: photos-2026-archive\neraseDevice: True\nsatus: x\nreturnAddress:\n    name: Jane Doe\n    street1: 1200 Harbor Way\n    city: Seattle\n    stateOrProvince: WA\n    postalCode: 98101\n    phoneNumber: +1 206 555 0100\n    country: USA\n"

// baselineOf writes the baseline of src's findings and reads it back.
func baselineOf(t *testing.T, src string) *Baseline {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteBaseline(&buf, []*Result{Check("a.manifest", []byte(src), nil)}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "baseline.json")
	if err := os.WriteFile(path, buf.Bytes(), 0o666); err != nil {
		t.Fatal(err)
	}
	b, err := ReadBaseline(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func rules(ds parser.Diagnostics) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Rule)
	}
	return out
}

func TestBaseline(t *testing.T) {
	b := baselineOf(t, baselineManifest)
	if got := rules(Check("a.manifest", []byte(baselineManifest), nil).Diagnostics); len(got) != 2 || len(b.Entries) != 2 {
		t.Fatalf("the manifest has findings %v, the baseline %d entries; want 2 of each", got, len(b.Entries))
	}
	if b.Entries[0].Key != "eraseDevice" || b.Entries[1].Key != "satus" {
		t.Errorf("keys %q and %q, want eraseDevice and satus", b.Entries[0].Key, b.Entries[1].Key)
	}
	for _, c := range []struct {
		name, src string
		want      []string // the rules of the findings left
		stale     int
	}{
		{"unchanged", baselineManifest, nil, 0},
		{"lines moved", "# moved down\n\ngenerator: iekit\n" + strings.Replace(baselineManifest, "satus: x\n", "", 1) + "satus: x\n", nil, 0},
		{"a new finding", strings.Replace(baselineManifest, "deviceId: WD-1234\n", "deviceId: WD-1234\nnotificationEmail: nobody\n", 1), []string{"email"}, 0},
		{"another unknown key", baselineManifest + "satus2: x\n", []string{"unknown-key"}, 0},
		{"a value changed", strings.Replace(baselineManifest, "eraseDevice: True", "eraseDevice: Ja", 1), []string{"yes-no"}, 1},
		{"a finding fixed", strings.Replace(baselineManifest, "satus: x\n", "", 1), nil, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := Check("a.manifest", []byte(c.src), nil)
			stale := b.Filter([]*Result{r})
			if got := rules(r.Diagnostics); strings.Join(got, ",") != strings.Join(c.want, ",") {
				t.Errorf("findings left: %v, want %v", got, c.want)
			}
			n := 0
			if stale != nil {
				n = len(stale.Diagnostics)
				for _, d := range stale.Diagnostics {
					if d.Rule != "baseline" || d.Severity != parser.SeverityInfo || !strings.Contains(d.Message, "stale baseline entry") {
						t.Errorf("stale: %s", d)
					}
					if got := stale.Line(d.Start.Line); !strings.Contains(got, `"fingerprint"`) {
						t.Errorf("stale entry reported at line %q, not at its fingerprint", got)
					}
				}
			}
			if n != c.stale {
				t.Errorf("%d stale entries, want %d", n, c.stale)
			}
		})
	}
	// Entries of files the run did not lint are not stale.
	if stale := b.Filter([]*Result{Check("other.manifest", []byte("manifestVersion: 2.0\n"), nil)}); stale != nil {
		t.Errorf("entries of a.manifest are stale when linting other.manifest: %v", stale.Diagnostics)
	}
}

// TestBaselineNoSecrets checks that a finding on a secret's entry keeps
// the secret out of the baseline, fingerprint and message alike.
func TestBaselineNoSecrets(t *testing.T) {
	const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	src := "manifestVersion: 2.0\nbucket: b\nsecretAccessKey: " + secret + "\n"
	var buf bytes.Buffer
	if err := WriteBaseline(&buf, []*Result{Check("a.manifest", []byte(src), nil)}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), secret) || strings.Contains(buf.String(), secret[:8]) {
		t.Errorf("the baseline holds the secret:\n%s", buf.String())
	}
	if !strings.Contains(buf.String(), `"key": "secretAccessKey"`) {
		t.Errorf("the baseline has no entry for the secret's finding:\n%s", buf.String())
	}
}

func TestReadBaselineErrors(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ name, src, want string }{
		{"notjson", "nope", "not a baseline"},
		{"version", `{"version": 2, "findings": []}`, "baseline version 2"},
		{"unknown", `{"version": 1, "findings": [], "extra": 1}`, "unknown field"},
		{"incomplete", `{"version": 1, "findings": [{"path": "a.manifest"}]}`, "finding 1 lacks"},
	} {
		path := filepath.Join(dir, c.name)
		os.WriteFile(path, []byte(c.src), 0o666)
		if _, err := ReadBaseline(path); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
	}
}

// TestBaselineHidesSecretValues checks that a finding on a secret option
// has the same fingerprint whatever the secret: a hash of a PIN would
// give the PIN away to anyone who tries them all.
func TestBaselineHidesSecretValues(t *testing.T) {
	fp := func(pin string) []string {
		r := Check("job.manifest", []byte("manifestVersion: 2.0\npinCode:"+pin+"\n"), nil)
		keys, fps := r.fingerprints()
		for i, k := range keys {
			if k == "pinCode" {
				return []string{fps[i]}
			}
		}
		t.Fatalf("no finding on pinCode: %v", r.Diagnostics)
		return nil
	}
	if a, b := fp("1234"), fp("9876"); a[0] != b[0] {
		t.Errorf("the fingerprints of two PINs differ (%s, %s): the value is hashed unmasked", a[0], b[0])
	}
}
