// Package visible escapes what a terminal would act on rather than show,
// so that text from an untrusted file can be printed: an escape sequence
// in a manifest or a captured request must not clear the screen, retitle
// the window or hide the lines around it.
//
// Control characters (C0 but tab, DEL, C1) become \xNN or \uNNNN, and so
// does each byte that is not UTF-8; everything else is kept, so text
// without such characters comes back unchanged.
package visible

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Line returns s with its control characters and bytes that are not
// UTF-8 escaped, newlines included: the result is one line.
func Line(s string) string { return escape(s, false) }

// Text returns s escaped as Line does, but with its newlines kept.
func Text(s string) string { return escape(s, true) }

// escape escapes s, keeping its newlines where keepNewlines is set.
func escape(s string, keepNewlines bool) string {
	i := 0 // past the printable ASCII prefix, most often all of s
	for ; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' || c >= 0x7f {
			break
		}
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\t', r == '\n' && keepNewlines:
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r >= 0x80 && r < 0xa0:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}
