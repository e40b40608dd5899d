package parser

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// quoteProblem is what is wrong with a quoted string: a message about the
// bytes [start, end) of it.
type quoteProblem struct {
	start, end int
	msg        string
}

// unquote decodes s, which starts with a single or a double quote and is
// meant to be one quoted string. In double quotes the escapes are \", \\,
// \n, \t and \uXXXX (a UTF-16 surrogate pair for characters beyond the
// BMP); in single quotes, ” stands for one quote. what names the thing in
// messages ("key" or "value"). On a problem the text returned is s itself.
func unquote(s, what string) (string, *quoteProblem) {
	kind := "double-quoted"
	if s[0] == '\'' {
		kind = "single-quoted"
	}
	end := closingQuote(s, 0)
	switch {
	case end < 0:
		return s, &quoteProblem{0, len(s), fmt.Sprintf("unterminated %s %s", kind, what)}
	case end < len(s):
		return s, &quoteProblem{end, len(s), fmt.Sprintf(
			"unexpected text %s after the closing quote; quote the whole %s or none of it", quoteShort(s[end:]), what)}
	}
	body := s[1 : len(s)-1]
	if s[0] == '\'' {
		return strings.ReplaceAll(body, "''", "'"), nil
	}
	if !strings.Contains(body, `\`) {
		return body, nil
	}
	var b strings.Builder
	b.Grow(len(body))
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		r, n, msg := unescape(body[i:])
		if msg != "" {
			return s, &quoteProblem{1 + i, 1 + i + n, msg}
		}
		b.WriteRune(r)
		i += n - 1
	}
	return b.String(), nil
}

// unescape decodes the escape sequence at the start of s (which starts with
// a backslash). It returns the rune, the length of the sequence, and a
// message when the sequence is not valid.
func unescape(s string) (r rune, n int, msg string) {
	if len(s) < 2 {
		return 0, 1, `a lone "\" ends the string; write "\\" for a backslash`
	}
	switch s[1] {
	case '"':
		return '"', 2, ""
	case '\\':
		return '\\', 2, ""
	case 'n':
		return '\n', 2, ""
	case 't':
		return '\t', 2, ""
	case 'u':
		r, ok := hex4(s[2:])
		if !ok {
			return 0, min(len(s), 6), `invalid \u escape: want four hex digits, as in \u00e9`
		}
		if !utf16.IsSurrogate(r) {
			return r, 6, ""
		}
		if len(s) >= 12 && s[6] == '\\' && s[7] == 'u' {
			if r2, ok := hex4(s[8:]); ok {
				if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
					return dec, 12, ""
				}
			}
		}
		return 0, 6, fmt.Sprintf(`invalid \u escape: %s is half of a surrogate pair`, s[:6])
	}
	_, size := utf8.DecodeRuneInString(s[1:])
	return 0, 1 + size, fmt.Sprintf(`invalid escape %q; the escapes are \", \\, \n, \t and \uXXXX`, s[:1+size])
}

// hex4 decodes four hex digits at the start of s.
func hex4(s string) (rune, bool) {
	if len(s) < 4 {
		return 0, false
	}
	v, err := strconv.ParseUint(s[:4], 16, 32)
	return rune(v), err == nil
}

// quoteShort quotes s for a message, cut to a readable length.
func quoteShort(s string) string {
	return strconv.Quote(cutShort(s))
}

// cutShort returns s cut to a readable length for a message, "…" marking
// the cut: a message quotes no more of the source than that.
func cutShort(s string) string {
	const max = 40
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
