package parser

// Visitor's Visit is called for each node by Walk. If it returns a non-nil
// visitor w, Walk visits the node's children with w, then calls
// w.Visit(nil).
type Visitor interface {
	Visit(n Node) (w Visitor)
}

// Walk traverses the tree rooted at n in source order: an entry's or an
// item's comments come first, then its key, value and block; a block's
// trailing comments come after its entries or items.
func Walk(v Visitor, n Node) {
	if v = v.Visit(n); v == nil {
		return
	}
	switch n := n.(type) {
	case *File:
		Walk(v, n.Body)
	case *Mapping:
		for _, e := range n.Entries {
			Walk(v, e)
		}
		walkComments(v, n.Trailing)
	case *List:
		for _, it := range n.Items {
			Walk(v, it)
		}
		walkComments(v, n.Trailing)
	case *Entry:
		walkComments(v, n.Comments)
		Walk(v, n.Key)
		if n.Value != nil {
			Walk(v, n.Value)
		}
		if n.Block != nil {
			Walk(v, n.Block)
		}
	case *Item:
		walkComments(v, n.Comments)
		if n.Value != nil {
			Walk(v, n.Value)
		}
		if n.Block != nil {
			Walk(v, n.Block)
		}
	}
	v.Visit(nil)
}

func walkComments(v Visitor, list []*Comment) {
	for _, c := range list {
		Walk(v, c)
	}
}

type inspector func(Node) bool

func (f inspector) Visit(n Node) Visitor {
	if f(n) {
		return f
	}
	return nil
}

// Inspect traverses the tree rooted at n in source order, calling f for each
// node and, after a node's children, f(nil). If f returns false, the node's
// children are skipped.
func Inspect(n Node, f func(Node) bool) {
	Walk(inspector(f), n)
}
