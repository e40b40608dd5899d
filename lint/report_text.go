package lint

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

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
// ("^~~~").
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
				paint(ansiBold, fmt.Sprintf("%s:%d:%d:", r.Name, d.Start.Line, d.Start.Col)),
				paint(severityColor(d.Severity), d.Severity.String()+":"),
				d.Message,
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

// snippet returns the line a finding starts on and the mark under its span:
// blanks (tabs kept, so the mark lines up) then "^~~~" over the span's
// characters, to the end of the line when the span goes on.
func snippet(r *Result, d parser.Diagnostic) (line, mark string) {
	base, raw := r.lineAt(d.Start.Line)
	line = r.redact.mask(raw, base)
	startCol := min(d.Start.Col-1, len(raw))
	endCol := len(raw)
	if d.End.Line == d.Start.Line {
		endCol = min(max(d.End.Col-1, startCol), len(raw))
	}
	// Measure the redacted text, so the mark lines up with what is shown.
	prefix, span := r.redact.mask(raw[:startCol], base), r.redact.mask(raw[startCol:endCol], base+startCol)
	var b strings.Builder
	for _, c := range prefix {
		if c == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
	}
	width := max(1, utf8.RuneCountInString(span))
	b.WriteString("^" + strings.Repeat("~", width-1))
	return line, b.String()
}
