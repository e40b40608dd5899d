// Package fuzzedit turns the bytes a fuzzer gives into a sequence of
// edits of a manifest's text: the tests that compare an incremental
// parse or lint with a fresh one share it, so that they try the same
// kinds of edits.
package fuzzedit

import "strings"

// Edit replaces the bytes [Start, End) of a text with Text.
type Edit struct {
	Start, End int
	Text       string
}

// Fragments are the texts the fuzz edits insert: line breaks of every
// kind, blanks, the bytes of the syntax, and bytes that are not text.
var Fragments = []string{
	"\n", "\r\n", "\r", "\t", " ", "    ", "-", "- ", ":", ": ", "#", "# note\n",
	"é", "😀", "\xff", "\x00", "\uFEFF", "\"", "'", "\\", "k", "key: value\n",
	"  - a: 1\n", "list:\n", "  b:\n    c: d\n", "- x\n", "---\n", "\"q\\u00e9\": 'it''s'\n",
}

// Decode decodes fuzz bytes into edits of a text, four bytes an edit, and
// calls do with each edit, whether to give the whole text rather than the
// edit, and whether to compare after it.
func Decode(text string, ops []byte, do func(e Edit, whole, check bool) (string, error)) error {
	for ; len(ops) >= 4; ops = ops[4:] {
		kind, at, arg := ops[0], int(ops[1])<<8|int(ops[2]), int(ops[3])
		pos := at * (len(text) + 1) >> 16
		lineStart := strings.LastIndexByte(text[:pos], '\n') + 1
		lineEnd := len(text)
		if nl := strings.IndexByte(text[pos:], '\n'); nl >= 0 {
			lineEnd = pos + nl + 1
		}
		var e Edit
		switch kind & 7 {
		case 0, 1: // insert a fragment, perhaps mid-token or mid-character
			e = Edit{pos, pos, Fragments[arg%len(Fragments)]}
		case 2: // delete a few bytes
			e = Edit{pos, min(len(text), pos+arg%8+1), ""}
		case 3: // delete the whole line
			e = Edit{lineStart, lineEnd, ""}
		case 4: // insert a whole line, copied from elsewhere
			src := arg * (len(text) + 1) >> 8
			from := strings.LastIndexByte(text[:src], '\n') + 1
			to := len(text)
			if nl := strings.IndexByte(text[src:], '\n'); nl >= 0 {
				to = src + nl + 1
			}
			e = Edit{lineStart, lineStart, text[from:to]}
		case 5: // replace a few bytes with a fragment
			e = Edit{pos, min(len(text), pos+arg%4+1), Fragments[(arg>>2)%len(Fragments)]}
		case 6: // a raw byte
			e = Edit{pos, pos, string([]byte{byte(arg)})}
		case 7: // indent or dedent the line
			if arg&1 == 0 {
				e = Edit{lineStart, lineStart, strings.Repeat(" ", arg%5+1)}
			} else {
				e = Edit{lineStart, min(lineEnd, lineStart+arg%3+1), ""}
			}
		}
		var err error
		if text, err = do(e, kind&0x40 != 0, kind&0x80 != 0); err != nil {
			return err
		}
	}
	return nil
}
