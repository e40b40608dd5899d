package cli

import (
	"fmt"
	"slices"
	"text/tabwriter"

	"github.com/iekit/iekit/lint"
	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/request"
)

var rulesCommand = &command{
	name:    "rules",
	summary: "list the lint rules and the request decoder's",
	usage: `usage: ie rules

Rules lists every lint rule: its name, its default severity and what it
reports; then, in their own section, the rules of the request decoder,
which "ie decode" reports. "ie explain RULE" tells more about one.
`,
	run: runRules,
}

func runRules(e *env, args []string) int {
	if _, code, ok := e.parse(args, 0, 0); !ok {
		return code
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 8, 2, ' ', 0)
	for _, r := range lint.Rules {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", r.Name, r.Severity, r.Summary)
	}
	fmt.Fprint(tw, "\nRequest rules (ie decode):\n\n")
	for _, r := range request.Rules {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", r.Name, r.Severity, r.Summary)
	}
	if err := tw.Flush(); err != nil {
		return e.fail(ExitUsage, "writing the output: %v", err)
	}
	return ExitOK
}

// ruleDoc returns the documentation of the rule named name, a lint rule
// or the request decoder's, or nil.
func ruleDoc(name string) *parser.RuleDoc {
	if r := lint.Lookup(name); r != nil {
		return r.RuleDoc()
	}
	if name == lint.BaselineRule.Name {
		return lint.BaselineRule
	}
	return request.LookupRule(name)
}

// ruleNames returns the names of every rule: lint's, then the request
// decoder's.
func ruleNames() []string {
	names := slices.Clone(lint.RuleNames())
	for _, r := range request.Rules {
		names = append(names, r.Name)
	}
	return names
}
