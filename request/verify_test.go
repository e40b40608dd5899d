package request

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// httpRequest writes a POST of body with headers, as ie encode -format
// http does.
func httpRequest(body string, headers []Header) string {
	var b strings.Builder
	fmt.Fprintf(&b, "POST / HTTP/1.1\r\nHost: %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n", Host, ContentType, len(body))
	for _, h := range headers {
		fmt.Fprintf(&b, "%s: %s\r\n", h.Name, h.Value)
	}
	return b.String() + "\r\n" + body
}

// signedV4 returns a GetStatus request signed with Version 4, and what it
// signs as ie encode -show-string-to-sign prints it.
func signedV4(t *testing.T, c Credentials) (string, string) {
	t.Helper()
	body := Params{{"Action", "GetStatus"}, {"JobId", "ABC12"}, {"Version", APIVersion}}.Encode()
	v, err := SignV4(body, c, SignOptions{Time: testTime})
	if err != nil {
		t.Fatal(err)
	}
	return httpRequest(body, v.Header), v.CanonicalRequest + "\n\n" + v.StringToSign
}

// TestVerify checks that the signatures SignV4 and Sign make hold, with a
// final newline after the body too, and that a changed request does not,
// with the mismatch placed at the signature and Compare saying what
// changed.
func TestVerify(t *testing.T) {
	for _, c := range []Credentials{testCreds, testTempCreds} {
		req, signed := signedV4(t, c)
		proxied := strings.Replace(req, "POST / ", "POST https://"+Host+"/ ", 1)
		for _, input := range []string{req, req + "\n", proxied} {
			v, err := Decode([]byte(input)).Verify(c)
			if err != nil || !v.OK {
				t.Errorf("%v, %+v: the signature does not hold for\n%s", err, v, input)
			}
		}
		for _, change := range []struct{ from, to, want string }{
			{"JobId=ABC12", "JobId=ABC13", "body hash: "},
			{"X-Amz-Date: 20261121T180000Z", "X-Amz-Date: 20261121T180001Z", `header x-amz-date: "20261121T180001Z" in the request, "20261121T180000Z" signed`},
			{"POST / HTTP", "POST /?Operation=GetStatus HTTP", `query: "Operation=GetStatus" in the request, "" signed`},
		} {
			changed := strings.Replace(req, change.from, change.to, 1)
			d := Decode([]byte(changed))
			v, err := d.Verify(c)
			if err != nil {
				t.Fatal(err)
			}
			if v.OK || v.Diagnostic == nil {
				t.Errorf("the signature holds for a request with %s", change.to)
				continue
			}
			sig := strings.LastIndex(changed, "Signature=") + len("Signature=")
			if v.Diagnostic.Start.Offset != sig || v.Diagnostic.End.Offset != sig+64 || v.Diagnostic.Rule != RuleSignatureMatch {
				t.Errorf("mismatch at %d-%d [%s], want %d-%d at the signature", v.Diagnostic.Start.Offset, v.Diagnostic.End.Offset, v.Diagnostic.Rule, sig, sig+64)
			}
			cr, sts, _ := strings.Cut(signed, "\n\n"+AlgorithmV4)
			logged := "CanonicalRequest:\n" + cr + "\nStringToSign:\n" + AlgorithmV4 + sts + "\n"
			for _, s := range []string{signed, cr, logged} {
				diffs := v.Compare(s)
				if len(diffs) != 1 || !strings.HasPrefix(diffs[0], change.want) {
					t.Errorf("with %s, Compare(%q) = %q, want one difference starting %q", change.to, s, diffs, change.want)
				}
			}
			if strings.Contains(v.CanonicalRequest+v.StringToSign+v.Diagnostic.Message+strings.Join(v.Compare(signed), ""), c.SecretAccessKey) {
				t.Error("the secret is in the verification")
			}
		}
	}

	// Version 2: the parameter that changed is named.
	ps, sts, err := Sign(Params{{"Action", "GetStatus"}, {"JobId", "ABC12"}}, testCreds, SignOptions{Time: testTime})
	if err != nil {
		t.Fatal(err)
	}
	if v, err := Decode([]byte(ps.Encode())).Verify(testCreds); err != nil || !v.OK {
		t.Errorf("%v: the Version 2 signature does not hold", err)
	}
	changed := slices.Clone(ps)
	changed.Set("JobId", "ABC13")
	v, err := Decode([]byte(changed.Encode())).Verify(testCreds)
	if err != nil || v.OK {
		t.Fatalf("%v: the Version 2 signature holds for a changed JobId", err)
	}
	for _, s := range []string{sts, "String to sign: " + sts + "\n"} {
		if got := v.Compare(s); !slices.Equal(got, []string{`parameter JobId: "ABC13" in the request, "ABC12" signed`}) {
			t.Errorf("Compare(%q) = %q", s, got)
		}
	}
	if v.CanonicalRequest != "" {
		t.Error("a Version 2 verification has a canonical request")
	}
}

// TestVerifyHints checks that a signature broken by a change a proxy or a
// tool makes is said to hold for the request before that change.
func TestVerifyHints(t *testing.T) {
	ps := Params{{"Action", "GetStatus"}, {"JobId", "AB 12"}, {"Version", APIVersion}}
	plus := strings.ReplaceAll(ps.Encode(), "%20", "+")
	v4, err := SignV4(plus, testCreds, SignOptions{Time: testTime})
	if err != nil {
		t.Fatal(err)
	}
	req := httpRequest(plus, v4.Header)
	for _, c := range []struct{ from, to, want string }{
		{plus, ps.Encode(), `the signature holds for the body written with "+" for a space, so the body was encoded again after signing`},
		{"; charset=utf-8", "", "the signature holds with Content-Type: application/x-www-form-urlencoded; charset=utf-8, so that header was changed after signing"},
		{"Host: " + Host, "Host: localhost:8080", "the signature holds with Host: importexport.amazonaws.com, so that header was changed after signing"},
		{"POST / ", "POST /import ", `the signature holds for the path "/", so the request line was changed after signing`},
	} {
		changed := strings.Replace(req, c.from, c.to, 1)
		changed = strings.Replace(changed, fmt.Sprintf("Content-Length: %d", len(plus)), fmt.Sprintf("Content-Length: %d", len(changed)-strings.Index(changed, "\r\n\r\n")-4), 1)
		d := Decode([]byte(changed))
		v, err := d.Verify(testCreds)
		if err != nil {
			t.Fatalf("%v\n%s\n%s", err, changed, diagnosticLines(d.Diagnostics))
		}
		if v.OK || v.Hint != c.want || !strings.HasSuffix(v.Diagnostic.Message, c.want) {
			t.Errorf("with %q: OK %v, hint %q, message %q; want hint %q", c.to, v.OK, v.Hint, v.Diagnostic.Message, c.want)
		}
	}

	// Version 2: SignatureMethod changed after signing; a signature made
	// with HmacSHA1 over SignatureMethod=HmacSHA256; another host.
	signed, _, err := Sign(ps, testCreds, SignOptions{Time: testTime, Method: HmacSHA1})
	if err != nil {
		t.Fatal(err)
	}
	signed.Set("SignatureMethod", HmacSHA256)
	mislabelled, _, err := Sign(ps, testCreds, SignOptions{Time: testTime})
	if err != nil {
		t.Fatal(err)
	}
	mislabelled.Set("Signature", signV2(HmacSHA1, testCreds.SecretAccessKey, StringToSign(mislabelled, Host)))
	other, _, err := Sign(ps, testCreds, SignOptions{Time: testTime})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ input, want string }{
		{signed.Encode(), "the signature holds with SignatureMethod HmacSHA1, so that parameter was changed after signing"},
		{mislabelled.Encode(), "the signature was made with HmacSHA1, not with the SignatureMethod HmacSHA256 it names"},
		{"POST / HTTP/1.1\r\nHost: localhost\r\n\r\n" + other.Encode(), "the signature holds for the host importexport.amazonaws.com, so the Host header was changed after signing"},
	} {
		v, err := Decode([]byte(c.input)).Verify(testCreds)
		if err != nil || v.OK || v.Hint != c.want {
			t.Errorf("%v, %+v; want hint %q", err, v, c.want)
		}
	}
}

// TestVerifyRefuses checks the requests Verify cannot check: signed with
// another access key, unsigned, or with a malformed signature.
func TestVerifyRefuses(t *testing.T) {
	req, _ := signedV4(t, testCreds)
	other := testCreds
	other.AccessKeyID = "AKIAOTHERKEY00000000"
	for _, c := range []struct {
		name, input string
		creds       Credentials
		want        string
	}{
		{"other key", req, other, "the request is signed with the access key \"AKIAQWERTYUIOPASDFGH\", not AKIAOTHERKEY00000000: verify it with that key's credentials"},
		{"no credentials", req, Credentials{}, "no credentials to verify with"},
		{"unsigned", "Action=GetStatus&JobId=ABC12&Version=2010-06-01", testCreds, "the request is not signed"},
		{"malformed 2", "Action=GetStatus&JobId=ABC12&Version=2010-06-01&Signature=abc", testCreds, "no well-formed Signature Version 2 to verify: mend the request first"},
		{"malformed", strings.Replace(req, "AWS4-HMAC-SHA256 ", "AWS4-HMAC-SHA512 ", 1), testCreds, "no well-formed Signature Version 4 to verify: mend the request first"},
	} {
		_, err := Decode([]byte(c.input)).Verify(c.creds)
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
}

// TestRedact checks that the session token of a request, in its header
// or its SecurityToken parameter, is redacted, and a short value is not.
func TestRedact(t *testing.T) {
	req, signed := signedV4(t, testTempCreds)
	if got := Decode([]byte(req)).Redact(signed); strings.Contains(got, testTempCreds.SessionToken) || !strings.Contains(got, "x-amz-security-token:[redacted]\n") {
		t.Errorf("Redact left the token:\n%s", got)
	}
	ps, _, err := Sign(Params{{"Action", "GetStatus"}, {"JobId", "ABC12"}}, testTempCreds, SignOptions{Time: testTime})
	if err != nil {
		t.Fatal(err)
	}
	d := Decode([]byte(ps.Encode()))
	if got := d.Redact("token " + testTempCreds.SessionToken); got != "token [redacted]" {
		t.Errorf("Redact = %q", got)
	}
	d = Decode([]byte("Action=GetStatus&JobId=ABC12&SecurityToken=a"))
	if got := d.Redact("a JobId"); got != "a JobId" {
		t.Errorf("Redact of a short token = %q", got)
	}
}
