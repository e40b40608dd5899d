package cli

import (
	"io"

	"github.com/iekit/iekit/lint"
	"github.com/iekit/iekit/schema"
)

var explainCommand = &command{
	name:    "explain",
	summary: "explain a rule or a service error code",
	usage: `usage: ie explain RULE|CODE

Explain prints a rule's documentation, a lint rule's or the request
decoder's: what it reports and why, the service error codes it
anticipates, and a fragment to avoid beside the one to prefer.

Given an error code of the Import/Export service, such as
MissingCustomsException, it says what the service means by it and which
rules anticipate it offline, or why only the service can tell.
`,
	run: runExplain,
}

func runExplain(e *env, args []string) int {
	args, code, ok := e.parse(args, 1, 1)
	if !ok {
		return code
	}
	if se := schema.LookupServiceError(args[0]); se != nil {
		if _, err := io.WriteString(e.stdout, serviceErrorHelp(se)); err != nil {
			return e.fail(ExitUsage, "writing the output: %v", err)
		}
		return ExitOK
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
