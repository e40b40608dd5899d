package lint

import (
	"bytes"

	"github.com/iekit/iekit/parser"
)

// The dialect ends lines with LF or CRLF, and takes a lone CR inside a
// line for a blank (see the syntax rule). A file saved with the CR line
// endings of classic Mac OS therefore reads as one line: its first entry
// swallows the rest, or, when it opens with a comment, the whole file is
// that comment and nothing is checked. Such a file has lone CRs and no LF
// but, at most, one at its very end (added by a tool that ends files with
// a newline); crOnly reports it.

// bom is the UTF-8 byte order mark a manifest may open with; columns
// count from after it, as the parser's do.
const bom = "\xef\xbb\xbf"

// crOnly returns the finding for a file whose line endings are CR only,
// at its first CR, with a safe fix that turns every line ending into LF; false
// for any other file. Line endings at the end of the file do not count: a
// one-line "manifestVersion: 2.0\r" is fine.
func crOnly(src []byte) (parser.Diagnostic, bool) {
	body := bytes.TrimRight(src, "\r\n")
	at := bytes.IndexByte(body, '\r')
	if at < 0 || bytes.IndexByte(body, '\n') >= 0 {
		return parser.Diagnostic{}, false
	}
	col := at + 1
	if bytes.HasPrefix(src, []byte(bom)) {
		col -= len(bom)
	}
	fix := parser.Fix{Title: "replace each CR line ending with LF", Safe: true}
	for i, c := range src {
		if c == '\r' {
			e := parser.TextEdit{Start: i, End: i + 1, NewText: "\n"}
			if i+1 < len(src) && src[i+1] == '\n' {
				e.NewText = "" // a CRLF at the end: LF, like every other line
			}
			fix.Edits = append(fix.Edits, e)
		}
	}
	return parser.Diagnostic{
		Start:    parser.Pos{Offset: at, Line: 1, Col: col},
		End:      parser.Pos{Offset: at + 1, Line: 1, Col: col + 1},
		Severity: parser.SeverityError,
		Rule:     parser.RuleSyntax,
		Message:  "the line endings are CR only, so the file reads as one line: end lines with LF or CRLF",
		Fixes:    []parser.Fix{fix},
	}, true
}
