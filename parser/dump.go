package parser

import (
	"fmt"
	"io"
	"strings"
)

// Dump writes a readable outline of the tree rooted at n, one node per
// line, indented by depth, each with its span as line:col-line:col. Golden
// tests compare it; people read it when debugging.
func Dump(w io.Writer, n Node) error {
	d := &dumper{w: w}
	Walk(dumpLevel{d, 0}, n)
	return d.err
}

type dumper struct {
	w   io.Writer
	err error
}

// dumpLevel visits nodes at one depth of the outline.
type dumpLevel struct {
	d     *dumper
	depth int
}

func (l dumpLevel) Visit(n Node) Visitor {
	if n == nil || l.d.err != nil {
		return nil
	}
	var b strings.Builder
	b.WriteString(strings.Repeat("  ", l.depth))
	fmt.Fprintf(&b, "%s %s-%s", nodeName(n), n.Pos(), n.End())
	switch n := n.(type) {
	case *File:
		if n.BOM {
			b.WriteString(" bom")
		}
	case *Entry:
		if n.BlankBefore {
			b.WriteString(" blank")
		}
	case *Item:
		if n.BlankBefore {
			b.WriteString(" blank")
		}
	case *Comment:
		fmt.Fprintf(&b, " %q", n.Text)
		if n.BlankBefore {
			b.WriteString(" blank")
		}
	case *Key:
		fmt.Fprintf(&b, " %q", n.Raw)
		if n.Quote != 0 {
			fmt.Fprintf(&b, " name=%q", n.Name)
		}
	case *Scalar:
		fmt.Fprintf(&b, " %q", n.Raw)
		if n.Quote != 0 {
			fmt.Fprintf(&b, " text=%q", n.Text)
		}
	}
	b.WriteByte('\n')
	if _, err := io.WriteString(l.d.w, b.String()); err != nil {
		l.d.err = err
		return nil
	}
	return dumpLevel{l.d, l.depth + 1}
}

func nodeName(n Node) string {
	switch n.(type) {
	case *File:
		return "File"
	case *Mapping:
		return "Mapping"
	case *List:
		return "List"
	case *Entry:
		return "Entry"
	case *Item:
		return "Item"
	case *Key:
		return "Key"
	case *Scalar:
		return "Scalar"
	case *Comment:
		return "Comment"
	}
	return fmt.Sprintf("%T", n)
}
