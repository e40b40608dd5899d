package parser

// Node is any part of the tree. Pos is the first byte of the node, End the
// position just past its last byte. The comments attached in front of an
// Entry or an Item lie before its Pos, like doc comments in Go.
type Node interface {
	Pos() Pos
	End() Pos
}

// Block is what a key or a list item can hold below it: a *Mapping or a
// *List.
type Block interface {
	Node
	block()
}

// File is a parsed manifest.
type File struct {
	Name string
	BOM  bool     // the source starts with a UTF-8 byte order mark
	Body *Mapping // the top-level entries; never nil
	end  Pos
}

// Mapping is a block of "key: value" entries.
type Mapping struct {
	Entries  []*Entry
	Trailing []*Comment // comments after the last entry that belong to this block
	start    Pos
	end      Pos
}

// List is a block of "- …" items.
type List struct {
	Items    []*Item
	Trailing []*Comment
	start    Pos
	end      Pos
}

// Entry is "key: value", or "key:" opening a block on the lines below.
type Entry struct {
	Comments    []*Comment // the comment lines directly before the entry
	BlankBefore bool       // a blank line separates the entry from what precedes it
	Key         *Key
	Colon       Pos
	Value       *Scalar // nil when nothing follows the colon
	Block       Block   // nil unless more-indented lines follow
	end         Pos
}

// Item is one "- …" element of a list: a scalar ("- text"), a mapping
// ("- key: value" and the keys aligned under it), or "-" alone, which may
// open a block on the lines below.
type Item struct {
	Comments    []*Comment
	BlankBefore bool
	Dash        Pos
	Value       *Scalar // "- text"; nil otherwise
	Block       Block   // the mapping of "- key: value", or a block below "-"
	end         Pos
}

// Key is the key of an entry as written, with its quotes if it has any.
type Key struct {
	Raw   string // the text as written
	Name  string // the key itself, with quotes removed and escapes decoded
	Quote byte   // '"' or '\'' for a quoted key, 0 otherwise
	start Pos
}

// Scalar is a value: the text after a colon, or a list item's text.
// Leading and trailing blanks are not part of it.
type Scalar struct {
	Raw   string // the text as written
	Text  string // the value: Raw without its quotes, escapes decoded
	Quote byte   // '"' or '\'' for a quoted scalar, 0 otherwise
	start Pos
}

// Comment is a comment line, from "#" to the end of the line without
// trailing blanks.
type Comment struct {
	Text        string // starts with "#"
	BlankBefore bool   // a blank line separates the comment from what precedes it
	start       Pos
}

func (*Mapping) block() {}
func (*List) block()    {}

// Pos returns the start of the file, past any BOM.
func (f *File) Pos() Pos {
	if f.BOM {
		return Pos{Offset: len(bom), Line: 1, Col: 1}
	}
	return Pos{Line: 1, Col: 1}
}

// End returns the end of the source.
func (f *File) End() Pos { return f.end }

func (m *Mapping) Pos() Pos { return m.start }
func (m *Mapping) End() Pos { return m.end }
func (l *List) Pos() Pos    { return l.start }
func (l *List) End() Pos    { return l.end }
func (e *Entry) Pos() Pos   { return e.Key.start }
func (e *Entry) End() Pos   { return e.end }
func (it *Item) Pos() Pos   { return it.Dash }
func (it *Item) End() Pos   { return it.end }
func (k *Key) Pos() Pos     { return k.start }
func (k *Key) End() Pos     { return k.start.Advance(len(k.Raw)) }
func (s *Scalar) Pos() Pos  { return s.start }
func (s *Scalar) End() Pos  { return s.start.Advance(len(s.Raw)) }
func (c *Comment) Pos() Pos { return c.start }
func (c *Comment) End() Pos { return c.start.Advance(len(c.Text)) }

// Lookup returns the first entry of m whose key is name, or nil.
func (m *Mapping) Lookup(name string) *Entry {
	for _, e := range m.Entries {
		if e.Key.Name == name {
			return e
		}
	}
	return nil
}
