package cli

import (
	"io"

	"github.com/iekit/iekit/lint"
)

var explainCommand = &command{
	name:    "explain",
	summary: "explain a rule",
	usage: `usage: ie explain RULE

Explain prints a rule's documentation, a lint rule's or the request
decoder's: what it reports and why, with a fragment to avoid and the one
to prefer.
`,
	run: runExplain,
}

func runExplain(e *env, args []string) int {
	args, code, ok := e.parse(args, 1, 1)
	if !ok {
		return code
	}
	r := ruleDoc(args[0])
	if r == nil {
		return e.fail(ExitUsage, "unknown rule %q%s\nRun 'ie rules' for the list.", args[0], lint.DidYouMean(args[0], ruleNames()))
	}
	if _, err := io.WriteString(e.stdout, r.Help()); err != nil {
		return e.fail(ExitUsage, "writing the output: %v", err)
	}
	return ExitOK
}
