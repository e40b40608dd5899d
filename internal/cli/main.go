package cli

import (
	"fmt"
	"io"
	"runtime/debug"
)

// commands lists every subcommand of ie, in the order "ie help" shows them.
var commands = []*command{
	lintCommand,
	fmtCommand,
	encodeCommand,
	decodeCommand,
	lspCommand,
	rulesCommand,
	explainCommand,
	jsonCommand,
	completionCommand,
	versionCommand,
}

func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// Main runs the ie command line args (without the program name) and
// returns the exit status. A panic is reported as an internal error, not
// a crash.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer recoverInternal("ie", stderr, &code)
	if len(args) == 0 {
		writeOverview(stderr)
		return ExitUsage
	}
	name, rest := args[0], args[1:]
	switch name {
	case "help", "-h", "-help", "--help":
		return runHelp(newEnv("ie help", helpCommand, stdin, stdout, stderr), rest)
	case "-version", "--version":
		name = "version"
	}
	c := lookup(name)
	if c == nil {
		fmt.Fprintf(stderr, "ie: unknown command %q\nRun 'ie help' for the list of commands.\n", name)
		return ExitUsage
	}
	return c.run(newEnv("ie "+c.name, c, stdin, stdout, stderr), rest)
}

// FmtMain runs the iefmt command line args (without the program name) and
// returns the exit status: "ie fmt" under its own name.
func FmtMain(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer recoverInternal("iefmt", stderr, &code)
	if len(args) == 1 && (args[0] == "-version" || args[0] == "--version") {
		return versionCommand.run(newEnv("iefmt", versionCommand, stdin, stdout, stderr), nil)
	}
	c := &command{name: "iefmt", usage: fmtUsage("iefmt"), run: runFmt}
	return c.run(newEnv("iefmt", c, stdin, stdout, stderr), args)
}

// recoverInternal turns a panic into exit status 3 and a message with the
// stack, for a bug report.
func recoverInternal(name string, stderr io.Writer, code *int) {
	if r := recover(); r != nil {
		fmt.Fprintf(stderr, "%s: internal error: %v\n%s", name, r, debug.Stack())
		*code = ExitInternal
	}
}
