package cli

import (
	"fmt"
	"text/tabwriter"

	"github.com/iekit/iekit/lint"
)

var rulesCommand = &command{
	name:    "rules",
	summary: "list the lint rules",
	usage: `usage: ie rules

Rules lists every lint rule: its name, its default severity and what it
reports. "ie explain RULE" tells more about one.
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
	if err := tw.Flush(); err != nil {
		return e.fail(ExitUsage, "writing the output: %v", err)
	}
	return ExitOK
}
