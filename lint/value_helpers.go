package lint

import (
	"strconv"
	"strings"

	"github.com/iekit/iekit/parser"
)

// isPlaceholder reports whether s holds template text left for the author
// to fill in: "***…***", "<your-…>" or a value wholly in angle brackets,
// TODO, TBD, CHANGEME, FIXME, REPLACE_ME, or a word made of three or more
// X. Rules that check the shape of a value skip placeholders: the
// placeholder rule reports them once.
func isPlaceholder(s string) bool {
	_, _, ok := placeholderAt(s)
	return ok
}

// checkable returns the value of e when a rule about its shape should
// look at it: nil when it is missing or blank (missing-required's
// business), a placeholder (the placeholder rule's), or quoted in a way
// the parser could not decode (syntax's).
func checkable(e *parser.Entry) *parser.Scalar {
	if e == nil || e.Value == nil {
		return nil
	}
	v := e.Value
	if strings.TrimSpace(v.Text) == "" || isPlaceholder(v.Text) || badlyQuoted(v) {
		return nil
	}
	return v
}

// badlyQuoted reports whether s starts with a quote the parser could not
// decode, such as an unterminated one: a syntax error already.
func badlyQuoted(s *parser.Scalar) bool {
	return s.Quote == 0 && s.Raw != "" && (s.Raw[0] == '"' || s.Raw[0] == '\'')
}

// textSpan returns the span of the bytes text[i:j] of scalar s. Offsets
// into the text are offsets into the source only for an unquoted scalar;
// for a quoted one it returns the whole scalar.
func textSpan(s *parser.Scalar, i, j int) (start, end parser.Pos) {
	if s.Quote != 0 || s.Raw != s.Text || i < 0 || j > len(s.Text) || i > j {
		return s.Pos(), s.End()
	}
	return s.Pos().Advance(i), s.Pos().Advance(j)
}

// neverEcho reports whether the value of key must never appear in a
// message: a secret option (trueCryptPassword, pinCode), a key named like a
// secret access key, or a value shaped like one.
func neverEcho(key, value string) bool {
	return secretName(key) || len(secretWords(value)) > 0
}

// keyLabel returns a key as messages name it: bare when it is a plain
// name, quoted otherwise.
func keyLabel(key string) string {
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-') {
			return strconv.Quote(key)
		}
	}
	if key == "" {
		return `""`
	}
	return key
}

// joinAnd joins phrases as a sentence does: "a", "a and b", "a, b and c".
func joinAnd(parts []string) string {
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// byteSet returns the table of the bytes of chars.
func byteSet(chars string) (set [256]bool) {
	for i := 0; i < len(chars); i++ {
		set[chars[i]] = true
	}
	return set
}

// containsAnyByte reports whether s has a byte of set, as
// strings.ContainsAny does for a set of ASCII characters.
func containsAnyByte(s string, set *[256]bool) bool {
	for i := 0; i < len(s); i++ {
		if set[s[i]] {
			return true
		}
	}
	return false
}
