package parser

import (
	"io"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"
)

// The token types of the manifest lexer. Each physical line that is not
// blank becomes one of
//
//	Entry
//	Dash Entry
//	Dash Text
//	Comment
//	Text
//
// and nothing else, which is exactly what the line grammar accepts. Blanks
// are not tokens: a line's indentation is the column of its first token,
// and blank lines are the gaps between line numbers. Every token costs
// participle several allocations, so the lexer makes no more than the
// grammar needs: "key: value" is one token, which the tree builder takes
// apart (splitEntry), and a dash is always followed by its text or entry,
// the text possibly empty.
const (
	tokDash    lexer.TokenType = iota + 1 // "-" that starts a list item
	tokComment                            // "#" to the end of the line, trailing blanks excluded
	tokEntry                              // a bare or quoted key, blanks, ":", and the value after it, trimmed
	tokText                               // any other content, trimmed; empty after a lone dash
)

var tokenSymbols = map[string]lexer.TokenType{
	"EOF":     lexer.EOF,
	"Dash":    tokDash,
	"Comment": tokComment,
	"Entry":   tokEntry,
	"Text":    tokText,
}

const bom = "\xEF\xBB\xBF"

// lexDefinition is the participle lexer.Definition for manifests. It never
// fails: every input, however broken, is a sequence of lines, and every line
// is some sequence of the tokens above. Deciding what is wrong with a line is
// left to the tree builder, which can say it in words.
type lexDefinition struct{}

func (lexDefinition) Symbols() map[string]lexer.TokenType { return tokenSymbols }

func (d lexDefinition) Lex(filename string, r io.Reader) (lexer.Lexer, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return d.LexString(filename, string(b))
}

func (lexDefinition) LexBytes(filename string, b []byte) (lexer.Lexer, error) {
	return newLexer(filename, string(b)), nil
}

func (lexDefinition) LexString(filename, s string) (lexer.Lexer, error) {
	return newLexer(filename, s), nil
}

// lineLexer turns a source into tokens one line at a time.
//
// With a batch size set, it also cuts the token stream into batches: after
// that many lines it returns an EOF token, and the next call to Next starts
// the next batch. This keeps participle's token buffer (which it grows by
// appending every token of its input) small, whatever the size of the file.
type lineLexer struct {
	filename  string
	src       string
	off       int // start of the next line to lex
	line      int // its line number
	lineStart int // its first byte (after a BOM on line 1), for columns
	pending   []lexer.Token
	next      int // index of the next token in pending
	batch     int // lines per batch; 0 for one batch
	left      int // lines left in the current batch
}

func newLexer(filename, src string) *lineLexer { return newLexerAt(filename, src, 0, 1) }

// newLexerAt returns a lexer that starts at src[off:], the start of line n,
// and stops at the end of src.
func newLexerAt(filename, src string, off, n int) *lineLexer {
	l := &lineLexer{filename: filename, src: src, off: off, line: n, lineStart: off, pending: make([]lexer.Token, 0, 8)}
	if off == 0 && strings.HasPrefix(src, bom) {
		l.off, l.lineStart = len(bom), len(bom)
	}
	return l
}

// Next returns the next token; after the last line it returns EOF forever.
func (l *lineLexer) Next() (lexer.Token, error) {
	for l.next == len(l.pending) { // blank lines have no tokens
		if l.batch > 0 && l.left == 0 && !l.done() {
			l.left = l.batch
			return lexer.Token{Type: lexer.EOF, Pos: l.position(l.off)}, nil
		}
		l.lexLine()
		l.left--
	}
	t := l.pending[l.next]
	l.next++
	return t, nil
}

// done reports whether the whole source has been lexed.
func (l *lineLexer) done() bool { return l.off >= len(l.src) && l.next == len(l.pending) }

// position returns the position of offset, which lies on the current line.
func (l *lineLexer) position(offset int) lexer.Position {
	return lexer.Position{Filename: l.filename, Offset: offset, Line: l.line, Column: offset - l.lineStart + 1}
}

func (l *lineLexer) emit(typ lexer.TokenType, start, end int) {
	l.pending = append(l.pending, lexer.Token{Type: typ, Value: l.src[start:end], Pos: l.position(start)})
}

// lexLine fills pending with the tokens of the next line.
func (l *lineLexer) lexLine() {
	l.pending, l.next = l.pending[:0], 0
	src, start := l.src, l.off
	if start >= len(src) {
		l.emit(lexer.EOF, len(src), len(src))
		return
	}
	end, next := len(src), len(src) // the line is src[start:end], its ending src[end:next]
	if nl := strings.IndexByte(src[start:], '\n'); nl >= 0 {
		end, next = start+nl, start+nl+1
		if end > start && src[end-1] == '\r' {
			end--
		}
	}
	i := start
	for i < end && isBlank(src[i]) {
		i++
	}
	e := end
	for e > i && isBlank(src[e-1]) {
		e--
	}
	switch {
	case i == e: // a blank line
	case src[i] == '#':
		l.emit(tokComment, i, e)
	case src[i] == '-' && (i+1 == e || isBlank(src[i+1])):
		l.emit(tokDash, i, i+1)
		for i++; i < e && isBlank(src[i]); i++ {
		}
		l.lexContent(i, e)
	default:
		l.lexContent(i, e)
	}
	l.off = next
	if next > end { // a line ending: the next line starts after it
		l.line, l.lineStart = l.line+1, next
	}
}

// lexContent lexes src[i:e], the trimmed content of a line after any dash:
// an entry when it starts with a key followed by a colon, text (possibly
// empty) otherwise.
func (l *lineLexer) lexContent(i, e int) {
	if colon, _ := splitEntry(l.src[i:e]); colon >= 0 {
		l.emit(tokEntry, i, e)
	} else {
		l.emit(tokText, i, e)
	}
}

// splitEntry takes apart s, the trimmed content of a line after any dash,
// when it is "key: value": it returns the index of the colon that ends the
// key and the index where the value starts (len(s) when it is empty), or
// -1, -1 when s does not start with a key followed by a colon.
func splitEntry(s string) (colon, value int) {
	keyEnd := -1
	switch {
	case s == "":
	case s[0] == '"' || s[0] == '\'':
		keyEnd = closingQuote(s, 0)
	case isKeyByte(s[0]):
		keyEnd = 1
		for keyEnd < len(s) && isKeyByte(s[keyEnd]) {
			keyEnd++
		}
	}
	if keyEnd < 0 {
		return -1, -1
	}
	colon = keyEnd
	for colon < len(s) && isBlank(s[colon]) {
		colon++
	}
	if colon == len(s) || s[colon] != ':' {
		return -1, -1
	}
	value = colon + 1
	for value < len(s) && isBlank(s[value]) {
		value++
	}
	return colon, value
}

// closingQuote returns the index just past the quote that closes the quoted
// string starting at s[i], or -1 when s ends first. In double quotes a
// backslash escapes the next byte; in single quotes ” stands for a quote.
func closingQuote(s string, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		switch {
		case q == '"' && s[j] == '\\':
			j++
		case s[j] == q && q == '\'' && j+1 < len(s) && s[j+1] == '\'':
			j++
		case s[j] == q:
			return j + 1
		}
	}
	return -1
}

// isBlank reports whether c separates words within a line: a space, a tab,
// or a carriage return that does not end the line.
func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\r' }

// keyBytes marks the bytes of a bare key: [A-Za-z0-9_.-].
var keyBytes = func() (t [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	t['_'], t['.'], t['-'] = true, true, true
	return t
}()

func isKeyByte(c byte) bool { return keyBytes[c] }
