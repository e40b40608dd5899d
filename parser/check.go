package parser

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"
)

// malformed reports a line that is neither an entry, an item nor a comment,
// saying what it most likely lacks.
func (b *builder) malformed(t *lexer.Token) {
	start, end := pos(t), endOf(t)
	s := t.Value
	switch {
	case s == "---" || s == "...":
		b.report(start, end, "YAML document marker %q is not part of a manifest; remove it", s)
	case s[0] == ':':
		b.report(start, start.Advance(1), "missing key before \":\"")
	case s[0] == '"' || s[0] == '\'':
		close := closingQuote(s, 0)
		colon := strings.IndexByte(s[max(close, 0):], ':')
		switch {
		case close < 0:
			b.report(start, end, "unterminated quoted key")
		case colon > 0:
			b.report(start.Advance(close), start.Advance(close+colon), "unexpected text %s between quoted key %s and \":\"",
				quoteShort(s[close:close+colon]), cutShort(s[:close]))
		default:
			b.report(start.Advance(close), end, "missing \":\" after quoted key %s", cutShort(s[:close]))
		}
	case strings.IndexByte(s, ':') > 0:
		key := strings.TrimRight(s[:strings.IndexByte(s, ':')], " \t\r")
		b.report(start, start.Advance(len(key)), "invalid key %s: a key is letters, digits, \"_\", \".\" and \"-\", or a quoted string", quoteShort(key))
	default:
		word := 0
		for word < len(s) && isKeyByte(s[word]) {
			word++
		}
		if word > 0 {
			b.report(start, start.Advance(word), "missing \":\" after key %s", quoteShort(s[:word]))
		} else {
			b.report(start, end, "expected \"key: value\", \"- item\" or a comment, found %s", quoteShort(s))
		}
	}
}

// checkText reports bytes that have no place in a manifest: invalid UTF-8,
// NUL and the other control characters but tab, line feed and carriage
// return. It reports the first such byte of each line, which is enough to
// find them all without burying the rest of the diagnostics.
func (b *builder) checkText(start int) {
	src := b.src
	for line, i := 1, start; i < len(src); line++ {
		end := len(src)
		if nl := strings.IndexByte(src[i:], '\n'); nl >= 0 {
			end = i + nl
		}
		b.checkLine(i, end, line)
		i = end + 1
	}
}

// checkLine reports the first byte of src[start:end], the content of line
// n from its first column, that has no place in a manifest. It reports
// whether there was one.
func (b *builder) checkLine(start, end, n int) bool {
	i, size, msg := badByte(b.src[start:end])
	if i < 0 {
		return false
	}
	at := Pos{Offset: start + i, Line: n, Col: i + 1}
	b.report(at, at.Advance(size), "%s", msg)
	return true
}

// badByte returns the index in s of its first byte that has no place in a
// manifest, its length and what is wrong with it; -1 when there is none.
func badByte(s string) (i, size int, msg string) {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f || c == '\t' || c == '\r' {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			return i, 1, controlMessage(c)
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != utf8.RuneError || size > 1 {
			i += size
			continue
		}
		return i, 1, fmt.Sprintf("invalid UTF-8 byte 0x%02x; a manifest must be UTF-8 text", c)
	}
	return -1, 0, ""
}

func controlMessage(c byte) string {
	if c == 0 {
		return "NUL byte; a manifest must be text"
	}
	if c == 0x7f {
		return "control character U+007F (DEL)"
	}
	return fmt.Sprintf("control character U+%04X", c)
}

// checkTabs reports tabs that decide a column: in the indentation, or
// between a dash and what follows it. It reports whether there were any.
func (b *builder) checkTabs(p *parts) bool {
	first := b.startOf(p)
	lineStart := first.Offset - (first.Col - 1)
	found := b.tabs(lineStart, first.Offset, first.Line, lineStart)
	if p.dash != nil && b.tabs(first.Offset+1, b.contentAfterDash(p), first.Line, lineStart) {
		found = true
	}
	return found
}

// tabs reports the tabs in src[from:to], which lies on line n, and
// reports whether there were any.
func (b *builder) tabs(from, to, n, lineStart int) bool {
	first, last := -1, -1
	for i := from; i < to; i++ {
		if b.src[i] == '\t' {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first >= 0 {
		start := Pos{Offset: first, Line: n, Col: first - lineStart + 1}
		b.report(start, start.Advance(last-first+1), "tab in indentation; indent with spaces")
	}
	return first >= 0
}

// contentAfterDash returns the offset of what follows the dash of an item
// line, or the dash's end when nothing does.
func (b *builder) contentAfterDash(p *parts) int {
	if p.key != nil {
		return p.key.Pos.Offset
	}
	return p.text.Pos.Offset
}
