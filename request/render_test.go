package request

import (
	"strings"
	"testing"
)

// TestHTTPDecodes checks that the whole request HTTP renders decodes to
// the same parameters, with no defect: its Content-Length is the body's.
func TestHTTPDecodes(t *testing.T) {
	ps, err := Build([]byte("manifestVersion: 2.0\nbucket: photos\n# a comment\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := Decode([]byte(ps.HTTP(Host)))
	if !d.HTTP {
		t.Fatal("the request is not read as a whole HTTP request")
	}
	for _, diag := range d.Diagnostics {
		if diag.Rule != RuleMissing { // the request is unsigned
			t.Errorf("defect %v", diag)
		}
	}
	if got, want := d.Params.Encode(), ps.Encode(); got != want {
		t.Errorf("decoded body %q, want %q", got, want)
	}
}

// TestWriteExplain checks that every encoding WriteExplain shows decodes
// to the text beside it, and that redact applies to the values.
func TestWriteExplain(t *testing.T) {
	ps := Params{{"Action", "CreateJob"}, {"Manifest", "manifestVersion: 2.0\npinCode: 1234\n"}}
	var b strings.Builder
	redact := strings.NewReplacer("1234", "[redacted]").Replace
	if err := WriteExplain(&b, ps, redact); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "1234") {
		t.Errorf("explain shows the secret:\n%s", out)
	}
	want := []string{
		"Action = CreateJob\n    Action=CreateJob\n",
		"Manifest =\n    manifestVersion: 2.0  manifestVersion%3A%202.0%0A\n    pinCode: [redacted]   pinCode%3A%20%5Bredacted%5D%0A\n",
	}
	if got := strings.Join(want, ""); out != got {
		t.Errorf("explain:\n%s\nwant:\n%s", out, got)
	}
}
