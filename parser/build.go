package parser

import (
	"fmt"
	"sort"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"
)

// builder rebuilds the nesting of a manifest from its lines, one line at a
// time, in a single pass: a stack holds the blocks that are open, and each
// line's indentation says which of them it continues.
type builder struct {
	src      string
	diags    Diagnostics
	root     *Mapping
	stack    []frame    // open blocks, outermost first; columns strictly increase
	pending  opener     // the previous line's entry or item, when it may open a block
	comments []*Comment // comment lines waiting for the entry or item that follows
	blank    bool       // a blank line came since the last entry, item or comment
	lastLine int        // the number of the last line that was not blank
	last     Pos        // the end of the last line placed in the tree
	free     nodes
	kv       [2]lexer.Token // the key and the value of the line's entry (split)
}

// frame is an open block.
type frame struct {
	col   int    // the indentation of the block's lines, 0-based
	block Block  // *Mapping or *List
	owner ender  // the entry or item that holds the block; nil for the top level
	wide  bool   // a list written at the column of its key, YAML's compact style
	loose bool   // col comes from a tab-indented line: the next clean line may correct it
	alias int    // a misaligned column already reported and read as this block's, or -1
	why   string // the message given for lines at alias
}

// opener is an entry or item with nothing after its colon or dash, which
// the lines below may give a block.
type opener struct {
	entry *Entry
	item  *Item
	col   int // the column of the key or dash: the block must be deeper
}

// ender is a node whose end is known only when its block closes.
type ender interface{ setEnd(Pos) }

func (e *Entry) setEnd(p Pos) { e.end = p }
func (it *Item) setEnd(p Pos) { it.end = p }

// parts is a line taken apart: its tokens by type, an entry token taken
// apart into its key (with the colon) and its value.
type parts struct {
	toks                            []lexer.Token
	dash, comment, key, value, text *lexer.Token
	col                             int  // 0-based column of the first non-blank byte
	tabbed                          bool // a tab makes col meaningless; it was reported
}

func newBuilder(src string) *builder {
	root := &Mapping{}
	return &builder{src: src, root: root, stack: []frame{{col: -1, block: root, alias: -1}}}
}

// split takes the line of toks apart into p. The key and the value of an
// entry are held in b.kv until the next line.
func (b *builder) split(p *parts, toks []lexer.Token) {
	p.toks = toks
	for i := range toks {
		t := &toks[i]
		switch t.Type {
		case tokDash:
			p.dash = t
		case tokComment:
			p.comment = t
		case tokEntry:
			colon, v := splitEntry(t.Value)
			b.kv[0] = lexer.Token{Value: t.Value[:colon+1], Pos: t.Pos}
			b.kv[1] = lexer.Token{Value: t.Value[v:], Pos: t.Pos}
			b.kv[1].Pos.Offset += v
			b.kv[1].Pos.Column += v
			p.key, p.value = &b.kv[0], &b.kv[1]
		case tokText:
			p.text = t
		}
	}
	p.col = toks[0].Pos.Column - 1
}

// keyText returns the key of an entry's key token, without the blanks and
// the colon that end it.
func keyText(t *lexer.Token) string {
	return strings.TrimRight(t.Value[:len(t.Value)-1], " \t\r")
}

func pos(t *lexer.Token) Pos {
	return Pos{Offset: t.Pos.Offset, Line: t.Pos.Line, Col: t.Pos.Column}
}

func endOf(t *lexer.Token) Pos { return pos(t).Advance(len(t.Value)) }

func (b *builder) report(start, end Pos, format string, args ...any) {
	b.diags = append(b.diags, Diagnostic{
		Start: start, End: end, Severity: SeverityError, Rule: RuleSyntax,
		Message: fmt.Sprintf(format, args...),
	})
}

// line adds one line of the source that is not blank.
func (b *builder) line(toks []lexer.Token) {
	var p parts
	b.split(&p, toks)
	if n := toks[0].Pos.Line; n > b.lastLine+1 {
		b.blank = true
	}
	b.lastLine = toks[0].Pos.Line
	p.tabbed = b.checkTabs(&p)
	switch {
	case p.comment != nil:
		b.comments = append(b.comments, &Comment{Text: p.comment.Value, BlankBefore: b.blank, start: pos(p.comment)})
		b.blank = false
	case p.dash == nil && p.text != nil:
		b.malformed(p.text)
	default:
		b.content(&p)
	}
}

// content adds an entry or item line.
func (b *builder) content(p *parts) {
	c := p.col
	if o := b.pending; o.entry != nil || o.item != nil {
		b.pending = opener{}
		if c > o.col || (c == o.col && p.dash != nil && o.entry != nil) {
			b.open(o.entry, o.item, c, p.dash != nil, c == o.col)
			b.stack[len(b.stack)-1].loose = p.tabbed
			b.place(p)
			return
		}
	}
	if p.tabbed && b.stack[0].col >= 0 {
		// The tab was reported, and its width is anyone's guess: unless the
		// column is exactly that of an open block, read the line as the next
		// one of the block the line above is in.
		if i := b.column(c, p.dash != nil); i >= 0 {
			b.closeAbove(i)
		}
		b.place(p)
		return
	}
	i := b.enclosing(c, p.dash != nil)
	top := &b.stack[i]
	switch {
	case top.col < 0: // the first entry of the file sets the top-level column
		top.col = c
	case c == top.col:
	case c == top.alias:
		b.report(b.startOf(p), b.endOf(p), "%s", top.why)
	case top.loose && i == len(b.stack)-1 && c > top.col:
		// The block's column came from a tab-indented line; this line, the
		// first one indented with spaces, says what it was meant to be.
		top.col, top.loose = c, false
	case i+1 < len(b.stack):
		// Between the column of an open block and the next one out: read the
		// line as part of the nearer of the two.
		outer, inner := top.col, b.stack[i+1].col
		why := fmt.Sprintf("indentation of %d does not match any enclosing block (expected %d or %d)", c, outer, inner)
		if inner-c <= c-outer { // a tie keeps the block the lines above are in
			i++
			top = &b.stack[i]
		}
		top.alias, top.why = c, why
		b.report(b.startOf(p), b.endOf(p), "%s", why)
	default: // deeper than its block, yet the line above opened none
		b.deeper(p, top)
		return
	}
	b.closeAbove(i)
	b.place(p)
}

// closeAbove closes the blocks above index i of the stack.
func (b *builder) closeAbove(i int) {
	for len(b.stack)-1 > i {
		b.pop()
	}
}

// column returns the index of the innermost open block whose column is
// exactly c, or -1; a YAML-style list counts only for an item. Columns
// never decrease up the stack, so this is a binary search: a tab-indented
// line must not cost a walk down a deep stack.
func (b *builder) column(c int, item bool) int {
	i := sort.Search(len(b.stack), func(i int) bool { return b.stack[i].col > c }) - 1
	for ; i >= 0 && b.stack[i].col == c; i-- {
		if !b.stack[i].wide || item {
			return i
		}
	}
	return -1
}

// enclosing returns the index in the stack of the block a line at column
// c continues: the innermost whose column (or misaligned column already
// reported) is at most c. A YAML-style list at column c itself encloses
// only items. The walk is paid for by the blocks the line closes.
func (b *builder) enclosing(c int, item bool) int {
	i := len(b.stack) - 1
	for i > 0 {
		f := &b.stack[i]
		if f.alias == c || f.col < c || (f.col == c && (!f.wide || item)) {
			break
		}
		i--
	}
	return i
}

// pop closes the innermost open block. The waiting comments indented at
// least as deep as the block's lines are its trailing comments; for a list
// written at its key's column, only those indented deeper, since a comment
// at that column may as well be about the key after it.
func (b *builder) pop() {
	f := b.stack[len(b.stack)-1]
	deepEnough := func(c *Comment) bool {
		col := c.Pos().Col - 1
		return col > f.col || col == f.col && !f.wide
	}
	n := 0
	for n < len(b.comments) && deepEnough(b.comments[n]) {
		n++
	}
	if n > 0 {
		trailing := append([]*Comment(nil), b.comments[:n]...)
		b.comments = b.comments[n:]
		b.last = trailing[len(trailing)-1].End()
		switch blk := f.block.(type) {
		case *Mapping:
			blk.Trailing = trailing
		case *List:
			blk.Trailing = trailing
		}
	}
	setBlockEnd(f.block, b.last)
	if f.owner != nil {
		f.owner.setEnd(b.last)
	}
	b.stack = b.stack[:len(b.stack)-1]
}

func setBlockEnd(blk Block, end Pos) {
	switch blk := blk.(type) {
	case *Mapping:
		blk.end = end
	case *List:
		blk.end = end
	}
}

// deeper handles a line indented deeper than its block although the line
// above it opened no block: "key: value" followed by an indented line. The
// error is reported once, and the indented lines become the block of the
// entry or item above, so the rest of the tree stays right.
func (b *builder) deeper(p *parts, top *frame) {
	var entry *Entry
	var item *Item
	switch blk := top.block.(type) {
	case *Mapping:
		if n := len(blk.Entries); n > 0 {
			entry = blk.Entries[n-1]
		}
	case *List:
		if n := len(blk.Items); n > 0 {
			item = blk.Items[n-1]
		}
	}
	switch {
	case entry != nil && entry.Block == nil:
		d := Diagnostic{
			Start: b.startOf(p), End: b.endOf(p), Severity: SeverityError, Rule: RuleSyntax,
			Message: fmt.Sprintf("key %s has both a value and an indented block", quoteShort(entry.Key.Name)),
		}
		if entry.Value != nil {
			d.Related = []Related{{Start: entry.Value.Pos(), End: entry.Value.End(), Message: fmt.Sprintf("the value of %s", quoteShort(entry.Key.Name))}}
		}
		b.diags = append(b.diags, d)
		b.open(entry, nil, p.col, p.dash != nil, false)
	case item != nil && item.Block == nil:
		b.report(b.startOf(p), b.endOf(p), "list item has both a value and an indented block")
		b.open(nil, item, p.col, p.dash != nil, false)
	default:
		top.alias = p.col
		top.why = fmt.Sprintf("unexpected indentation of %d (expected %d)", p.col, top.col)
		b.report(b.startOf(p), b.endOf(p), "%s", top.why)
	}
	b.place(p)
}

// open starts a block at column c for the entry or item, holding a list
// when its first line is an item.
func (b *builder) open(entry *Entry, item *Item, c int, list, wide bool) {
	var blk Block = alloc(&b.free.mappings)
	if list {
		blk = &List{}
	}
	f := frame{col: c, block: blk, wide: wide, alias: -1}
	if entry != nil {
		entry.Block, f.owner = blk, entry
	} else {
		item.Block, f.owner = blk, item
	}
	b.stack = append(b.stack, f)
}

// place adds the line to the innermost open block.
func (b *builder) place(p *parts) {
	f := &b.stack[len(b.stack)-1]
	switch blk := f.block.(type) {
	case *Mapping:
		if p.dash != nil {
			if blk == b.root {
				b.report(pos(p.dash), endOf(p.dash), "list item at the top level; a manifest is made of \"key: value\" entries")
			} else {
				b.report(pos(p.dash), endOf(p.dash), "expected \"key: value\" here, found a list item")
			}
			return
		}
		e := b.entry(p)
		e.Comments, e.BlankBefore = b.takeComments()
		b.add(blk, nil, e, nil)
		if e.Value == nil {
			b.pending = opener{entry: e, col: p.col}
		}
	case *List:
		if p.dash == nil {
			b.report(pos(p.key), endOf(p.key), "expected a list item (\"- …\") here, found key %s", quoteShort(keyText(p.key)))
			return
		}
		it := alloc(&b.free.items)
		*it = Item{Dash: pos(p.dash), end: endOf(p.dash)}
		it.Comments, it.BlankBefore = b.takeComments()
		b.add(nil, blk, nil, it)
		switch {
		case p.key != nil:
			e := b.entry(p)
			m := alloc(&b.free.mappings)
			it.Block = m
			b.add(m, nil, e, nil)
			b.stack = append(b.stack, frame{col: p.key.Pos.Column - 1, block: m, owner: it, alias: -1})
			if e.Value == nil {
				b.pending = opener{entry: e, col: p.key.Pos.Column - 1}
			}
		case p.text.Value != "":
			it.Value = b.scalar(p.text, "value")
			it.end = it.Value.End()
		default:
			b.pending = opener{item: it, col: p.col}
		}
	}
	b.last = b.endOf(p)
}

// add appends an entry to a mapping or an item to a list, starting the
// block's span at its first line.
func (b *builder) add(m *Mapping, l *List, e *Entry, it *Item) {
	if m != nil {
		if len(m.Entries) == 0 {
			m.start = e.Pos()
			m.Entries = carve(&b.free.entryPtrs, blockCap)
		}
		m.Entries = append(m.Entries, e)
		m.end = e.end
		return
	}
	if len(l.Items) == 0 {
		l.start = it.Pos()
		l.Items = carve(&b.free.itemPtrs, blockCap)
	}
	l.Items = append(l.Items, it)
	l.end = it.end
}

func (b *builder) takeComments() ([]*Comment, bool) {
	c, blank := b.comments, b.blank
	b.comments, b.blank = nil, false
	return c, blank
}

// entry makes the entry of a line that has a key.
func (b *builder) entry(p *parts) *Entry {
	raw := keyText(p.key)
	k := alloc(&b.free.keys)
	*k = Key{Raw: raw, Name: raw, start: pos(p.key)}
	if q := k.Raw[0]; q == '"' || q == '\'' {
		k.Quote = q
		if name, problem := unquote(k.Raw, "key"); problem != nil {
			b.reportQuote(k.start, problem)
		} else {
			k.Name = name
		}
	}
	colon := endOf(p.key).Advance(-1)
	e := alloc(&b.free.entries)
	*e = Entry{Key: k, Colon: colon, end: colon.Advance(1)}
	if p.value.Value != "" {
		e.Value = b.scalar(p.value, "value")
		e.end = e.Value.End()
	}
	return e
}

// scalar makes the scalar of a value or item token, decoding quotes.
func (b *builder) scalar(t *lexer.Token, what string) *Scalar {
	s := alloc(&b.free.scalars)
	*s = Scalar{Raw: t.Value, Text: t.Value, start: pos(t)}
	if q := s.Raw[0]; q == '"' || q == '\'' {
		if text, problem := unquote(s.Raw, what); problem != nil {
			b.reportQuote(s.start, problem)
		} else {
			s.Text, s.Quote = text, q
		}
	}
	return s
}

func (b *builder) reportQuote(start Pos, p *quoteProblem) {
	b.report(start.Advance(p.start), start.Advance(p.end), "%s", p.msg)
}

// startOf and endOf give the span of a content line, from its dash or key
// to the end of its content.
func (b *builder) startOf(p *parts) Pos { return pos(&p.toks[0]) }

func (b *builder) endOf(p *parts) Pos {
	i := len(p.toks) - 1
	for i > 0 && p.toks[i].Value == "" { // an empty value or text ends no line
		i--
	}
	return endOf(&p.toks[i])
}

// finish closes every block at the end of the source.
func (b *builder) finish(end Pos) *Mapping {
	for len(b.stack) > 1 {
		b.pop()
	}
	root := b.root
	if len(b.comments) > 0 {
		root.Trailing = b.comments
		b.comments = nil
		b.last = root.Trailing[len(root.Trailing)-1].End()
	}
	switch {
	case len(root.Entries) > 0:
	case len(root.Trailing) > 0:
		root.start = root.Trailing[0].Pos()
	default:
		root.start = end
		b.last = end
	}
	root.end = b.last
	return root
}
