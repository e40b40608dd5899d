package lsp

import (
	"github.com/iekit/iekit/lint"
	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/request"
)

// ruleDoc returns the documentation of the rule named name, a lint rule
// or the request decoder's, or nil.
func ruleDoc(name string) *parser.RuleDoc {
	if r := lint.Lookup(name); r != nil {
		return r.RuleDoc()
	}
	return request.LookupRule(name)
}
