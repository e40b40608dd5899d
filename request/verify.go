package request

import (
	"crypto/hmac"
	"errors"
	"fmt"
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
		return nil, fmt.Errorf("the request is signed with the access key %s, not %s: verify it with that key's credentials", key, c.AccessKeyID)
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
	}
	return v, nil
}

// param returns the value of the first parameter named name.
func (d *Decoded) param(name string) string {
	v, _ := d.Params.Get(name)
	return v
}

// verifyV4 recomputes a Version 4 signature over the request as received,
// and over its body without the final newline a file may add.
func (d *Decoded) verifyV4(v *Verification, c Credentials) {
	date := ""
	for _, h := range d.Header {
		if strings.EqualFold(h.Name, "X-Amz-Date") {
			date = h.Value
			break
		}
	}
	bodies := [][]byte{d.Body}
	if trimmed := strings.TrimSuffix(strings.TrimSuffix(string(d.Body), "\n"), "\r"); len(trimmed) < len(d.Body) {
		bodies = append(bodies, []byte(trimmed))
	}
	for i, body := range bodies {
		m := message{Method: d.Method, Target: d.Target, Header: d.Header, Body: body}
		cr := m.canonicalRequest(d.auth.Signed)
		sts := d.auth.Scope.stringToSign(date, cr)
		ok := hmac.Equal([]byte(d.auth.Scope.sign(c.SecretAccessKey, sts)), []byte(d.auth.Signature))
		if ok || i == 0 {
			v.CanonicalRequest, v.StringToSign, v.OK = cr, sts, ok
		}
		if ok {
			return
		}
	}
}

// verifyV2 recomputes a Version 2 signature over the request's
// parameters, for its Host header's host.
func (d *Decoded) verifyV2(v *Verification, c Credentials) {
	host := Host
	for _, h := range d.Header {
		if strings.EqualFold(h.Name, "Host") {
			host = h.Value
			break
		}
	}
	v.StringToSign = StringToSign(d.Params, host)
	want := signV2(d.param("SignatureMethod"), c.SecretAccessKey, v.StringToSign)
	v.OK = hmac.Equal([]byte(want), []byte(d.param("Signature")))
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
