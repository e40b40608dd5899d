package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/iekit/iekit/internal/cli"
	"github.com/iekit/iekit/lint"
)

var rulesCommand = &command{
	name:    "rules",
	summary: "list the lint rules",
	usage: `usage: ie rules

Rules lists every lint rule: its name, its default severity and what it
reports. "ie explain RULE" tells more about one.
`,
	run: func(args []string, std stdio) int {
		if len(args) > 0 {
			fmt.Fprint(std.err, "usage: ie rules\n")
			return cli.ExitUsage
		}
		tw := tabwriter.NewWriter(std.out, 0, 8, 2, ' ', 0)
		for _, r := range lint.Rules {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", r.Name, r.Severity, r.Summary)
		}
		tw.Flush()
		return cli.ExitOK
	},
}

var explainCommand = &command{
	name:    "explain",
	summary: "explain a lint rule",
	usage: `usage: ie explain RULE

Explain prints a rule's documentation: what it reports and why, with a
manifest fragment to avoid and the one to prefer.
`,
	run: func(args []string, std stdio) int {
		if len(args) != 1 {
			fmt.Fprint(std.err, "usage: ie explain RULE\n")
			return cli.ExitUsage
		}
		r := lint.Lookup(args[0])
		if r == nil {
			fmt.Fprintf(std.err, "ie: unknown rule %q%s\nRun 'ie rules' for the list.\n", args[0], lint.DidYouMean(args[0], lint.RuleNames()))
			return cli.ExitUsage
		}
		fmt.Fprint(std.out, r.Help())
		return cli.ExitOK
	},
}
