package request

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// ContentType is the media type of every request body.
const ContentType = "application/x-www-form-urlencoded; charset=utf-8"

// Header is one HTTP header of a request.
type Header struct {
	Name, Value string
}

// HTTPRequest is a request as it goes over HTTP: a POST of the encoded
// parameters to the root of Host.
type HTTPRequest struct {
	Host    string // Host when empty
	Params  Params
	Headers []Header // sent after Host, Content-Type and Content-Length, in order, such as a signature's
}

// Write writes the whole HTTP/1.1 request: the request line, the headers
// with CRLF line endings, a blank line and the body.
func (r *HTTPRequest) Write(w io.Writer) error {
	if err := r.check(); err != nil {
		return err
	}
	body := r.Params.Encode()
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "POST / HTTP/1.1\r\nHost: %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n", r.host(), ContentType, len(body))
	for _, h := range r.Headers {
		fmt.Fprintf(bw, "%s: %s\r\n", h.Name, h.Value)
	}
	bw.WriteString("\r\n" + body)
	return bw.Flush()
}

// WriteCurl writes a curl command line that sends the request, every
// argument quoted for a POSIX shell. curl adds Host and Content-Length
// itself.
func (r *HTTPRequest) WriteCurl(w io.Writer) error {
	if err := r.check(); err != nil {
		return err
	}
	args := []string{"curl", "-sS", "-X", "POST", shellQuote("https://" + r.host() + "/"), "-H", shellQuote("Content-Type: " + ContentType)}
	for _, h := range r.Headers {
		args = append(args, "-H", shellQuote(h.Name+": "+h.Value))
	}
	args = append(args, "--data-binary", shellQuote(r.Params.Encode()))
	_, err := io.WriteString(w, strings.Join(args, " ")+"\n")
	return err
}

func (r *HTTPRequest) host() string {
	if r.Host == "" {
		return Host
	}
	return r.Host
}

// check refuses a header that would break the request apart: a name that
// is not an HTTP token, or a line break in a value.
func (r *HTTPRequest) check() error {
	for _, h := range append([]Header{{"Host", r.host()}}, r.Headers...) {
		if h.Name == "" || strings.ContainsFunc(h.Name, func(c rune) bool { return c <= ' ' || c >= 0x7f || strings.ContainsRune(`"(),/:;<=>?@[\]{}`, c) }) {
			return fmt.Errorf("invalid header name %q", h.Name)
		}
		if strings.ContainsAny(h.Value, "\r\n\x00") {
			return fmt.Errorf("invalid value of header %s: it holds a line break or a NUL", h.Name)
		}
	}
	return nil
}

// shellQuote quotes s for a POSIX shell: in single quotes, each "'"
// closed, escaped with a backslash and opened again.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// WriteJSON writes the parameters as one JSON object, in order, each value
// passed through redact (nil for none).
func (ps Params) WriteJSON(w io.Writer, redact func(string) string) error {
	var b strings.Builder
	b.WriteString("{\n")
	for i, p := range ps {
		fmt.Fprintf(&b, "  %s: %s", jsonString(p.Name), jsonString(apply(redact, p.Value)))
		if i < len(ps)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteExplain writes each parameter decoded beside its encoding, and the
// manifest line by line beside the encoding of each line, every value
// passed through redact (nil for none).
func (ps Params) WriteExplain(w io.Writer, redact func(string) string) error {
	bw := bufio.NewWriter(w)
	for _, p := range ps {
		value := apply(redact, p.Value)
		if p.Name != "Manifest" {
			fmt.Fprintf(bw, "%s = %s\n    %s=%s\n", p.Name, value, Escape(p.Name), Escape(value))
			continue
		}
		fmt.Fprintf(bw, "%s =\n", p.Name)
		lines := strings.SplitAfter(value, "\n")
		width := 0
		for _, l := range lines {
			width = max(width, len(strings.TrimSuffix(l, "\n")))
		}
		for _, l := range lines {
			if l != "" {
				fmt.Fprintf(bw, "    %-*s  %s\n", width, strings.TrimSuffix(l, "\n"), Escape(l))
			}
		}
	}
	return bw.Flush()
}

func apply(redact func(string) string, s string) string {
	if redact == nil {
		return s
	}
	return redact(s)
}

// jsonString returns s as a JSON string.
func jsonString(s string) string {
	b, _ := json.Marshal(s) // a string always encodes
	return string(b)
}
