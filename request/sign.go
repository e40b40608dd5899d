package request

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"strings"
	"time"
)

// Host is where Import/Export requests go.
const Host = "importexport.amazonaws.com"

// The signature methods of Signature Version 2.
const (
	HmacSHA256 = "HmacSHA256"
	HmacSHA1   = "HmacSHA1"
)

// SignatureLength returns the length of a Base64 signature made with
// method: 44 characters for HmacSHA256, 28 for HmacSHA1; 0 for another.
func SignatureLength(method string) int {
	switch method {
	case HmacSHA256:
		return 44
	case HmacSHA1:
		return 28
	}
	return 0
}

// TimestampLayout is how Timestamp and Expires are written: ISO 8601 in
// UTC with milliseconds, e.g. 2011-06-20T18:49:14.981Z.
const TimestampLayout = "2006-01-02T15:04:05.000Z"

// Credentials sign requests. The secret never leaves this package: nothing
// prints it.
type Credentials struct {
	AccessKeyID     string
	SecretAccessKey string
	SessionToken    string // set for temporary credentials
}

// SignOptions control a signature.
type SignOptions struct {
	Method  string    // HmacSHA256 when empty
	Time    time.Time // the Timestamp; or, with Expires, when the request expires
	Expires bool      // send Expires instead of Timestamp
	Host    string    // Host when empty
}

// Sign adds the Signature Version 2 parameters to a copy of ps and signs
// it: AWSAccessKeyId, SignatureVersion, SignatureMethod, Timestamp or
// Expires, SecurityToken with temporary credentials, Version if missing,
// and Signature. It also returns the string that was signed.
func Sign(ps Params, c Credentials, opt SignOptions) (Params, string, error) {
	if opt.Method == "" {
		opt.Method = HmacSHA256
	}
	if SignatureLength(opt.Method) == 0 {
		return nil, "", fmt.Errorf("invalid signature method %q; use %s or %s", opt.Method, HmacSHA256, HmacSHA1)
	}
	if c.AccessKeyID == "" || c.SecretAccessKey == "" {
		return nil, "", fmt.Errorf("no credentials to sign with")
	}
	out := append(Params(nil), ps...)
	out.Set("AWSAccessKeyId", c.AccessKeyID)
	out.Set("SignatureVersion", "2")
	out.Set("SignatureMethod", opt.Method)
	when, other := "Timestamp", "Expires"
	if opt.Expires {
		when, other = other, when
	}
	out.Del(other) // a request carries one of them
	out.Set(when, opt.Time.UTC().Format(TimestampLayout))
	if c.SessionToken != "" {
		out.Set("SecurityToken", c.SessionToken)
	} else {
		out.Del("SecurityToken")
	}
	if _, ok := out.Get("Version"); !ok {
		out.Set("Version", APIVersion)
	}
	host := opt.Host
	if host == "" {
		host = Host
	}
	toSign := StringToSign(out, host)
	out.Set("Signature", signV2(opt.Method, c.SecretAccessKey, toSign))
	return out, toSign, nil
}

// signV2 returns the Base64 Version 2 signature of toSign made with
// method, HmacSHA256 or HmacSHA1.
func signV2(method, secret, toSign string) string {
	h := sha256.New
	if method == HmacSHA1 {
		h = sha1.New
	}
	mac := hmac.New(h, []byte(secret))
	mac.Write([]byte(toSign))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// StringToSign returns the canonical string Signature Version 2 signs:
// POST, the lower-case host, the path "/" and the query string of every
// parameter but Signature, sorted by name in byte order, joined by
// newlines.
func StringToSign(ps Params, host string) string {
	var query Params
	for _, p := range ps.Sorted() {
		if p.Name != "Signature" {
			query = append(query, p)
		}
	}
	return "POST\n" + strings.ToLower(host) + "\n/\n" + query.Encode()
}
