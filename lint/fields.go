package lint

import (
	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// eachField calls visit for every entry whose place the schema knows: the
// top-level entries (in is nil), and the fields of the blocks the schema
// describes (returnAddress, customs, and each operations item, with in set
// to that option). It does not descend into free mappings such as
// contentTypes, nor under keys the schema does not know.
func eachField(top *parser.Mapping, visit func(e *parser.Entry, in *schema.Option)) {
	for _, e := range top.Entries {
		visit(e, nil)
		o := schema.Lookup(e.Key.Name)
		if o == nil {
			continue
		}
		for _, m := range blockMappings(e, o) {
			for _, f := range m.Entries {
				visit(f, o)
			}
		}
	}
}

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

// optionOf returns the option an entry stands for: a top-level option when
// in is nil, a field of in otherwise; nil when the schema has none.
func optionOf(e *parser.Entry, in *schema.Option) *schema.Option {
	if in == nil {
		return schema.Lookup(e.Key.Name)
	}
	return in.Field(e.Key.Name)
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
