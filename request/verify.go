package request

import (
	"crypto/hmac"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/iekit/iekit/parser"
)

// Verification is a request's signature recomputed.
type Verification struct {
	Version int  // of the signature: 2 or 4
	OK      bool // the signature holds
	// Diagnostic reports, at the request's signature, that it does not
	// hold; nil when it does.
	Diagnostic *parser.Diagnostic
	// CanonicalRequest (Version 4 only) and StringToSign are what the
	// signature signs, as built from the request received: where they
	// differ from what the sender signed, the request was changed.
	CanonicalRequest string
	StringToSign     string
	// Hint says, when the signature does not hold, a change to the
	// request that makes it hold: what was changed after signing.
	Hint string
}

// Verify recomputes the signature of a decoded request with c, as the
// service would. It fails when the request has no well-formed signature
// (its findings say why) or is signed with another access key than c's.
// Nothing it returns holds the secret.
func (d *Decoded) Verify(c Credentials) (*Verification, error) {
	if c.AccessKeyID == "" || c.SecretAccessKey == "" {
		return nil, errors.New("no credentials to verify with")
	}
	v := &Verification{Version: d.Version}
	var key string
	switch {
	case d.Version == 4 && d.auth != nil:
		key = d.auth.AccessKeyID
	case d.Version == 2 && d.sig != nil && SignatureLength(d.param("SignatureMethod")) > 0:
		key = d.param("AWSAccessKeyId")
	case d.Version == 0:
		return nil, errors.New("the request is not signed")
	default:
		return nil, fmt.Errorf("no well-formed Signature Version %d to verify: mend the request first", d.Version)
	}
	if key != c.AccessKeyID {
		return nil, fmt.Errorf("the request is signed with the access key %q, not %s: verify it with that key's credentials", key, c.AccessKeyID)
	}
	if d.Version == 4 {
		d.verifyV4(v, c)
	} else {
		d.verifyV2(v, c)
	}
	if !v.OK {
		v.Diagnostic = &parser.Diagnostic{
			Start: d.sigSpan[0], End: d.sigSpan[1], Severity: parser.SeverityError, Rule: RuleSignatureMatch,
			Message: fmt.Sprintf("the signature does not hold with the credentials of %s: the request differs from what was signed, or another secret signed it", c.AccessKeyID),
		}
		if v.Hint != "" {
			v.Diagnostic.Message = fmt.Sprintf("the signature does not hold with the credentials of %s: %s", c.AccessKeyID, v.Hint)
		}
	}
	return v, nil
}

// param returns the value of the first parameter named name.
func (d *Decoded) param(name string) string {
	v, _ := d.Params.Get(name)
	return v
}

// headerValue returns the value of the first header named name.
func (d *Decoded) headerValue(name string) (string, bool) {
	for _, h := range d.Header {
		if strings.EqualFold(h.Name, name) {
			return h.Value, true
		}
	}
	return "", false
}

// verifyV4 recomputes a Version 4 signature over the request as received,
// and over its body without the final newline a file may add. When it
// does not hold, it tries the request as it may have been before a proxy
// or a tool changed it, and says which change makes the signature hold.
func (d *Decoded) verifyV4(v *Verification, c Credentials) {
	date, _ := d.headerValue("X-Amz-Date")
	holds := func(m message) (cr, sts string, ok bool) {
		cr = m.canonicalRequest(d.auth.Signed)
		sts = d.auth.Scope.stringToSign(date, cr)
		return cr, sts, hmac.Equal([]byte(d.auth.Scope.sign(c.SecretAccessKey, sts)), []byte(d.auth.Signature))
	}
	m := message{Method: d.Method, Target: d.Target, Header: d.Header, Body: d.Body}
	if v.CanonicalRequest, v.StringToSign, v.OK = holds(m); v.OK {
		return
	}
	if trimmed := strings.TrimSuffix(strings.TrimSuffix(string(d.Body), "\n"), "\r"); len(trimmed) < len(d.Body) {
		t := m
		t.Body = []byte(trimmed)
		if cr, sts, ok := holds(t); ok {
			v.CanonicalRequest, v.StringToSign, v.OK = cr, sts, ok
			return
		}
	}
	for _, alt := range d.alternatives(m) {
		if _, _, ok := holds(alt.m); ok {
			v.Hint = alt.what
			return
		}
	}
}

// alternative is a request as it may have been signed, and what differs.
type alternative struct {
	what string
	m    message
}

// alternatives returns m as it may have been before a change that breaks
// a Version 4 signature: its body encoded the other way ("+" or "%20" for
// a space), another Content-Type, the service's host, the path "/".
func (d *Decoded) alternatives(m message) []alternative {
	var out []alternative
	with := func(what string, change func(*message)) {
		alt := m
		alt.Header = slices.Clone(m.Header)
		change(&alt)
		out = append(out, alternative{what, alt})
	}
	withHeader := func(name, value string) {
		if old, ok := d.headerValue(name); ok && old != value {
			with(fmt.Sprintf("the signature holds with %s: %s, so that header was changed after signing", name, value), func(m *message) {
				for i := range m.Header {
					if strings.EqualFold(m.Header[i].Name, name) {
						m.Header[i].Value = value
					}
				}
			})
		}
	}
	encoded := d.Params.Encode()
	for _, body := range []struct{ space, text string }{{"%20", encoded}, {"+", strings.ReplaceAll(encoded, "%20", "+")}} {
		if body.text != string(m.Body) {
			with(fmt.Sprintf("the signature holds for the body written with %q for a space, so the body was encoded again after signing", body.space), func(m *message) {
				m.Body = []byte(body.text)
			})
		}
	}
	withHeader("Content-Type", ContentType)
	withHeader("Content-Type", "application/x-www-form-urlencoded")
	withHeader("Host", Host)
	if m.Target != "/" {
		with("the signature holds for the path \"/\", so the request line was changed after signing", func(m *message) { m.Target = "/" })
	}
	return out
}

// verifyV2 recomputes a Version 2 signature over the request's
// parameters, for its Host header's host. When it does not hold, it tries
// the other signature method and the service's host.
func (d *Decoded) verifyV2(v *Verification, c Credentials) {
	host, ok := d.headerValue("Host")
	if !ok {
		host = Host
	}
	method, sig := d.param("SignatureMethod"), d.param("Signature")
	// holds reports whether the signature is the HMAC, with hash, of the
	// string to sign of the parameters with SignatureMethod named, for host.
	holds := func(hash, named, host string) bool {
		ps := slices.Clone(d.Params)
		ps.Set("SignatureMethod", named)
		return hmac.Equal([]byte(signV2(hash, c.SecretAccessKey, StringToSign(ps, host))), []byte(sig))
	}
	v.StringToSign = StringToSign(d.Params, host)
	if v.OK = holds(method, method, host); v.OK {
		return
	}
	other := HmacSHA1
	if method == HmacSHA1 {
		other = HmacSHA256
	}
	switch {
	case holds(other, other, host):
		v.Hint = fmt.Sprintf("the signature holds with SignatureMethod %s, so that parameter was changed after signing", other)
	case holds(other, method, host):
		v.Hint = fmt.Sprintf("the signature was made with %s, not with the SignatureMethod %s it names", other, method)
	case !strings.EqualFold(host, Host) && holds(method, method, Host):
		v.Hint = fmt.Sprintf("the signature holds for the host %s, so the Host header was changed after signing", Host)
	}
}

// Redact replaces, in s, the session token of the request's temporary
// credentials (its X-Amz-Security-Token header or SecurityToken
// parameter) with "[redacted]": a credential, it is not shown again.
// A value too short to be a token is left alone.
func (d *Decoded) Redact(s string) string {
	tokens := []string{d.param("SecurityToken")}
	for _, h := range d.Header {
		if strings.EqualFold(h.Name, "X-Amz-Security-Token") {
			tokens = append(tokens, h.Value)
		}
	}
	for _, t := range tokens {
		if len(t) >= 16 {
			s = strings.ReplaceAll(s, t, "[redacted]")
		}
	}
	return s
}
