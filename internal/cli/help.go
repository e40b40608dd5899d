package cli

import (
	"fmt"
	"io"
)

// helpCommand is not in the list of commands, which it prints.
var helpCommand = &command{
	name:    "help",
	summary: "list the commands, or explain one",
	usage: `usage: ie help [command]

Help lists the commands of ie, or prints the help of one, as "ie COMMAND
-h" does.
`,
	run: runHelp,
}

func runHelp(e *env, args []string) int {
	args, code, ok := e.parse(args, 0, 1)
	if !ok {
		return code
	}
	if len(args) == 0 {
		writeOverview(e.stdout)
		return ExitOK
	}
	if args[0] == "help" {
		e.help(e.stdout)
		return ExitOK
	}
	c := lookup(args[0])
	if c == nil {
		fmt.Fprintf(e.stderr, "ie: unknown command %q\nRun 'ie help' for the list of commands.\n", args[0])
		return ExitUsage
	}
	return c.run(newEnv("ie "+c.name, c, e.stdin, e.stdout, e.stderr), []string{"-h"})
}

// writeOverview writes what ie is and the list of its commands.
func writeOverview(w io.Writer) {
	fmt.Fprint(w, "ie checks AWS Import/Export manifest files.\n\nUsage:\n\n\tie <command> [arguments]\n\nThe commands are:\n\n")
	for _, c := range commands {
		fmt.Fprintf(w, "\t%-10s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\nRun 'ie help <command>' for more about a command.\n")
}
