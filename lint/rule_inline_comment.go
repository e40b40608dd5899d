package lint

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/iekit/iekit/parser"
)

// ruleInlineComment reports " #" inside an unquoted value: the manifest
// keeps it as part of the value, a YAML reader cuts the value there.
var ruleInlineComment = &Rule{
	Name:     "inline-comment",
	Severity: parser.SeverityWarning,
	Summary:  `" #" inside a value, where a YAML reader would cut it`,
	Doc: `In a manifest, everything after the colon is the value, so
"deviceId: ABC # the blue one" has the value "ABC # the blue one": iekit
keeps it whole, because how the service treats it is not documented and
silently dropping part of a value loses data. A YAML reader sees it
differently: a "#" after a blank starts a comment, and the value is just
"ABC". The two readings differ and the service's is not documented: one
of them either loses part of the value or keeps a note in it. This rule reports a blank followed by "#" in any value
or list item that is not quoted ("shoot#14/" is fine: no blank).

If the text after "#" is a note, move it to a comment line of its own
above the entry (the fix does that; it is unsafe, since "Ave #12" may be
part of an address). If the "#" belongs to the value, quote the value.`,
	Avoid:  "bucket: survey-scans\ndeviceId: WD-4471 # the blue one\n",
	Prefer: "bucket: survey-scans\n# the blue one\ndeviceId: WD-4471\n",
	Check:  checkInlineComment,
	Scope:  ScopeItem,
}

func checkInlineComment(p *Pass) {
	for _, v := range p.values() {
		if s := v.scalar; s != nil && s.Quote == 0 {
			if hash := commentStart(p.Src, s); hash >= 0 {
				reportInlineComment(p, s, v.key, v.item(), hash)
			}
		}
	}
}

// reportInlineComment reports the comment that a YAML reader would see
// start at offset hash inside s, the value of key or an item under it.
func reportInlineComment(p *Pass, s *parser.Scalar, key string, item bool, hash int) {
	start := hash // the blanks before "#" go with the comment
	for start > 0 && (p.Src[start-1] == ' ' || p.Src[start-1] == '\t') {
		start--
	}
	base := s.Pos().Offset
	secret := neverEcho(key, s.Text)
	// The messages are joined rather than formatted: a generated
	// manifest can have the same slip on every one of its lines.
	where := "the value of " + strconv.Quote(key)
	if item {
		where = "an item of " + strconv.Quote(key)
	}
	kept := "the value"
	if !secret {
		kept = strconv.Quote(s.Text)
	}
	msg := `" #" inside ` + where + `: YAML readers cut the value here; the manifest keeps ` + kept + " whole"
	if hash == base {
		msg = `" #" at the start of ` + where + `: YAML readers see a comment and no value; the manifest keeps ` + kept + " whole"
	}
	comment := s.Raw[hash-base:]
	title := "move the comment to a line of its own above"
	if !secret {
		title = "move " + strconv.Quote(comment) + " to a comment line above"
	}
	ls := srcLineStart(p, base)
	indent := ls
	for indent < len(p.Src) && p.Src[indent] == ' ' {
		indent++
	}
	p.Report(parser.Diagnostic{
		Start: s.Pos().Advance(start - base), End: s.End(),
		Message: msg,
		Fixes: []parser.Fix{{Title: title, Edits: []parser.TextEdit{
			{Start: ls, End: ls, NewText: string(p.Src[ls:indent]) + comment + srcLineEnding(p.Src, s.End().Offset)},
			{Start: start, End: s.End().Offset},
		}}},
	})
}

// commentStart returns the offset in src of the "#" that a YAML reader
// would take for the start of a comment inside s: one that follows a
// blank, inside the value or right before it. It returns -1 when there is
// none.
func commentStart(src []byte, s *parser.Scalar) int {
	if strings.IndexByte(s.Raw, '#') < 0 {
		return -1 // most values
	}
	base := s.Pos().Offset
	for i := 0; i < len(s.Raw); i++ {
		if s.Raw[i] != '#' {
			continue
		}
		if i > 0 && (s.Raw[i-1] == ' ' || s.Raw[i-1] == '\t') {
			return base + i
		}
		if i == 0 && base > 0 && base <= len(src) && (src[base-1] == ' ' || src[base-1] == '\t') {
			return base
		}
	}
	return -1
}

// srcLineStart returns the offset where the line holding offset begins, past
// a byte order mark on the first line.
func srcLineStart(p *Pass, offset int) int {
	i := min(offset, len(p.Src))
	for i > 0 && p.Src[i-1] != '\n' {
		i--
	}
	return max(i, p.File.Pos().Offset)
}

// srcLineEnding returns the line ending to give a line inserted before
// the line holding offset: that line's own ending, or the one of the line
// before it when it is the last line and has none.
func srcLineEnding(src []byte, offset int) string {
	offset = min(offset, len(src))
	if nl := bytes.IndexByte(src[offset:], '\n'); nl >= 0 {
		if nl > 0 && src[offset+nl-1] == '\r' {
			return "\r\n"
		}
		return "\n"
	}
	if prev := bytes.LastIndexByte(src[:offset], '\n'); prev > 0 && src[prev-1] == '\r' {
		return "\r\n"
	}
	return "\n"
}
