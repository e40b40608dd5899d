package request

import (
	"slices"
	"strings"
	"time"
)

// authV4 is a well-formed Version 4 Authorization header.
type authV4 struct {
	AccessKeyID string
	Scope       Scope
	Signed      []string // the signed headers' names
	Signature   string
	dateAt      int // where the credential's date lies in the input
	sigAt       int // where the signature lies in the input
	sigEnd      int
}

// part is a piece of a header value and where it lies in the input.
type part struct {
	text       string
	start, end int
}

// split cuts p at every sep, giving each piece its place.
func (p part) split(sep string) []part {
	var out []part
	at := p.start
	for _, s := range strings.Split(p.text, sep) {
		out = append(out, part{s, at, at + len(s)})
		at += len(s) + len(sep)
	}
	return out
}

// trim removes the blanks around p.
func (p part) trim() part {
	left := len(p.text) - len(strings.TrimLeft(p.text, " \t"))
	t := strings.TrimSpace(p.text)
	return part{t, p.start + left, p.start + left + len(t)}
}

// checkV4 checks the Authorization and X-Amz-Date headers of a Version 4
// request. A malformed Authorization header gets one finding, at its first
// defect.
func (d *decoder) checkV4() {
	date := d.checkAmzDate()
	h := d.header("Authorization")
	if h == nil {
		x := d.header("X-Amz-Date")
		d.report(RuleAuthorization, x.nameAt, x.end, "X-Amz-Date without an Authorization header: a Version 4 request carries its signature in Authorization")
		return
	}
	for _, other := range d.hdrs {
		if strings.EqualFold(other.Name, "Authorization") && other.nameAt != h.nameAt {
			d.report(RuleAuthorization, other.nameAt, other.end, "a second Authorization header: send one")
			return
		}
	}
	a, ok := d.parseAuthorization(part{h.Value, h.valueAt, h.end})
	if !ok {
		return
	}
	if date != "" && a.Scope.Date != date[:8] {
		d.report(RuleAmzDate, a.dateAt, a.dateAt+len(a.Scope.Date), "the credential's date %s is not the date of X-Amz-Date %s", a.Scope.Date, date)
		return
	}
	d.out.auth = a
}

// checkAmzDate checks the X-Amz-Date header and returns its value when it
// is well formed.
func (d *decoder) checkAmzDate() string {
	x := d.header("X-Amz-Date")
	if x == nil {
		h := d.header("Authorization")
		d.report(RuleAmzDate, h.nameAt, h.nameAt+len(h.Name), "missing X-Amz-Date header: a Version 4 signature is dated by it, such as X-Amz-Date: 20261121T180000Z")
		return ""
	}
	if _, err := time.Parse(AmzDateLayout, x.Value); err != nil {
		d.report(RuleAmzDate, x.valueAt, x.end, "X-Amz-Date %q is not a time in UTC such as 20261121T180000Z", x.Value)
		return ""
	}
	return x.Value
}

// parseAuthorization takes an Authorization header apart, reporting its
// first defect.
func (d *decoder) parseAuthorization(v part) (*authV4, bool) {
	fail := func(p part, format string, args ...any) (*authV4, bool) {
		d.report(RuleAuthorization, p.start, p.end, format, args...)
		return nil, false
	}
	alg, rest, _ := strings.Cut(v.text, " ")
	algPart := part{alg, v.start, v.start + len(alg)}
	switch {
	case alg == "":
		return fail(v, "the Authorization header is empty: a Version 4 one starts with %s", AlgorithmV4)
	case alg != AlgorithmV4:
		return fail(algPart, "unknown signature algorithm %q: Import/Export requests are signed with %s", alg, AlgorithmV4)
	}
	comps := map[string]part{}
	rp := part{rest, algPart.end + 1, v.end}
	if rest != "" {
		list := rp.split(",")
		for i, c := range list {
			c = c.trim()
			if c.text == "" && i == len(list)-1 {
				break // the header ends after a comma: what is missing is reported below
			}
			name, value, ok := strings.Cut(c.text, "=")
			if !ok || name == "" {
				return fail(c, "%q in the Authorization header is not NAME=VALUE", c.text)
			}
			if name != "Credential" && name != "SignedHeaders" && name != "Signature" {
				return fail(part{name, c.start, c.start + len(name)}, "unknown Authorization component %q; the components are Credential, SignedHeaders and Signature", name)
			}
			if _, dup := comps[name]; dup {
				return fail(c, "%s twice in the Authorization header", name)
			}
			at := c.start + len(name) + 1
			comps[name] = part{value, at, at + len(value)}
		}
	}
	for _, name := range []string{"Credential", "SignedHeaders", "Signature"} {
		if _, ok := comps[name]; !ok {
			return fail(part{"", v.end, v.end}, "the Authorization header ends without %s: it has Credential, SignedHeaders and Signature", name)
		}
	}
	a := &authV4{}

	cred := comps["Credential"]
	f := cred.split("/")
	if len(f) != 5 || f[0].text == "" {
		return fail(cred, "Credential %q is not ACCESS-KEY-ID/DATE/REGION/SERVICE/aws4_request", cred.text)
	}
	a.AccessKeyID = f[0].text
	a.Scope = Scope{Date: f[1].text, Region: f[2].text, Service: f[3].text}
	a.dateAt = f[1].start
	if _, err := time.Parse("20060102", f[1].text); err != nil {
		return fail(f[1], "the credential's date %q is not a date such as 20261121", f[1].text)
	}
	if f[2].text != SigningRegion {
		return fail(f[2], "Import/Export requests are signed for the region %s, not %q", SigningRegion, f[2].text)
	}
	if f[3].text != SigningName {
		return fail(f[3], "Import/Export requests are signed for the service %s, not %q", SigningName, f[3].text)
	}
	if f[4].text != "aws4_request" {
		return fail(f[4], "the credential ends with aws4_request, not %q", f[4].text)
	}

	sh := comps["SignedHeaders"]
	for _, name := range sh.split(";") {
		switch {
		case name.text == "" || name.text != strings.ToLower(name.text):
			return fail(sh, "SignedHeaders %q is not a list of lower-case header names separated by \";\"", sh.text)
		case d.header(name.text) == nil:
			return fail(name, "signed header %q is not in the request", name.text)
		}
		a.Signed = append(a.Signed, name.text)
	}
	if !slices.IsSorted(a.Signed) {
		return fail(sh, "SignedHeaders lists the header names sorted: %s", strings.Join(slices.Sorted(slices.Values(a.Signed)), ";"))
	}
	if !slices.Contains(a.Signed, "host") {
		return fail(sh, "SignedHeaders must include host")
	}

	sig := comps["Signature"]
	if len(sig.text) != 64 || strings.Trim(sig.text, "0123456789abcdef") != "" {
		return fail(sig, "a Version 4 signature is 64 lower-case hex digits, not %q", sig.text)
	}
	a.Signature, a.sigAt, a.sigEnd = sig.text, sig.start, sig.end
	return a, true
}
