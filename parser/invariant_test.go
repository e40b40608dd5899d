package parser

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// TestInvariants checks the structural promises of the tree on every corpus
// manifest. (TestEdgeCases checks them on the edge cases.)
func TestInvariants(t *testing.T) {
	for _, c := range corpus(t) {
		if err := invariants(c.src); err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}

// invariants parses src and checks that
//   - every span lies inside the source and its line and column agree with
//     its offset;
//   - every child lies inside its parent, and comments in front of an entry
//     or item lie between its previous sibling and itself;
//   - comments, keys and values come in source order without overlapping;
//   - every non-blank line belongs to exactly one entry, item or comment,
//     or else to a diagnostic;
//   - diagnostics are sorted and their spans are valid too.
func invariants(src []byte) error {
	f, diags := Parse("x.manifest", src)
	text := string(src)
	posAt := lineIndex(text)
	checkPos := func(what string, p Pos) error {
		if p.Offset < 0 || p.Offset > len(text) {
			return fmt.Errorf("%s: offset %d outside [0, %d]", what, p.Offset, len(text))
		}
		if want := posAt(p.Offset); p != want {
			return fmt.Errorf("%s: position %+v, want %+v", what, p, want)
		}
		return nil
	}
	checkSpan := func(what string, start, end Pos) error {
		if err := checkPos(what+" start", start); err != nil {
			return err
		}
		if err := checkPos(what+" end", end); err != nil {
			return err
		}
		if end.Offset < start.Offset {
			return fmt.Errorf("%s: ends at %d before it starts at %d", what, end.Offset, start.Offset)
		}
		return nil
	}

	var errs []error
	var stack []Node
	owners := map[int]int{} // line -> number of nodes that own it
	lastLeaf := -1          // end offset of the last comment, key or scalar
	Inspect(f, func(n Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		what := fmt.Sprintf("%T at %s", n, n.Pos())
		if err := checkSpan(what, n.Pos(), n.End()); err != nil {
			errs = append(errs, err)
		}
		if len(stack) > 0 {
			parent := stack[len(stack)-1]
			_, isComment := n.(*Comment)
			_, inBlock := parent.(Block)
			// Leading comments of an entry or item lie before it; the rest of
			// its children, and a block's trailing comments, lie inside.
			if !isComment || inBlock {
				if n.Pos().Offset < parent.Pos().Offset || n.End().Offset > parent.End().Offset {
					errs = append(errs, fmt.Errorf("%s: span %s-%s outside its parent %T %s-%s",
						what, n.Pos(), n.End(), parent, parent.Pos(), parent.End()))
				}
			} else if n.End().Offset > parent.Pos().Offset {
				errs = append(errs, fmt.Errorf("%s: leading comment after its %T", what, parent))
			}
		}
		// Lines are owned by comments, keys, and the dashes of items
		// (the line of "- key: value" belongs to the item).
		switch n := n.(type) {
		case *Comment:
			owners[n.Pos().Line]++
		case *Key:
			// stack ends with the key's entry, its mapping, and maybe an item.
			if item, ok := ancestor(stack, 3).(*Item); !ok || item.Dash.Line != n.Pos().Line {
				owners[n.Pos().Line]++
			}
		case *Item:
			owners[n.Dash.Line]++
			if len(n.Comments) > 0 && n.Comments[len(n.Comments)-1].End().Offset > n.Dash.Offset {
				errs = append(errs, fmt.Errorf("%s: comment after its dash", what))
			}
		}
		// The leaves come in source order without overlapping.
		switch n.(type) {
		case *Comment, *Key, *Scalar:
			if n.Pos().Offset < lastLeaf {
				errs = append(errs, fmt.Errorf("%s: out of source order", what))
			}
			lastLeaf = n.End().Offset
		}
		stack = append(stack, n)
		return true
	})

	diagLines := map[int]bool{}
	for i, d := range diags {
		if err := checkSpan("diagnostic "+d.Message, d.Start, d.End); err != nil {
			errs = append(errs, err)
		}
		if i > 0 && compareDiagnostics(diags[i-1], d) > 0 {
			errs = append(errs, fmt.Errorf("diagnostics out of order at %d", i))
		}
		if d.Severity == SeverityInvalid || d.Rule != RuleSyntax || d.Message == "" {
			errs = append(errs, fmt.Errorf("diagnostic %+v: missing severity, rule or message", d))
		}
		if strings.Contains(d.Message, "internal error") {
			errs = append(errs, fmt.Errorf("diagnostic %q", d.Message))
		}
		for l := d.Start.Line; l <= d.End.Line; l++ {
			diagLines[l] = true
		}
	}

	start := f.Pos().Offset
	for n, l := range strings.SplitAfter(text[start:], "\n") {
		line := n + 1
		if strings.Trim(l, " \t\r\n") == "" {
			continue
		}
		switch c := owners[line]; {
		case c > 1:
			errs = append(errs, fmt.Errorf("line %d belongs to %d nodes", line, c))
		case c == 0 && !diagLines[line]:
			errs = append(errs, fmt.Errorf("line %d belongs to no node and no diagnostic", line))
		}
	}
	if len(errs) > 5 {
		errs = append(errs[:5], fmt.Errorf("and %d more", len(errs)-5))
	}
	if len(errs) > 0 {
		msgs := make([]string, len(errs))
		for i, e := range errs {
			msgs[i] = e.Error()
		}
		return fmt.Errorf("%s", strings.Join(msgs, "\n\t"))
	}
	return nil
}

// ancestor returns the node n levels up the stack, or nil.
func ancestor(stack []Node, n int) Node {
	if len(stack) < n {
		return nil
	}
	return stack[len(stack)-n]
}

// lineIndex returns a function giving the position of an offset in src,
// computed independently of the parser: lines start after each "\n", and a
// BOM does not count as a column.
func lineIndex(src string) func(offset int) Pos {
	first := 0
	if strings.HasPrefix(src, bom) {
		first = len(bom)
	}
	starts := []int{first}
	for i := first; i < len(src); i++ {
		if src[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return func(offset int) Pos {
		line := sort.Search(len(starts), func(i int) bool { return starts[i] > offset })
		return Pos{Offset: offset, Line: line, Col: offset - starts[line-1] + 1}
	}
}
