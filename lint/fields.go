package lint

import (
	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

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
