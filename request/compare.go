package request

import (
	"fmt"
	"strings"
)

// Compare returns where what the sender signed differs from what the
// request's signature should sign, one sentence for each difference, or
// nil when they agree. signed is the sender's canonical request for
// Version 4 (botocore logs it at debug level; ie encode
// -show-string-to-sign prints it before a blank line and the string to
// sign, which may follow), its string to sign for Version 2.
func (v *Verification) Compare(signed string) []string {
	signed = strings.ReplaceAll(signed, "\r\n", "\n")
	if v.Version == 2 {
		// botocore logs "String to sign: " before it.
		signed = strings.TrimPrefix(signed, "String to sign: ")
		return compareV2(v.StringToSign, strings.TrimRight(signed, "\n"))
	}
	// botocore logs "CanonicalRequest:" on the line before it, and
	// "StringToSign:" before the string to sign.
	signed = strings.TrimPrefix(signed, "CanonicalRequest:\n")
	for _, end := range []string{"\n\n" + AlgorithmV4 + "\n", "\nStringToSign:"} {
		if i := strings.Index(signed, end); i >= 0 {
			signed = signed[:i]
		}
	}
	return compareV4(v.CanonicalRequest, strings.TrimRight(signed, "\n"))
}

// canonical is a Version 4 canonical request taken apart.
type canonical struct {
	method, path, query string
	headers             []Header // lower-case names
	signed, hash        string
}

// parseCanonical takes a canonical request apart: three lines, the
// headers up to a blank line, the signed headers and the body's hash.
func parseCanonical(s string) canonical {
	lines := strings.Split(s, "\n")
	line := func(i int) string {
		if i < len(lines) {
			return lines[i]
		}
		return ""
	}
	c := canonical{method: line(0), path: line(1), query: line(2)}
	i := 3
	for ; i < len(lines) && lines[i] != ""; i++ {
		name, value, _ := strings.Cut(lines[i], ":")
		c.headers = append(c.headers, Header{name, value})
	}
	c.signed, c.hash = line(i+1), line(i+2)
	return c
}

// compareV4 compares two canonical requests part by part.
func compareV4(want, got string) []string {
	w, g := parseCanonical(want), parseCanonical(got)
	var out []string
	differ := func(what, inRequest, signed, why string) {
		if inRequest != signed {
			out = append(out, fmt.Sprintf("%s: %q in the request, %q signed%s", what, inRequest, signed, why))
		}
	}
	differ("method", w.method, g.method, "")
	differ("path", w.path, g.path, "")
	differ("query", w.query, g.query, "")
	differ("signed headers", w.signed, g.signed, "")
	for _, h := range w.headers {
		found := false
		for _, s := range g.headers {
			if s.Name == h.Name {
				differ("header "+h.Name, h.Value, s.Value, "")
				found = true
			}
		}
		if !found {
			out = append(out, fmt.Sprintf("header %s: %q in the request, not signed", h.Name, h.Value))
		}
	}
	differ("body hash", w.hash, g.hash, ": the body is not the one signed")
	return out
}

// compareV2 compares two Version 2 strings to sign line by line, and
// their query strings parameter by parameter.
func compareV2(want, got string) []string {
	w, g := strings.SplitN(want, "\n", 4), strings.SplitN(got, "\n", 4)
	for len(g) < 4 {
		g = append(g, "")
	}
	var out []string
	for i, what := range []string{"method", "host", "path"} {
		if w[i] != g[i] {
			out = append(out, fmt.Sprintf("%s: %q in the request, %q signed", what, w[i], g[i]))
		}
	}
	wq, gq := pairs(w[3]), pairs(g[3])
	for _, p := range wq {
		if s, ok := gq.Get(p.Name); !ok {
			out = append(out, fmt.Sprintf("parameter %s: %q in the request, not signed", p.Name, p.Value))
		} else if s != p.Value {
			out = append(out, fmt.Sprintf("parameter %s: %q in the request, %q signed", p.Name, p.Value, s))
		}
	}
	for _, p := range gq {
		if _, ok := wq.Get(p.Name); !ok {
			out = append(out, fmt.Sprintf("parameter %s: signed as %q, not in the request", p.Name, p.Value))
		}
	}
	return out
}

// pairs splits an encoded query string into its name=value pairs, left
// encoded.
func pairs(query string) Params {
	var ps Params
	for _, kv := range strings.Split(query, "&") {
		if kv != "" {
			name, value, _ := strings.Cut(kv, "=")
			ps = append(ps, Param{name, value})
		}
	}
	return ps
}
