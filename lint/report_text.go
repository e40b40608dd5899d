package lint

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/iekit/iekit/internal/visible"
	"github.com/iekit/iekit/parser"
)

// TextOptions control the text report.
type TextOptions struct {
	Snippets bool // show the source line under each finding, the span underlined
	Color    bool // colour severities and positions with ANSI escapes
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[1;31m"
	ansiYellow = "\x1b[1;33m"
	ansiCyan   = "\x1b[1;36m"
	ansiGreen  = "\x1b[32m"
)

// WriteText writes one line per finding, "path:line:col: severity: message
// [rule]", optionally followed by the source line with the span underlined
// ("^~~~"). Control characters in what it prints are escaped (see
// package visible): the file is untrusted, and an escape sequence written
// raw to a terminal would act instead of showing.
func WriteText(w io.Writer, results []*Result, opt TextOptions) error {
	bw := bufio.NewWriter(w)
	paint := func(code, s string) string {
		if !opt.Color {
			return s
		}
		return code + s + ansiReset
	}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			fmt.Fprintf(bw, "%s %s %s %s\n",
				paint(ansiBold, fmt.Sprintf("%s:%d:%d:", visible.Line(r.Name), d.Start.Line, d.Start.Col)),
				paint(severityColor(d.Severity), d.Severity.String()+":"),
				visible.Line(d.Message),
				paint(ansiBold, "["+d.Rule+"]"))
			if opt.Snippets {
				line, mark := snippet(r, d)
				fmt.Fprintf(bw, "    %s\n    %s\n", line, paint(ansiGreen, mark))
			}
		}
	}
	return bw.Flush()
}

func severityColor(s parser.Severity) string {
	switch s {
	case parser.SeverityError:
		return ansiRed
	case parser.SeverityWarning:
		return ansiYellow
	}
	return ansiCyan
}

// A snippet shows at most snippetWidth characters of a source line: a
// longer one is cut to a window that starts snippetContext characters
// before the span, with "..." where it is cut, so that a line of a
// megabyte does not print a megabyte under each of its findings.
const (
	snippetWidth   = 160
	snippetContext = 40
)

// snippet returns the line a finding starts on and the mark under its span:
// blanks (tabs kept, so the mark lines up) then "^~~~" over the span's
// characters, to the end of the line when the span goes on.
func snippet(r *Result, d parser.Diagnostic) (line, mark string) {
	base, raw := r.lineAt(d.Start.Line)
	line = visible.Line(r.redact.mask(raw, base))
	startCol := min(d.Start.Col-1, len(raw))
	endCol := len(raw)
	if d.End.Line == d.Start.Line {
		endCol = min(max(d.End.Col-1, startCol), len(raw))
	}
	startCol, endCol = runeStart(raw, startCol), runeStart(raw, endCol)
	// Measure the text as it is shown, masked and escaped, so that the
	// mark lines up with it.
	prefix := visible.Line(r.redact.mask(raw[:startCol], base))
	span := visible.Line(r.redact.mask(raw[startCol:endCol], base+startCol))
	at, width := utf8.RuneCountInString(prefix), max(1, utf8.RuneCountInString(span))
	if n := utf8.RuneCountInString(line); n > snippetWidth {
		from := max(0, min(at-snippetContext, n-snippetWidth))
		to := from + snippetWidth
		at = min(at, to)
		width = max(1, min(width, to-at))
		line, prefix = runes(line, from, to), runes(prefix, from, at)
		if from > 0 {
			line, prefix = "..."+line, "..."+prefix
		}
		if to < n {
			line += "..."
		}
	}
	var b strings.Builder
	for _, c := range prefix {
		if c == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
	}
	b.WriteString("^" + strings.Repeat("~", width-1))
	return line, b.String()
}

// runeStart returns i, or the start of the character of s that i falls
// inside; a stray continuation byte is a character of its own.
func runeStart(s string, i int) int {
	if i <= 0 || i >= len(s) || utf8.RuneStart(s[i]) {
		return i
	}
	for j := i - 1; j >= 0 && j > i-utf8.UTFMax; j-- {
		if utf8.RuneStart(s[j]) {
			if r, size := utf8.DecodeRuneInString(s[j:]); r != utf8.RuneError && j+size > i {
				return j
			}
			break
		}
	}
	return i
}

// runes returns the characters [from, to) of s, counted in runes.
func runes(s string, from, to int) string {
	start, end, n := len(s), len(s), 0
	for i := range s {
		if n == from {
			start = i
		}
		if n == to {
			end = i
			break
		}
		n++
	}
	return s[min(start, end):end]
}
