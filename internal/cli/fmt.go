package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/iekit/iekit/format"
	"github.com/iekit/iekit/internal/inputfile"
	"github.com/iekit/iekit/internal/par"
	"github.com/iekit/iekit/lint"
	"github.com/rogpeppe/go-internal/diff"
)

// FmtUsage is the help of the formatter; name is "iefmt" or "ie fmt".
func FmtUsage(name string) string {
	return `usage: ` + name + ` [flags] [path...]

Formats manifests in the one canonical style: LF line endings, no BOM,
"key: value" with one blank after the colon, blocks indented 4 columns
under their key and lists 2, comments re-indented to the entry after them,
runs of blank lines folded into one. Keys, values, comments and their
order are kept. A path is a file, a directory (walked for the files the
nearest .ie.yaml includes, by default **/*.manifest) or "-"; no path reads
standard input and writes the result to standard output.

A file with syntax errors is never formatted: its errors are printed as
"path:line:col: error: message [syntax]". Before a file is written, the
result is parsed again and must hold the same data and comments and
format to itself; otherwise nothing is written and the exit status is 3.
-w writes through symbolic links and keeps the file's hard links, owner,
mode and extended attributes; it refuses a read-only file and a file
changed since it was read.

Exit status: 0 done (nothing differs, or -w wrote), 1 a file differs
(-l, -d), 2 syntax errors or usage error, 3 internal error.

Flags:
`
}

// Fmt runs the formatter command. A panic is reported as an internal
// error, not a crash.
func Fmt(name string, args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "%s: internal error: %v\n%s", name, r, debug.Stack())
			code = ExitInternal
		}
	}()
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	list := fs.Bool("l", false, "list the files whose formatting differs")
	write := fs.Bool("w", false, "write the result back to the files")
	showDiff := fs.Bool("d", false, "print unified diffs of the changes")
	stdinName := fs.String("stdin-filename", "", "the name of standard input in messages")
	var maxSize inputfile.Limit
	fs.Var(&maxSize, "max-size", inputfile.FlagUsage)
	fs.Usage = func() {
		fmt.Fprint(stderr, FmtUsage(name))
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return ExitOK
		}
		return ExitUsage
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	targets, problems := lint.Expand(paths, lint.Options{Stdin: stdin, StdinName: orDefault(*stdinName, "<standard input>"), MaxSize: maxSize})
	code = ExitOK
	for _, p := range problems {
		for _, d := range p.Diags {
			fmt.Fprintf(stderr, "%s:%s\n", p.Path, d)
		}
		if p.Err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", name, p.Err)
		}
		code = ExitUsage
	}
	for _, t := range targets {
		if *write && t.Stdin != nil {
			fmt.Fprintf(stderr, "%s: cannot use -w with standard input\n", name)
			return ExitUsage
		}
	}
	// Format in parallel, each file into its own buffers; print in order.
	type result struct {
		out, err bytes.Buffer
		code     int
	}
	results := make([]result, len(targets))
	par.Do(len(targets), func(i int) {
		r := &results[i]
		r.code = fmtOne(name, targets[i], *list, *write, *showDiff, &r.out, &r.err)
	})
	for i := range results {
		stdout.Write(results[i].out.Bytes())
		stderr.Write(results[i].err.Bytes())
		code = max(code, results[i].code)
	}
	return code
}

// fmtOne formats one target and returns its exit code.
func fmtOne(name string, t lint.Target, list, write, showDiff bool, stdout, stderr io.Writer) int {
	src, err := t.Read()
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return ExitUsage
	}
	out, err := format.Source(src)
	var syntax *format.SyntaxError
	if errors.As(err, &syntax) {
		for _, d := range syntax.Diagnostics {
			fmt.Fprintf(stderr, "%s:%s\n", t.Path, d)
		}
		return ExitUsage
	}
	if err == nil && write {
		err = format.Verify(src, out) // the safety net of every write
	}
	if err != nil {
		fmt.Fprintf(stderr, "%s: %s: internal error: %v; nothing was written.\n"+
			"To reproduce, run %s -d on a copy of the file; please report it with the file.\n", name, t.Path, err, name)
		return ExitInternal
	}
	if !list && !write && !showDiff {
		stdout.Write(out)
		return ExitOK
	}
	if bytes.Equal(src, out) {
		return ExitOK
	}
	code := ExitOK
	if list {
		fmt.Fprintln(stdout, t.Path)
		code = ExitFindings
	}
	if showDiff {
		stdout.Write(diff.Diff(t.Path, src, t.Path+" (formatted)", out))
		code = ExitFindings
	}
	if write {
		if err := WriteFile(t.Path, src, out); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", name, err)
			return ExitUsage
		}
		if !list && !showDiff {
			code = ExitOK
		}
	}
	return code
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
