package request

import (
	"encoding/base64"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/iekit/iekit/parser"
)

// Decoded is a captured request taken apart.
type Decoded struct {
	Params      Params
	Diagnostics parser.Diagnostics // the request's defects, at their places in the input
	HTTP        bool               // the input was a whole HTTP request, headers first

	// Method and Target are those of the request line, and Header the
	// headers in order, for a whole HTTP request.
	Method, Target string
	Header         []Header
	// Body is the body as received: the whole input when it is a bare
	// body.
	Body []byte
	// Version is the signature's: 4 when the request has an Authorization
	// header, or X-Amz-Date and no Signature parameter; 2 when it has a
	// parameter of a Version 2 signature; 0 when it is not signed.
	Version int

	auth    *authV4       // the Authorization header of a Version 4 request, when well formed
	sig     *field        // the Signature parameter of a Version 2 request
	sigSpan [2]parser.Pos // where the signature lies
}

// The rules of the decoder's findings.
const (
	RuleBadEscape        = "bad-escape"        // "%" not followed by two hex digits
	RuleControlEscape    = "control-escape"    // an escape decoding to a control character
	RuleInvalidUTF8      = "invalid-utf8"      // a value that does not decode to UTF-8
	RuleMissingAmpersand = "missing-ampersand" // a parameter glued to the value before it
	RuleDuplicate        = "duplicate-parameter"
	RuleUnknown          = "unknown-parameter"
	RuleMissing          = "missing-parameter"
	RuleSignatureMethod  = "signature-method"
	RuleSignatureLength  = "signature-length"
	RuleTimestamp        = "timestamp"
	RuleContentLength    = "content-length"
	RuleHost             = "host"
	RuleFormEncoding     = "form-encoding"      // a body that is not name=value pairs
	RuleAuthorization    = "authorization"      // a malformed Version 4 Authorization header
	RuleAmzDate          = "amz-date"           // X-Amz-Date missing, malformed, or not the credential's date
	RuleSignatureMatch   = "signature-mismatch" // a signature that the credentials do not give
	RuleParamValue       = "parameter-value"    // a value the API model does not allow
)

// v2Params are the parameters of a Version 2 signature.
var v2Params = []string{"AWSAccessKeyId", "SignatureVersion", "SignatureMethod", "Timestamp", "Expires", "Signature"}

// field is a parameter as found in the input.
type field struct {
	name, raw  string
	start, end int // the whole name=value, offsets in the input
	valueAt    int // where raw starts
	value      string
}

type decoder struct {
	src   string
	lines []int // line start offsets
	hdrs  []headerField
	out   *Decoded
}

// Decode takes apart a form-encoded request body, or a whole HTTP request
// (request line, headers, blank line, body), and reports every defect of
// spec §4 at its byte position in the input: at most
// parser.DefaultMaxFindings of a rule, then how many more there are.
func Decode(input []byte) *Decoded {
	d := &decoder{src: string(input), out: &Decoded{}}
	d.lines = []int{0}
	for i := 0; i < len(d.src); i++ {
		if d.src[i] == '\n' {
			d.lines = append(d.lines, i+1)
		}
	}
	bodyAt := d.headers()
	d.out.Body = input[bodyAt:]
	form := d.formEncoded(bodyAt)
	var fields []field
	if form {
		fields = d.fields(bodyAt)
		for _, f := range fields {
			d.out.Params = append(d.out.Params, Param{f.name, f.value})
		}
	}
	// X-Amz-Date alone makes a Version 4 request, one that lacks its
	// Authorization header, unless the body has a Version 2 signature.
	_, v2 := d.out.Params.Get("Signature")
	d.out.Version = 2
	if d.header("Authorization") != nil || d.header("X-Amz-Date") != nil && !v2 {
		d.out.Version = 4
		d.checkV4()
	}
	if form {
		// Missing parameters are reported at the end of the body (before a
		// final newline the file may add).
		d.check(fields, len(strings.TrimRight(d.src, "\r\n")))
	}
	switch {
	case d.out.auth != nil:
		d.out.sigSpan = [2]parser.Pos{d.pos(d.out.auth.sigAt), d.pos(d.out.auth.sigEnd)}
	case d.out.sig != nil:
		d.out.sigSpan = [2]parser.Pos{d.pos(d.out.sig.valueAt), d.pos(d.out.sig.end)}
	}
	d.out.Diagnostics.Sort()
	d.out.Diagnostics = d.out.Diagnostics.Capped(parser.DefaultMaxFindings)
	return d.out
}

// formEncoded reports whether the body starting at offset at can be a
// form body, reporting it when it is JSON, XML or text without a single
// name=value pair, or when the Content-Type says another type.
func (d *decoder) formEncoded(at int) bool {
	body := strings.TrimRight(d.src[at:], "\r\n")
	ct := d.header("Content-Type")
	what := ""
	switch {
	case body == "":
	case body[0] == '{' || body[0] == '[':
		what = "it looks like JSON"
	case body[0] == '<':
		what = "it looks like XML"
	case !strings.Contains(body, "="):
		what = "it has no name=value pair"
	}
	if what != "" {
		if ct != nil {
			what += fmt.Sprintf(" (Content-Type %q)", ct.Value)
		}
		first := strings.IndexAny(body, "\r\n")
		if first < 0 {
			first = len(body)
		}
		d.report(RuleFormEncoding, at, at+first, "the body is not form-encoded: %s; send the parameters as name=value pairs joined by \"&\", with Content-Type %s", what, ContentType)
		return false
	}
	if ct != nil {
		media, _, _ := strings.Cut(ct.Value, ";")
		if !strings.EqualFold(strings.TrimSpace(media), "application/x-www-form-urlencoded") {
			d.report(RuleFormEncoding, ct.valueAt, ct.end, "Content-Type %q is not a form body's: send %s", ct.Value, ContentType)
		}
	}
	return true
}

// pos converts an offset of the input into a position.
func (d *decoder) pos(offset int) parser.Pos {
	n := sort.Search(len(d.lines), func(i int) bool { return d.lines[i] > offset })
	return parser.Pos{Offset: offset, Line: n, Col: offset - d.lines[n-1] + 1}
}

func (d *decoder) report(rule string, start, end int, format string, args ...any) *parser.Diagnostic {
	d.out.Diagnostics = append(d.out.Diagnostics, parser.Diagnostic{
		Start: d.pos(start), End: d.pos(end), Severity: parser.SeverityError, Rule: rule,
		Message: fmt.Sprintf(format, args...),
	})
	return &d.out.Diagnostics[len(d.out.Diagnostics)-1]
}

// fields splits the body at "&" and "=", and at parameter names glued to
// the value before them, decoding every name and value.
func (d *decoder) fields(at int) []field {
	var out []field
	body := d.src[at:]
	body = strings.TrimRight(body, "\r\n")
	amp := -1 // the next "&", or the end of the body: a segment cut at a glued name goes on to it
	for start := 0; start < len(body); {
		if amp < start {
			if amp = strings.IndexByte(body[start:], '&'); amp < 0 {
				amp = len(body)
			} else {
				amp += start
			}
		}
		end := amp
		seg := body[start:end]
		if seg == "" {
			start = end + 1
			continue
		}
		f := field{start: at + start, end: at + end}
		eq := strings.IndexByte(seg, '=')
		if eq < 0 {
			f.name, f.valueAt = seg, at+end
		} else {
			f.name, f.raw, f.valueAt = seg[:eq], seg[eq+1:], at+start+eq+1
		}
		// A known name and "=" inside the value: the "&" before it is missing.
		if k, name := gluedName(f.raw); k >= 0 {
			glued := f.valueAt + k
			d.report(RuleMissingAmpersand, glued, glued+len(name), "missing \"&\" before %s: it is read as part of the value of %s", name, f.name)
			f.raw = f.raw[:k]
			f.end = glued
			end = glued - at - 1 // the next segment starts at the glued name
		}
		f.name = d.unescape(f.name, f.start)
		f.value = d.unescape(f.raw, f.valueAt)
		out = append(out, f)
		start = end + 1
	}
	return out
}

// gluedName finds, in a raw value, a known parameter name followed by "="
// (which a value would carry as %3D): the longest one at the first "=".
func gluedName(raw string) (int, string) {
	for eq := strings.IndexByte(raw, '='); eq >= 0; {
		best := ""
		for _, name := range knownNames() {
			if len(name) > len(best) && strings.HasSuffix(raw[:eq], name) {
				best = name
			}
		}
		if best != "" {
			return eq - len(best), best
		}
		next := strings.IndexByte(raw[eq+1:], '=')
		if next < 0 {
			break
		}
		eq += next + 1
	}
	return -1, ""
}

// unescape decodes a raw name or value that starts at offset at,
// reporting bad escapes, escapes of control characters, and text that is
// not UTF-8. A "+" is a space, as in any form body.
func (d *decoder) unescape(raw string, at int) string {
	if !strings.ContainsAny(raw, "%+") {
		if !utf8.ValidString(raw) {
			d.report(RuleInvalidUTF8, at, at+len(raw), "the text is not UTF-8")
		}
		return raw
	}
	b := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; {
		case c == '%' && i+2 < len(raw)+0 && isHex(raw[i+1]) && isHex(raw[i+2]):
			v := unhex(raw[i+1])<<4 | unhex(raw[i+2])
			if control(v) {
				d.report(RuleControlEscape, at+i, at+i+3, "%s decodes to the control character U+%04X", raw[i:i+3], v)
			}
			b = append(b, v)
			i += 2
		case c == '%':
			bad := raw[i:min(len(raw), i+3)]
			d.report(RuleBadEscape, at+i, at+i+len(bad), "%q is not an escape: \"%%\" must be followed by two hex digits (a \"%%\" itself is %%25)", bad)
			b = append(b, c)
		case c == '+':
			b = append(b, ' ')
		default:
			b = append(b, c)
		}
	}
	if !utf8.Valid(b) {
		d.report(RuleInvalidUTF8, at, at+len(raw), "the escapes decode to text that is not UTF-8")
	}
	return string(b)
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// check reports what is wrong with the parameters as a whole.
func (d *decoder) check(fields []field, end int) {
	first := map[string]field{}
	present := map[string]bool{} // by parameter: jobIds for jobIds.member.1
	for _, f := range fields {
		present[member(f.name)] = true
		if prev, dup := first[f.name]; dup {
			r := d.report(RuleDuplicate, f.start, f.end, "duplicate parameter %s", f.name)
			r.Related = []parser.Related{{Start: d.pos(prev.start), End: d.pos(prev.end), Message: "first here"}}
			continue
		}
		first[f.name] = f
		d.checkValue(f)
		if isList(f.name) {
			d.report(RuleUnknown, f.start, f.end, "%s is a list: send its items as %s.member.1, %s.member.2, ...", f.name, f.name, f.name)
			continue
		}
		if !known(f.name) {
			hint := ""
			for _, k := range knownNames() {
				if strings.EqualFold(k, f.name) {
					hint = fmt.Sprintf("; names are case-sensitive: did you mean %s?", k)
				}
			}
			d.report(RuleUnknown, f.start, f.end, "unknown parameter %q%s", f.name, hint)
		}
	}
	missing := func(name, why string) {
		d.report(RuleMissing, end, end, "missing parameter %s%s", name, why)
	}
	required := []string{"Action", "Version"}
	if d.out.Version == 2 && !slices.ContainsFunc(v2Params, func(p string) bool { _, ok := first[p]; return ok }) {
		// One finding, not one for each parameter of a signature the
		// request does not have.
		d.out.Version = 0
		d.report(RuleMissing, end, end, "the request is not signed: it has no Authorization header (Signature Version 4, in a whole HTTP request) and none of %s (Version 2)", strings.Join(v2Params, ", "))
	}
	if d.out.Version == 2 {
		required = append(required, "AWSAccessKeyId", "SignatureVersion", "SignatureMethod", "Signature")
	}
	if a, ok := first["Action"]; ok {
		if action := LookupAction(a.value); action == nil {
			d.report(RuleUnknown, a.valueAt, a.end, "unknown action %q", a.value)
		} else {
			for _, p := range action.Required {
				if !present[p] {
					missing(p, " for "+action.Name)
				}
			}
			d.checkTakes(action, fields)
		}
	}
	for _, p := range required {
		if _, ok := first[p]; !ok {
			missing(p, "")
		}
	}
	if v, ok := first["SignatureVersion"]; ok && v.value != "2" {
		d.report(RuleSignatureMethod, v.valueAt, v.end, "SignatureVersion must be 2, not %q", v.value)
	}
	method, methodOK := first["SignatureMethod"]
	if methodOK && SignatureLength(method.value) == 0 {
		hint := ""
		if SignatureLength(HmacSHA256) == len(method.value) || SignatureLength(HmacSHA1) == len(method.value) {
			hint = "; its value looks like a signature, which goes in Signature"
		}
		d.report(RuleSignatureMethod, method.valueAt, method.end, "SignatureMethod must be %s or %s%s", HmacSHA256, HmacSHA1, hint)
	}
	if sig, ok := first["Signature"]; ok {
		d.out.sig = &sig
		if _, err := base64.StdEncoding.DecodeString(sig.value); err != nil {
			d.report(RuleSignatureLength, sig.valueAt, sig.end, "Signature is not Base64")
		} else if want := SignatureLength(method.value); methodOK && want > 0 && len(sig.value) != want {
			d.report(RuleSignatureLength, sig.valueAt, sig.end, "an %s signature is %d Base64 characters, not %d", method.value, want, len(sig.value))
		}
	}
	ts, hasTS := first["Timestamp"]
	ex, hasEx := first["Expires"]
	switch {
	case hasTS && hasEx:
		d.report(RuleTimestamp, ex.start, ex.end, "both Timestamp and Expires: send one of them")
	case !hasTS && !hasEx && d.out.Version == 2:
		missing("Timestamp", " (or Expires)")
	}
	for _, f := range []field{ts, ex} {
		if f.name == "" {
			continue
		}
		t, err := time.Parse(time.RFC3339Nano, f.value)
		if err != nil || t.Location() != time.UTC {
			d.report(RuleTimestamp, f.valueAt, f.end, "%s %q is not an ISO 8601 time in UTC, such as 2011-06-20T18:49:14.981Z", f.name, f.value)
		}
	}
}

// checkValue reports a value that the model does not allow its parameter.
func (d *decoder) checkValue(f field) {
	if why := invalid(f.name, f.value); why != "" {
		d.report(RuleParamValue, f.valueAt, f.end, "%s", why)
	}
}

// checkTakes reports the parameters that some action takes but not this
// one, such as JobId in ListJobs.
func (d *decoder) checkTakes(action *Action, fields []field) {
	for _, f := range fields {
		name := member(f.name)
		if !known(name) || isList(f.name) || slices.Contains(Common, name) ||
			slices.Contains(action.Required, name) || slices.Contains(action.Optional, name) {
			continue
		}
		d.report(RuleUnknown, f.start, f.end, "%s takes no parameter %s; it takes %s", action.Name, f.name, strings.Join(slices.Concat(action.Required, action.Optional), ", "))
	}
}

// knownNames lists every parameter name some action takes.
var knownNames = sync.OnceValue(func() []string {
	names := append([]string(nil), Common...)
	for _, a := range Actions {
		names = append(names, a.Required...)
		names = append(names, a.Optional...)
	}
	return names
})
