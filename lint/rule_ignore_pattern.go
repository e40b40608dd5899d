package lint

import (
	"errors"
	"fmt"
	"regexp/syntax"
	"slices"
	"strings"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// ruleIgnorePattern checks that each item of a pattern list (ignore: every
// option of type PatternList) is a regular expression.
var ruleIgnorePattern = &Rule{
	Name:     "ignore-pattern",
	Severity: parser.SeverityError,
	Summary:  "an ignore item that is not a valid regular expression, or that is written as \"key: value\"",
	Doc: `Each item of ignore is a Java regular expression matched against the
paths of the device's files. A pattern that does not compile makes the
import fail or, worse, ignore nothing, so files you meant to leave behind
end up in the bucket.

iekit compiles each pattern with Go's RE2 engine, whose syntax is a subset
of Java's. A pattern Go rejects only because of Java-only syntax (lookahead
and lookbehind, atomic groups, possessive quantifiers, backreferences, the
flags d, u and x, a few escapes and classes) is a note: iekit cannot check
it. Anything else is an error with the reason. An item such as
"- Thumbs.db:encryptable" parses as a "key: value" mapping rather than
text: quote a pattern that has a colon.`,
	Avoid:         "ignore:\n  - .*\\.(tmp|bak$\n",
	Prefer:        "ignore:\n  - .*\\.(tmp|bak)$\n",
	Check:         checkIgnorePattern,
	Scope:         ScopeItem,
	ServiceErrors: []string{"InvalidManifestFieldException"},
}

func checkIgnorePattern(p *Pass) {
	for _, f := range p.fields() {
		if !f.Is(schema.PatternList) {
			continue
		}
		list, ok := f.Entry.Block.(*parser.List)
		if !ok {
			continue
		}
		for _, it := range list.Items {
			if m, ok := it.Block.(*parser.Mapping); ok && it.Value == nil && len(m.Entries) > 0 {
				reportPatternMapping(p, f.Option.Name, m)
				continue
			}
			if it.Value == nil || it.Value.Text == "" || isPlaceholder(it.Value.Text) || badlyQuoted(it.Value) {
				continue
			}
			checkPattern(p, f.Option.Name, it.Value)
		}
	}
}

// checkPattern compiles one pattern, and reports it unless it compiles,
// as a note when only its Java-only syntax keeps Go from compiling it.
func checkPattern(p *Pass, list string, v *parser.Scalar) {
	pat := v.Text
	err := compiles(pat)
	if err == nil {
		return
	}
	if rewritten, java := javaOnlySyntax(pat); len(java) > 0 {
		if err = compiles(rewritten); err == nil {
			p.Report(parser.Diagnostic{Start: v.Pos(), End: v.End(), Severity: parser.SeverityInfo,
				Message: fmt.Sprintf("%s pattern uses Java-only syntax (%s); iekit cannot check it", list, strings.Join(java, ", "))})
			return
		}
	}
	p.Reportf(v, "invalid %s pattern %q: %s", list, pat, describeRegexpErr(err, pat))
}

// compiles returns the error regexp.Compile would return for pat, or nil.
// It only parses pat, as compiling adds no error of its own, and only when
// pat is not a simple pattern, which always parses.
func compiles(pat string) error {
	if simplePattern(pat) {
		return nil
	}
	_, err := syntax.Parse(pat, syntax.Perl)
	return err
}

// simplePattern reports whether pat uses only syntax that always parses,
// as most ignore patterns do ("^\.Trash-1000/", ".*\.swp$"): printable
// ASCII characters that stand for themselves, ".", "^" and "$", a
// backslash before a character other than a letter or a digit, and "*",
// "+" or "?" (each maybe followed by "?") after a character or ".".
// Groups, classes, "{…}", "|" and other escapes are left to the parser,
// and so are long patterns, which could exceed its limits.
func simplePattern(pat string) bool {
	if len(pat) > 1000 {
		return false
	}
	repeatable := false // whether a "*", "+" or "?" may come next
	for i := 0; i < len(pat); i++ {
		c := pat[i]
		switch {
		case regexpLiterals[c]: // most bytes
			repeatable = true
		case c < ' ' || c > '~' || regexpGroupBytes[c]:
			return false
		case c == '\\':
			if i+1 == len(pat) || !isEscapedLiteral(pat[i+1]) {
				return false
			}
			i++
			repeatable = true
		case c == '*' || c == '+' || c == '?':
			if !repeatable {
				return false
			}
			if i+1 < len(pat) && pat[i+1] == '?' { // not greedy
				i++
			}
			repeatable = false
		case c == '^' || c == '$':
			repeatable = false
		default: // "."
			repeatable = true
		}
	}
	return true
}

// regexpLiterals are the printable ASCII characters that stand for
// themselves in a regular expression.
var regexpLiterals = func() (set [256]bool) {
	for c := ' '; c <= '~'; c++ {
		set[c] = !strings.ContainsRune(`\.+*?()|[]{}^$`, c)
	}
	return set
}()

// regexpGroupBytes are the bytes of groups, classes, counted repetitions
// and alternatives, which simplePattern leaves to the parser.
var regexpGroupBytes = byteSet("()[]{}|")

// isEscapedLiteral reports whether a backslash before c makes c stand for
// itself: c is printable ASCII, and not a letter or a digit.
func isEscapedLiteral(c byte) bool {
	return c >= ' ' && c <= '~' && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')
}

// describeRegexpErr turns Go's error into the tail of a message: the
// reason, and the part of the pattern at fault when it is not all of it.
func describeRegexpErr(err error, pat string) string {
	var se *syntax.Error
	if errors.As(err, &se) {
		if se.Expr == "" || se.Expr == pat {
			return se.Code.String()
		}
		return fmt.Sprintf("%s: %q", se.Code, se.Expr)
	}
	msg := strings.TrimPrefix(err.Error(), "error parsing regexp: ")
	return strings.TrimSuffix(strings.ToLower(msg[:1])+msg[1:], ".")
}

// reportPatternMapping reports an item that parsed as "key: value". When
// the item is one line, it offers to quote it, which keeps its text.
func reportPatternMapping(p *Pass, list string, m *parser.Mapping) {
	d := parser.Diagnostic{Start: m.Pos(), End: m.End(),
		Message: fmt.Sprintf(`%s items are patterns, not "key: value": quote a pattern that has a colon`, list)}
	if e := m.Entries[0]; len(m.Entries) == 1 && e.Key.Quote == 0 && e.Value != nil && e.Block == nil &&
		e.Key.Pos().Line == e.Value.End().Line && m.End().Offset == e.Value.End().Offset && m.End().Offset <= len(p.Src) {
		raw := string(p.Src[m.Pos().Offset:m.End().Offset])
		d.Fixes = []parser.Fix{{
			Title: "quote the pattern",
			Edits: []parser.TextEdit{{Start: m.Pos().Offset, End: m.End().Offset,
				NewText: "'" + strings.ReplaceAll(raw, "'", "''") + "'"}},
		}}
	}
	p.Report(d)
}

// javaOnlySyntax finds the constructs of pat that Java accepts and RE2
// does not, and returns pat with each replaced by something RE2 accepts
// (close enough to find any other error), and their names.
func javaOnlySyntax(pat string) (string, []string) {
	var b strings.Builder
	var names []string
	found := func(name, repl string) {
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
		b.WriteString(repl)
	}
	inClass := false
	for i := 0; i < len(pat); i++ {
		c, rest := pat[i], pat[i+1:]
		switch {
		case c == '\\' && rest != "":
			n := javaEscape(rest, found)
			if n == 0 {
				b.WriteString(pat[i : i+2])
				n = 1
			}
			i += n
		case inClass:
			inClass = c != ']'
			b.WriteByte(c)
		case c == '[':
			inClass = true
			b.WriteByte(c)
			if strings.HasPrefix(rest, "]") || strings.HasPrefix(rest, "^]") { // a leading "]" is literal
				b.WriteString(rest[:strings.IndexByte(rest, ']')+1])
				i += strings.IndexByte(rest, ']') + 1
			}
		case c == '(' && javaFlagsRe().MatchString(rest):
			m := javaFlagsRe().FindStringSubmatch(rest)
			found("flag "+strings.Join(javaFlagLetters().FindAllString(m[1], -1), ""), "")
			if kept := strings.Trim(javaFlagLetters().ReplaceAllString(m[1], ""), "-"); kept != "" || m[2] == ":" {
				b.WriteString("(?" + kept + m[2])
			}
			i += len(m[0])
		case c == '(' && javaGroupRe().MatchString(rest):
			g := javaGroupRe().FindString(rest)
			found(map[string]string{"?=": "lookahead", "?!": "lookahead", "?<=": "lookbehind", "?<!": "lookbehind", "?>": "atomic group"}[g], "(?:")
			i += len(g)
		case strings.ContainsRune("*+?}", rune(c)) && strings.HasPrefix(rest, "+"):
			b.WriteByte(c)
			found("possessive quantifier", "")
			i++
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), names
}

// The expressions that find Java's syntax are compiled on first use, not
// at start-up: only patterns with a group or an escape need them.
var (
	javaGroupRe     = lazyRegexp(`^\?(?:[=!>]|<[=!])`)
	javaFlagsRe     = lazyRegexp(`^\?([imsU-]*[dux][idmsuxU-]*)([:)])`)
	javaFlagLetters = lazyRegexp(`[dux]`) // the flags Java has and Go has not
	javaEscapeRe    = lazyRegexp(`^(?:[1-9][0-9]*|k<[A-Za-z][A-Za-z0-9]*>|[ZGRhHXe]|c[@-_a-z]|u[0-9A-Fa-f]{4}|` +
		`[pP]\{(?:(?:Is|In|java)[A-Za-z]+|Lower|Upper|ASCII|Alpha|Digit|Alnum|Punct|Graph|Print|Blank|Cntrl|XDigit|Space)\})`)
)

// javaEscape looks at the escape after a backslash; when it is Java-only it
// reports it through found and returns how many bytes it spans, else 0.
func javaEscape(rest string, found func(name, repl string)) int {
	m := javaEscapeRe().FindString(rest)
	switch {
	case m == "":
		return 0
	case m[0] >= '1' && m[0] <= '9' || m[0] == 'k':
		found("backreference", "(?:)")
	case m[0] == 'p' || m[0] == 'P':
		if compiles(`\`+m) == nil {
			return 0 // a class Go knows too
		}
		found(`class \`+m, `\pL`)
	case m[0] == 'u':
		found(`escape \u`+m[1:], `\x{`+m[1:]+`}`)
	default:
		found(`escape \`+m, map[byte]string{'Z': `\z`, 'G': `(?:)`, 'R': `\s`, 'h': `\s`, 'H': `\S`, 'X': `.`, 'e': `\x1b`, 'c': `\x01`}[m[0]])
	}
	return len(m)
}
