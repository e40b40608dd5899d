package request

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"slices"
	"strings"
)

// What Signature Version 4 needs to know of the service: AWS's SDKs sign
// Import/Export requests for the service IngestionService in us-east-1,
// whatever the endpoint.
const (
	AlgorithmV4   = "AWS4-HMAC-SHA256"
	SigningName   = "IngestionService"
	SigningRegion = "us-east-1"
	// AmzDateLayout is how X-Amz-Date is written: basic ISO 8601 in UTC.
	AmzDateLayout = "20060102T150405Z"
)

// V4 is a Signature Version 4 signature: the headers that carry it and
// what was signed.
type V4 struct {
	// Header holds X-Amz-Date, X-Amz-Security-Token with temporary
	// credentials, and Authorization: what the request sends besides
	// Host, Content-Type and Content-Length.
	Header           []Header
	CanonicalRequest string
	StringToSign     string
}

// SignV4 signs, with Signature Version 4, a POST to "/" of body, the
// encoded parameters, at opt.Time, as AWS's SDKs do: Content-Type, Host
// (opt.Host, or Host when empty), X-Amz-Date and X-Amz-Security-Token
// are signed. opt.Method and opt.Expires are for Version 2 only.
func SignV4(body string, c Credentials, opt SignOptions) (*V4, error) {
	if c.AccessKeyID == "" || c.SecretAccessKey == "" {
		return nil, errors.New("no credentials to sign with")
	}
	host := opt.Host
	if host == "" {
		host = Host
	}
	date := opt.Time.UTC().Format(AmzDateLayout)
	m := message{
		Method: "POST", Target: "/", Body: []byte(body),
		Header: []Header{{"Content-Type", ContentType}, {"Host", host}, {"X-Amz-Date", date}},
	}
	signed := []string{"content-type", "host", "x-amz-date"}
	if c.SessionToken != "" {
		m.Header = append(m.Header, Header{"X-Amz-Security-Token", c.SessionToken})
		signed = append(signed, "x-amz-security-token")
	}
	scope := Scope{Date: date[:8], Region: SigningRegion, Service: SigningName}
	v := &V4{CanonicalRequest: m.canonicalRequest(signed)}
	v.StringToSign = scope.stringToSign(date, v.CanonicalRequest)
	sig := scope.sign(c.SecretAccessKey, v.StringToSign)
	auth := AlgorithmV4 + " Credential=" + c.AccessKeyID + "/" + scope.String() +
		", SignedHeaders=" + strings.Join(signed, ";") + ", Signature=" + sig
	v.Header = append(slices.Clone(m.Header[2:]), Header{"Authorization", auth})
	return v, nil
}

// Scope is the credential scope of a Version 4 signature, without the
// access key ID in front: DATE/REGION/SERVICE/aws4_request.
type Scope struct {
	Date, Region, Service string // Date as 20060102
}

// String returns the scope as the Credential of an Authorization header
// writes it after the access key ID.
func (s Scope) String() string {
	return s.Date + "/" + s.Region + "/" + s.Service + "/aws4_request"
}

// stringToSign returns the string a Version 4 signature signs for a
// canonical request sent at amzDate.
func (s Scope) stringToSign(amzDate, canonicalRequest string) string {
	sum := sha256.Sum256([]byte(canonicalRequest))
	return AlgorithmV4 + "\n" + amzDate + "\n" + s.String() + "\n" + hex.EncodeToString(sum[:])
}

// sign returns the signature of stringToSign, in lower-case hex, with the
// key derived from secret for the scope.
func (s Scope) sign(secret, stringToSign string) string {
	key := []byte("AWS4" + secret)
	for _, part := range []string{s.Date, s.Region, s.Service, "aws4_request"} {
		key = hmacSHA256(key, part)
	}
	return hex.EncodeToString(hmacSHA256(key, stringToSign))
}

func hmacSHA256(key []byte, data string) []byte {
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(data))
	return mac.Sum(nil)
}

// message is an HTTP request as Version 4 sees it.
type message struct {
	Method string
	Target string // the path and query of the request line, or its absolute URL
	Header []Header
	Body   []byte
}

// canonicalRequest returns the canonical request of m with the headers
// named signed (lower case, sorted): the method, the path URI-encoded, the
// query sorted, each signed header as name:value with its values trimmed
// and joined by commas, the signed header names, and the SHA-256 of the
// body, one per line.
func (m message) canonicalRequest(signed []string) string {
	target := m.Target
	if _, rest, ok := strings.Cut(target, "://"); ok {
		// The absolute form a request to a proxy takes: the path starts
		// after the host.
		target = "/"
		if i := strings.IndexByte(rest, '/'); i >= 0 {
			target = rest[i:]
		}
	}
	path, query, _ := strings.Cut(target, "?")
	var b strings.Builder
	b.WriteString(strings.ToUpper(m.Method) + "\n" + canonicalPath(path) + "\n" + canonicalQuery(query) + "\n")
	for _, name := range signed {
		var values []string
		for _, h := range m.Header {
			if strings.EqualFold(h.Name, name) {
				values = append(values, strings.Join(strings.Fields(h.Value), " "))
			}
		}
		b.WriteString(name + ":" + strings.Join(values, ",") + "\n")
	}
	sum := sha256.Sum256(m.Body)
	b.WriteString("\n" + strings.Join(signed, ";") + "\n" + hex.EncodeToString(sum[:]))
	return b.String()
}

// canonicalPath returns a path URI-encoded, "/" kept: "/" when empty.
func canonicalPath(path string) string {
	if path == "" {
		return "/"
	}
	parts := strings.Split(path, "/")
	for i, p := range parts {
		parts[i] = Escape(p)
	}
	return strings.Join(parts, "/")
}

// canonicalQuery returns the name=value pairs of a raw query, sorted by
// name and then value, as they are written.
func canonicalQuery(query string) string {
	if query == "" {
		return ""
	}
	pairs := strings.Split(query, "&")
	for i, p := range pairs {
		if !strings.Contains(p, "=") {
			pairs[i] = p + "="
		}
	}
	slices.SortFunc(pairs, func(a, b string) int {
		an, av, _ := strings.Cut(a, "=")
		bn, bv, _ := strings.Cut(b, "=")
		if c := strings.Compare(an, bn); c != 0 {
			return c
		}
		return strings.Compare(av, bv)
	})
	return strings.Join(pairs, "&")
}
