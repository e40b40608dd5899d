package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/iekit/iekit/internal/color"
	"github.com/iekit/iekit/internal/inputfile"
	"github.com/iekit/iekit/lint"
	"github.com/iekit/iekit/parser"
)

// stdinName is what messages call standard input, unless -stdin-filename
// names it.
const stdinName = "<stdin>"

// command is one subcommand of ie, or iefmt.
type command struct {
	name    string
	summary string // one line, for "ie help"
	usage   string // the help text; the flags' defaults follow it
	// run declares the command's flags on e.flags, parses the arguments
	// with e.parse, does the work and returns the exit status.
	run func(e *env, args []string) int
}

// env is one run of a command: its name as messages give it, its flags,
// and what it reads and writes.
type env struct {
	name    string // "ie lint", "iefmt"
	cmd     *command
	flags   *flag.FlagSet
	stdin   io.Reader
	stdout  io.Writer
	stderr  io.Writer
	maxSize inputfile.Limit // the cap on each input file; see maxSizeFlag
	color   color.Mode      // see colorFlag
}

func newEnv(name string, cmd *command, stdin io.Reader, stdout, stderr io.Writer) *env {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr) // where the flag package says what is wrong
	fs.Usage = func() {} // the help is printed by parse, to the right place
	return &env{name: name, cmd: cmd, flags: fs, stdin: stdin, stdout: stdout, stderr: stderr}
}

// redirect returns a copy of e that writes to stdout and stderr, such as
// the buffers of one of many files handled in parallel.
func (e *env) redirect(stdout, stderr io.Writer) *env {
	c := *e
	c.stdout, c.stderr = stdout, stderr
	return &c
}

// parse parses the flags, and checks that between min and max arguments
// follow them (max < 0: any number). It returns the arguments, or ok
// false and the exit status: asked for with -h, the help goes to standard
// output and the status is 0; after a usage error it goes to standard
// error and the status is 2.
func (e *env) parse(args []string, min, max int) (rest []string, code int, ok bool) {
	switch err := e.flags.Parse(args); {
	case err == flag.ErrHelp:
		e.help(e.stdout)
		return nil, ExitOK, false
	case err != nil: // the flag package has said what is wrong
		e.help(e.stderr)
		return nil, ExitUsage, false
	}
	rest = e.flags.Args()
	switch {
	case len(rest) < min:
		return nil, e.usageError("missing arguments"), false
	case max >= 0 && len(rest) > max:
		return nil, e.usageError("too many arguments"), false
	}
	return rest, ExitOK, true
}

// usageError reports a command line that does not fit the command, then
// its help, and returns ExitUsage.
func (e *env) usageError(format string, args ...any) int {
	e.fail(ExitUsage, format, args...)
	e.help(e.stderr)
	return ExitUsage
}

// help writes the command's help, and its flags if it has any.
func (e *env) help(w io.Writer) {
	io.WriteString(w, e.cmd.usage)
	hasFlags := false
	e.flags.VisitAll(func(*flag.Flag) { hasFlags = true })
	if hasFlags {
		io.WriteString(w, "\nFlags:\n")
		e.flags.SetOutput(w)
		e.flags.PrintDefaults()
		e.flags.SetOutput(e.stderr)
	}
}

// program returns the name of the program: "ie" or "iefmt".
func (e *env) program() string {
	name, _, _ := strings.Cut(e.name, " ")
	return name
}

// fail reports what went wrong, as "ie CMD: message", and returns code.
func (e *env) fail(code int, format string, args ...any) int {
	fmt.Fprintf(e.stderr, "%s: %s\n", e.name, fmt.Sprintf(format, args...))
	return code
}

// diagnostics writes findings about src that go to standard error, such
// as syntax errors, one a line as "path:line:col: severity: message
// [rule]", with the secrets of src masked as ie lint masks them.
func (e *env) diagnostics(path string, src []byte, diags parser.Diagnostics) {
	for _, d := range lint.RedactDiagnostics(src, diags) {
		fmt.Fprintf(e.stderr, "%s:%s\n", path, d)
	}
}

// problems reports what kept paths from being read: unreadable files and
// broken configurations. It returns ExitUsage when there were any.
func (e *env) problems(problems []lint.Problem) int {
	for _, p := range problems {
		e.diagnostics(p.Path, nil, p.Diags)
		if p.Err != nil {
			e.fail(ExitUsage, "%v", p.Err)
		}
	}
	if len(problems) > 0 {
		return ExitUsage
	}
	return ExitOK
}

// maxSizeFlag declares -max-size, the cap on each file the command reads
// (inputfile.DefaultLimit unless raised).
func (e *env) maxSizeFlag() {
	e.flags.Var(&e.maxSize, "max-size", inputfile.FlagUsage)
}

// readInput reads the file at path, or standard input for "-". It returns
// the name to use in messages.
func (e *env) readInput(path string) (string, []byte, error) {
	if path == "-" {
		src, err := inputfile.ReadAll(e.stdin, "standard input", e.maxSize)
		return stdinName, src, err
	}
	src, err := inputfile.Read(path, e.maxSize)
	return path, src, err
}

// oneOf reports whether value is one of choices; when it is not, it says
// so, naming the flag and the choices.
func (e *env) oneOf(flagName, value string, choices ...string) bool {
	for _, c := range choices {
		if value == c {
			return true
		}
	}
	list := strings.Join(choices[:len(choices)-1], ", ") + " or " + choices[len(choices)-1]
	e.fail(ExitUsage, "invalid -%s %q; use %s", flagName, value, list)
	return false
}

// colorFlag declares -color, which says whether text reports are coloured
// (see package color).
func (e *env) colorFlag() {
	e.flags.Var(&e.color, "color", "colour the report: auto (on a terminal, unless NO_COLOR or TERM=dumb; FORCE_COLOR forces it), always or never")
}

// textOptions returns the options of a text report to w: source lines
// when asked for or on a terminal, colour as -color and the environment
// say.
func (e *env) textOptions(w io.Writer, snippets bool) lint.TextOptions {
	return lint.TextOptions{Snippets: snippets || color.IsTerminal(w), Color: e.color.Enabled(w, os.Getenv)}
}

// stdinNamed reports whether -stdin-filename names standard input while
// no path reads it, which it reports as a usage error. readsStdin says
// whether standard input is read.
func (e *env) stdinNamed(readsStdin bool) bool {
	named := false
	e.flags.Visit(func(f *flag.Flag) { named = named || f.Name == "stdin-filename" })
	if named && !readsStdin {
		e.fail(ExitUsage, "-stdin-filename names standard input, which is read only for the path \"-\"")
		return true
	}
	return false
}
