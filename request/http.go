package request

import (
	"strconv"
	"strings"
)

// headerField is a header as found in the input.
type headerField struct {
	Header
	nameAt, valueAt, end int // offsets in the input
}

// header returns the first header named name (in any case), or nil.
func (d *decoder) header(name string) *headerField {
	for i := range d.hdrs {
		if strings.EqualFold(d.hdrs[i].Name, name) {
			return &d.hdrs[i]
		}
	}
	return nil
}

// headers reads the request line and the headers when the input is a
// whole HTTP request, reports a Host header with a scheme and a
// Content-Length that differs from the body, and returns where the body
// starts: 0 for an input that is a bare body.
func (d *decoder) headers() int {
	src := d.src
	firstEnd := strings.IndexByte(src, '\n')
	if firstEnd < 0 || !isRequestLine(strings.TrimSuffix(src[:firstEnd], "\r")) {
		return 0
	}
	d.out.HTTP = true
	if f := strings.Fields(src[:firstEnd]); len(f) == 3 {
		d.out.Method, d.out.Target = f[0], f[1]
	}
	bodyAt := len(src)
	// The headers end at the first empty line.
	for off := firstEnd + 1; off < len(src); {
		end := strings.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off
		}
		line := strings.TrimSuffix(src[off:end], "\r")
		if line == "" {
			bodyAt = min(end+1, len(src))
			break
		}
		if colon := strings.IndexByte(line, ':'); colon > 0 {
			v := colon + 1
			for v < len(line) && (line[v] == ' ' || line[v] == '\t') {
				v++
			}
			value := strings.TrimRight(line[v:], " \t")
			d.hdrs = append(d.hdrs, headerField{
				Header: Header{strings.TrimSpace(line[:colon]), value},
				nameAt: off, valueAt: off + v, end: off + v + len(value),
			})
		}
		off = end + 1
	}
	for _, h := range d.hdrs {
		d.out.Header = append(d.out.Header, h.Header)
	}

	if h := d.header("Host"); h != nil && strings.Contains(h.Value, "://") {
		d.report(RuleHost, h.valueAt, h.end, "the Host header %q has a scheme: send the host name alone, such as %s", h.Value, Host)
	}
	if h := d.header("Content-Length"); h != nil {
		// A file that holds a captured request often gains a final newline
		// that was never part of the body: either length is accepted, and
		// the one without it is reported.
		body := src[bodyAt:]
		trimmed := strings.TrimSuffix(strings.TrimSuffix(body, "\n"), "\r")
		n, err := strconv.Atoi(h.Value)
		switch {
		case err != nil || n < 0:
			d.report(RuleContentLength, h.valueAt, h.end, "Content-Length %q is not a number of bytes", h.Value)
		case n != len(body) && n != len(trimmed):
			d.report(RuleContentLength, h.valueAt, h.end, "Content-Length says %d bytes, but the body has %d", n, len(trimmed))
		}
	}
	return bodyAt
}

// isRequestLine reports whether line is an HTTP request line, such as
// "POST / HTTP/1.1".
func isRequestLine(line string) bool {
	f := strings.Fields(line)
	if len(f) != 3 || !strings.HasPrefix(f[2], "HTTP/") {
		return false
	}
	for _, c := range f[0] {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}
