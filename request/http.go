package request

import (
	"bufio"
	"net/textproto"
	"strconv"
	"strings"
)

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
	headerStart := firstEnd + 1
	bodyAt := len(src)
	blockEnd := len(src)
	// The headers end at the first empty line; src[firstEnd] is the request
	// line's "\n", so an empty line right after it is found too.
	for _, sep := range []string{"\n\r\n", "\n\n"} {
		if i := strings.Index(src[firstEnd:], sep); i >= 0 && firstEnd+i < blockEnd {
			blockEnd, bodyAt = firstEnd+i+1, firstEnd+i+len(sep)
		}
	}
	block := src[headerStart:max(headerStart, blockEnd)]
	h, _ := textproto.NewReader(bufio.NewReader(strings.NewReader(block + "\r\n\r\n"))).ReadMIMEHeader()

	if host := h.Get("Host"); strings.Contains(host, "://") {
		at, end := d.headerValue(headerStart, block, "Host")
		d.report(RuleHost, at, end, "the Host header %q has a scheme: send the host name alone, such as %s", host, Host)
	}
	if cl := h.Get("Content-Length"); cl != "" {
		// A file that holds a captured request often gains a final newline
		// that was never part of the body: either length is accepted, and
		// the one without it is reported.
		body := src[bodyAt:]
		trimmed := strings.TrimSuffix(strings.TrimSuffix(body, "\n"), "\r")
		n, err := strconv.Atoi(cl)
		at, end := d.headerValue(headerStart, block, "Content-Length")
		switch {
		case err != nil || n < 0:
			d.report(RuleContentLength, at, end, "Content-Length %q is not a number of bytes", cl)
		case n != len(body) && n != len(trimmed):
			d.report(RuleContentLength, at, end, "Content-Length says %d bytes, but the body has %d", n, len(trimmed))
		}
	}
	return bodyAt
}

// headerValue returns where the value of the first header named name lies
// in the input, for a header block starting at offset start.
func (d *decoder) headerValue(start int, block, name string) (int, int) {
	for off := 0; off < len(block); {
		end := strings.IndexByte(block[off:], '\n')
		if end < 0 {
			end = len(block) - off
		}
		line := strings.TrimSuffix(block[off:off+end], "\r")
		if colon := strings.IndexByte(line, ':'); colon > 0 && strings.EqualFold(strings.TrimSpace(line[:colon]), name) {
			v := colon + 1
			for v < len(line) && (line[v] == ' ' || line[v] == '\t') {
				v++
			}
			return start + off + v, start + off + len(line)
		}
		off += end + 1
	}
	return start, start
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
