package main

import (
	"fmt"
	"io"
	"runtime/debug"

	"github.com/iekit/iekit/internal/cli"
)

// stdio is what a command reads and writes.
type stdio struct {
	in       io.Reader
	out, err io.Writer
}

// command is one "ie" subcommand.
type command struct {
	name    string
	summary string // one line for "ie help"
	usage   string // the full help text, for "ie help NAME" and -h
	run     func(args []string, io stdio) int
}

// commands lists every subcommand, in the order "ie help" shows them.
var commands = []*command{
	lintCommand,
	fmtCommand,
	encodeCommand,
	decodeCommand,
	lspCommand,
	rulesCommand,
	explainCommand,
	jsonCommand,
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

// run runs the command line args and returns the exit code. A panic is
// reported as an internal error rather than a crash.
func run(args []string, in io.Reader, out, errOut io.Writer) (code int) {
	std := stdio{in: in, out: out, err: errOut}
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(errOut, "ie: internal error: %v\n%s", r, debug.Stack())
			code = cli.ExitInternal
		}
	}()
	if len(args) == 0 {
		printUsage(errOut)
		return cli.ExitUsage
	}
	name, rest := args[0], args[1:]
	switch name {
	case "help", "-h", "-help", "--help":
		return help(rest, std)
	}
	c := lookup(name)
	if c == nil {
		fmt.Fprintf(errOut, "ie: unknown command %q\nRun 'ie help' for the list of commands.\n", name)
		return cli.ExitUsage
	}
	return c.run(rest, std)
}

func help(args []string, std stdio) int {
	switch {
	case len(args) == 0:
		printUsage(std.out)
		return cli.ExitOK
	case len(args) > 1:
		fmt.Fprintln(std.err, "usage: ie help [command]")
		return cli.ExitUsage
	}
	c := lookup(args[0])
	if c == nil {
		fmt.Fprintf(std.err, "ie: unknown command %q\nRun 'ie help' for the list of commands.\n", args[0])
		return cli.ExitUsage
	}
	fmt.Fprint(std.out, c.usage)
	return cli.ExitOK
}

func printUsage(w io.Writer) {
	fmt.Fprint(w, "ie checks AWS Import/Export manifest files.\n\nUsage:\n\n\tie <command> [arguments]\n\nThe commands are:\n\n")
	for _, c := range commands {
		fmt.Fprintf(w, "\t%-10s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\nRun 'ie help <command>' for more about a command.\n")
}
