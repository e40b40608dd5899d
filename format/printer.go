package format

import (
	"bytes"
	"strings"

	"github.com/iekit/iekit/parser"
)

// printer writes the canonical form line by line, deciding where a single
// blank line goes.
type printer struct {
	buf     bytes.Buffer
	started bool  // a line has been written: a blank line may follow
	opened  bool  // the last line opened a block: no blank line may follow
	regions []int // where each top-level entry's lines start, then the file's trailing comments
}

// print returns the canonical form of f, and where in it each top-level
// entry (its blank line and comments included) starts, followed by where
// the comments after the last entry start.
func print(f *parser.File) ([]byte, []int) {
	var p printer
	for _, e := range f.Body.Entries {
		p.regions = append(p.regions, p.buf.Len())
		p.entry(e, 0)
	}
	p.regions = append(p.regions, p.buf.Len())
	p.comments(f.Body.Trailing, 0)
	return p.buf.Bytes(), p.regions
}

// line writes one line at the given indentation. blank asks for a blank
// line before it, which is dropped at the start of the file and right
// after a line that opens a block.
func (p *printer) line(indent int, blank bool, text string) {
	if blank && p.started && !p.opened {
		p.buf.WriteByte('\n')
	}
	p.buf.WriteString(strings.Repeat(" ", indent))
	p.buf.WriteString(text)
	p.buf.WriteByte('\n')
	p.started, p.opened = true, false
}

func (p *printer) comments(list []*parser.Comment, indent int) {
	for _, c := range list {
		p.line(indent, c.BlankBefore, c.Text)
	}
}

// mapping prints the entries of a block whose keys stand at indent, then
// the block's trailing comments.
func (p *printer) mapping(m *parser.Mapping, indent int) {
	for _, e := range m.Entries {
		p.entry(e, indent)
	}
	p.comments(m.Trailing, indent)
}

// entry prints an entry: its comments, its line, its block.
func (p *printer) entry(e *parser.Entry, indent int) {
	p.comments(e.Comments, indent)
	p.line(indent, e.BlankBefore, keyValue(e))
	p.block(e.Block, indent)
}

// block prints what a key or dash at indent holds below it: a mapping 4
// columns deeper, a list 2 columns deeper.
func (p *printer) block(b parser.Block, indent int) {
	switch b := b.(type) {
	case *parser.Mapping:
		p.opened = true
		p.mapping(b, indent+4)
	case *parser.List:
		p.opened = true
		p.list(b, indent+2)
	}
}

// list prints the items of a list whose dashes stand at indent. An item
// holding a mapping starts on its dash line ("- key: value") with its other
// keys aligned under the first, unless comments stand before its first
// key: then the dash is alone on its line, as it is for a nested list.
func (p *printer) list(l *parser.List, indent int) {
	for _, it := range l.Items {
		p.comments(it.Comments, indent)
		m, isMapping := it.Block.(*parser.Mapping)
		switch {
		case isMapping && len(m.Entries[0].Comments) == 0:
			first := m.Entries[0]
			p.line(indent, it.BlankBefore, "- "+keyValue(first))
			p.block(first.Block, indent+2)
			for _, e := range m.Entries[1:] {
				p.entry(e, indent+2)
			}
			p.comments(m.Trailing, indent+2)
		case it.Block != nil:
			p.line(indent, it.BlankBefore, "-")
			p.opened = true
			if isMapping {
				p.mapping(m, indent+2)
			} else {
				p.list(it.Block.(*parser.List), indent+2)
			}
		case it.Value != nil:
			p.line(indent, it.BlankBefore, "- "+it.Value.Raw)
		default:
			p.line(indent, it.BlankBefore, "-")
		}
	}
	p.comments(l.Trailing, indent)
}

// keyValue is "key: value", or "key:" when nothing follows the colon.
func keyValue(e *parser.Entry) string {
	if e.Value == nil {
		return e.Key.Raw + ":"
	}
	return e.Key.Raw + ": " + e.Value.Raw
}
