package format

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/iekit/iekit/parser"
)

// Verify checks that out is a faithful canonical form of src: it parses
// without syntax errors, holds the same data (keys, values, order) and the
// same comments in the same order, and formats to itself. Every write of
// formatted text checks this first.
func Verify(src, out []byte) error {
	before, diags := parser.Parse("", src)
	if diags.HasErrors() {
		return &SyntaxError{Diagnostics: diags}
	}
	after, diags := parser.Parse("", out)
	if diags.HasErrors() {
		return fmt.Errorf("the formatted text does not parse: %v", diags[0])
	}
	if Data(before) != Data(after) {
		return fmt.Errorf("the formatted text holds different data")
	}
	if a, b := comments(before), comments(after); a != b {
		return fmt.Errorf("the formatted text has different comments")
	}
	again, _ := print(after)
	if !bytes.Equal(again, out) {
		return fmt.Errorf("the formatted text does not format to itself")
	}
	return nil
}

// Data renders the data of a manifest, one line per key or item with its
// path, for comparing two manifests: keys and values byte for byte as
// written (quotes included), in order.
func Data(f *parser.File) string {
	var b strings.Builder
	var block func(path string, blk parser.Block)
	value := func(path string, v *parser.Scalar, blk parser.Block) {
		switch {
		case blk != nil:
			block(path, blk)
		case v != nil:
			fmt.Fprintf(&b, "%s = %q\n", path, v.Raw)
		default:
			fmt.Fprintf(&b, "%s = \"\"\n", path)
		}
	}
	block = func(path string, blk parser.Block) {
		switch blk := blk.(type) {
		case *parser.Mapping:
			for _, e := range blk.Entries {
				value(path+"/"+fmt.Sprintf("%q", e.Key.Raw), e.Value, e.Block)
			}
		case *parser.List:
			for i, it := range blk.Items {
				value(fmt.Sprintf("%s[%d]", path, i), it.Value, it.Block)
			}
		}
	}
	block("", f.Body)
	return b.String()
}

// comments lists the comment texts of a manifest in order.
func comments(f *parser.File) string {
	var b strings.Builder
	parser.Inspect(f, func(n parser.Node) bool {
		if c, ok := n.(*parser.Comment); ok {
			b.WriteString(c.Text + "\n")
		}
		return true
	})
	return b.String()
}
