package lint

import (
	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// blockMappings returns the mappings that hold the fields of option o
// under entry e: its block for a Block, the mapping of each item for an
// OperationList.
func blockMappings(e *parser.Entry, o *schema.Option) []*parser.Mapping {
	switch o.Type {
	case schema.Block:
		if m, ok := e.Block.(*parser.Mapping); ok {
			return []*parser.Mapping{m}
		}
	case schema.OperationList:
		list, ok := e.Block.(*parser.List)
		if !ok {
			return nil
		}
		var ms []*parser.Mapping
		for _, it := range list.Items {
			if m, ok := it.Block.(*parser.Mapping); ok {
				ms = append(ms, m)
			}
		}
		return ms
	}
	return nil
}

// text returns the value of an entry, or "" when it has none.
func text(e *parser.Entry) string {
	if e == nil || e.Value == nil {
		return ""
	}
	return e.Value.Text
}

// names returns the names of options, for suggestions.
func names(options []*schema.Option) []string {
	out := make([]string, len(options))
	for i, o := range options {
		out[i] = o.Name
	}
	return out
}
