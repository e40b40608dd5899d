package request

import (
	"fmt"
	"io"
	"strings"
)

// HTTP returns the whole HTTP request that sends the parameters to host:
// the request line, the headers and the form body.
func (ps Params) HTTP(host string) string {
	body := ps.Encode()
	return fmt.Sprintf("POST / HTTP/1.1\r\nHost: %s\r\nContent-Type: application/x-www-form-urlencoded; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s",
		host, len(body), body)
}

// WriteExplain shows each parameter decoded beside its encoding, and the
// manifest line by line beside the encoding of each line. redact is applied
// to every value shown, so that a manifest's secrets stay out of it.
func WriteExplain(w io.Writer, ps Params, redact func(string) string) error {
	var b strings.Builder
	for _, p := range ps {
		p.Value = redact(p.Value)
		if p.Name == "Manifest" {
			fmt.Fprintf(&b, "%s =\n", p.Name)
			lines := strings.SplitAfter(p.Value, "\n")
			width := 0
			for _, l := range lines {
				width = max(width, len(strings.TrimSuffix(l, "\n")))
			}
			for _, l := range lines {
				if l != "" {
					fmt.Fprintf(&b, "    %-*s  %s\n", width, strings.TrimSuffix(l, "\n"), Escape(l))
				}
			}
			continue
		}
		fmt.Fprintf(&b, "%s = %s\n    %s=%s\n", p.Name, p.Value, Escape(p.Name), Escape(p.Value))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
