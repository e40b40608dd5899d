package lint

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// placeholderPatterns match template text that the placeholder rule
// reports; a pattern with a group reports that group. Words inside a
// longer value count only in upper case or followed by a colon ("TODO",
// "todo: fill in"): "todo" is also Spanish and Portuguese for "all", and a
// data description may say so.
var placeholderPatterns = []*regexp.Regexp{
	regexp.MustCompile(`\*{3}[^*]*\*{3}`),       // ***Your Bucket***
	regexp.MustCompile(`(?i)<\s*your\b[^<>]*>`), // <your-log-bucket>, anywhere
	regexp.MustCompile(`^\s*(<[^<>@]+>)\s*$`),   // <bucket> as the whole value, but not <jane@example.com>
	regexp.MustCompile(`(?i)^\s*(todo|tbd|changeme|fixme|replace_me)\s*$`),
	regexp.MustCompile(`\b(?:TODO|TBD|CHANGEME|FIXME|REPLACE_ME)\b`),
	regexp.MustCompile(`(?i)\b(?:todo|tbd|changeme|fixme|replace_me)\b\s*:`),
	regexp.MustCompile(`\b[xX]{3,}\b`), // XXXXX, xxx-xxx-xxxx; never Exxon
}

// placeholderAt returns the byte span of the leftmost placeholder in s.
func placeholderAt(s string) (i, j int, ok bool) {
	for _, re := range placeholderPatterns {
		m := re.FindStringSubmatchIndex(s)
		if m == nil {
			continue
		}
		if len(m) > 2 && m[2] >= 0 {
			m = m[2:]
		}
		if !ok || m[0] < i {
			i, j, ok = m[0], m[1], true
		}
	}
	return i, j, ok
}

// isPlaceholder reports whether s holds template text left for the author
// to fill in: "***…***", "<your-…>" or a value wholly in angle brackets,
// TODO, TBD, CHANGEME, FIXME, REPLACE_ME, or a word made of three or more
// X. Rules that check the shape of a value skip placeholders: the
// placeholder rule reports them once.
func isPlaceholder(s string) bool {
	_, _, ok := placeholderAt(s)
	return ok
}

// eachOfType calls visit for every entry that eachField visits whose
// option has type t, with that option and the block option it is a field
// of (nil at top level).
func eachOfType(top *parser.Mapping, t schema.Type, visit func(e *parser.Entry, o, in *schema.Option)) {
	eachField(top, func(e *parser.Entry, in *schema.Option) {
		if o := optionOf(e, in); o != nil && o.Type == t {
			visit(e, o, in)
		}
	})
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

// eachScalar calls visit for every scalar under b, in source order: an
// entry's value with the entry's key, and a list item's text with item set
// and the key of the entry that holds the list ("" when there is none).
// It descends into every block, known to the schema or not.
func eachScalar(b parser.Block, owner string, visit func(s *parser.Scalar, key string, item bool)) {
	switch b := b.(type) {
	case *parser.Mapping:
		if b == nil {
			return
		}
		for _, e := range b.Entries {
			if e == nil || e.Key == nil {
				continue
			}
			if e.Value != nil {
				visit(e.Value, e.Key.Name, false)
			}
			if e.Block != nil {
				eachScalar(e.Block, e.Key.Name, visit)
			}
		}
	case *parser.List:
		if b == nil {
			return
		}
		for _, it := range b.Items {
			if it == nil {
				continue
			}
			if it.Value != nil {
				visit(it.Value, owner, true)
			}
			if it.Block != nil {
				eachScalar(it.Block, owner, visit)
			}
		}
	}
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
	o := schema.Lookup(key)
	return o != nil && o.Type == schema.Secret || secretKeyName(key) || secretShaped(strings.TrimSpace(value))
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
