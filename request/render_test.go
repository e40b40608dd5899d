package request

import (
	"os"
	"os/exec"
	"reflect"
	"strings"
	"testing"
)

var renderParams = Params{{"Action", "CreateJob"}, {"Manifest", "name: O'Hara & Sons\n"}, {"Version", APIVersion}}

// TestWriteHTTP checks the request byte for byte, extra headers in order
// after the fixed ones, and that the decoder reads it back without a
// defect and with the same parameters.
func TestWriteHTTP(t *testing.T) {
	r := &HTTPRequest{Params: renderParams, Headers: []Header{{"X-Amz-Date", "20261121T180000Z"}, {"Authorization", "AWS4-HMAC-SHA256 Credential=x"}}}
	var b strings.Builder
	if err := r.Write(&b); err != nil {
		t.Fatal(err)
	}
	body := "Action=CreateJob&Manifest=name%3A%20O%27Hara%20%26%20Sons%0A&Version=2010-06-01"
	want := "POST / HTTP/1.1\r\nHost: importexport.amazonaws.com\r\n" +
		"Content-Type: application/x-www-form-urlencoded; charset=utf-8\r\nContent-Length: 79\r\n" +
		"X-Amz-Date: 20261121T180000Z\r\nAuthorization: AWS4-HMAC-SHA256 Credential=x\r\n\r\n" + body
	if b.String() != want {
		t.Fatalf("got\n%q\nwant\n%q", b.String(), want)
	}
	d := Decode([]byte(b.String()))
	if !d.HTTP || !reflect.DeepEqual(d.Params, renderParams) {
		t.Errorf("decoded HTTP=%v params %v, want true %v", d.HTTP, d.Params, renderParams)
	}
	for _, x := range d.Diagnostics {
		if x.Rule == RuleContentLength || x.Rule == RuleHost {
			t.Errorf("decoding the rendered request: %v", x)
		}
	}
}

// TestHeaderInjection checks that a header that would split the request
// is refused, by both renderings.
func TestHeaderInjection(t *testing.T) {
	for _, h := range []Header{{"X-A", "1\r\nX-B: 2"}, {"X-A", "1\n"}, {"X A", "1"}, {"X:A", "1"}, {"", "1"}} {
		r := &HTTPRequest{Params: renderParams, Headers: []Header{h}}
		var b strings.Builder
		if err := r.Write(&b); err == nil || b.Len() > 0 {
			t.Errorf("Write with header %q: error %v, output %q; want an error and nothing written", h, err, b.String())
		}
		if err := r.WriteCurl(&b); err == nil || b.Len() > 0 {
			t.Errorf("WriteCurl with header %q: error %v, output %q; want an error and nothing written", h, err, b.String())
		}
	}
	if err := (&HTTPRequest{Host: "evil\r\nX: y", Params: renderParams}).Write(&strings.Builder{}); err == nil {
		t.Error("a host with a line break was written")
	}
}

// TestWriteCurl runs the command line through sh, with curl replaced by
// printf, and checks each argument arrives intact, quotes included.
func TestWriteCurl(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("sh is needed to check the quoting of the curl command")
		}
		t.Skip("no sh to check the quoting of the curl command")
	}
	r := &HTTPRequest{Params: renderParams, Headers: []Header{{"X-Note", `it's "quoted" $HOME`}}}
	var b strings.Builder
	if err := r.WriteCurl(&b); err != nil {
		t.Fatal(err)
	}
	cmd, ok := strings.CutPrefix(b.String(), "curl ")
	if !ok || !strings.HasSuffix(cmd, "\n") {
		t.Fatalf("not one curl command line: %q", b.String())
	}
	out, err := exec.Command(sh, "-c", `printf '%s\n' `+cmd).Output()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"-sS", "-X", "POST", "https://importexport.amazonaws.com/",
		"-H", "Content-Type: " + ContentType, "-H", `X-Note: it's "quoted" $HOME`,
		"--data-binary", renderParams.Encode()}
	if got := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n"); !reflect.DeepEqual(got, want) {
		t.Errorf("the shell read\n%q\nwant\n%q", got, want)
	}
}

// TestWriteJSONAndExplain checks that both outputs for people pass every
// value through redact, and keep the parameters in order.
func TestWriteJSONAndExplain(t *testing.T) {
	redact := func(s string) string { return strings.ReplaceAll(s, "O'Hara", "[redacted]") }
	var j strings.Builder
	if err := renderParams.WriteJSON(&j, redact); err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"Action\": \"CreateJob\",\n  \"Manifest\": \"name: [redacted] \\u0026 Sons\\n\",\n  \"Version\": \"2010-06-01\"\n}\n"
	if j.String() != want {
		t.Errorf("WriteJSON:\n%s\nwant\n%s", j.String(), want)
	}
	var e strings.Builder
	if err := renderParams.WriteExplain(&e, redact); err != nil {
		t.Fatal(err)
	}
	want = "Action = CreateJob\n    Action=CreateJob\nManifest =\n    name: [redacted] & Sons  name%3A%20%5Bredacted%5D%20%26%20Sons%0A\nVersion = 2010-06-01\n    Version=2010-06-01\n"
	if e.String() != want {
		t.Errorf("WriteExplain:\n%s\nwant\n%s", e.String(), want)
	}
}
