package cli

import (
	"bytes"
	"errors"
	"fmt"
	"slices"

	"github.com/iekit/iekit/format"
	"github.com/iekit/iekit/internal/par"
	"github.com/iekit/iekit/lint"
	"github.com/rogpeppe/go-internal/diff"
)

var fmtCommand = &command{
	name:    "fmt",
	summary: "format manifests in the canonical style (same as iefmt)",
	usage:   fmtUsage("ie fmt"),
	run:     runFmt,
}

// fmtUsage is the help of the formatter; name is "iefmt" or "ie fmt".
func fmtUsage(name string) string {
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
The output and -w are data: they keep every value, secrets (pinCode,
trueCryptPassword) included, byte for byte. -d is for people: it shows
secrets as [redacted].
-w writes through symbolic links and keeps the file's hard links, owner,
mode and extended attributes; it refuses a read-only file and a file
changed since it was read.

Exit status: 0 done (nothing differs, or -w wrote), 1 a file differs
(-l, -d), 2 syntax errors or usage error, 3 internal error.
`
}

// runFmt runs "ie fmt" and iefmt.
func runFmt(e *env, args []string) int {
	var fl fmtFlags
	e.flags.BoolVar(&fl.list, "l", false, "list the files whose formatting differs")
	e.flags.BoolVar(&fl.write, "w", false, "write the result back to the files")
	e.flags.BoolVar(&fl.diff, "d", false, "print unified diffs of the changes")
	stdinFile := e.flags.String("stdin-filename", stdinName, "the name of standard input in messages")
	e.maxSizeFlag()
	paths, code, ok := e.parse(args, 0, -1)
	if !ok {
		return code
	}
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	if e.stdinNamed(slices.Contains(paths, "-")) {
		return ExitUsage
	}
	targets, problems := lint.Expand(paths, lint.Options{Stdin: e.stdin, StdinName: *stdinFile, MaxSize: e.maxSize})
	code = e.problems(problems)
	for _, t := range targets {
		if fl.write && t.Stdin != nil {
			return e.fail(ExitUsage, "cannot use -w with standard input")
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
		r.code = e.redirect(&r.out, &r.err).fmtOne(targets[i], fl)
	})
	for i := range results {
		e.stdout.Write(results[i].out.Bytes())
		e.stderr.Write(results[i].err.Bytes())
		code = max(code, results[i].code)
	}
	return code
}

// fmtFlags are the flags of the formatter.
type fmtFlags struct {
	list, write, diff bool
}

// fmtOne formats one target and returns its exit code.
func (e *env) fmtOne(t lint.Target, fl fmtFlags) int {
	src, err := t.Read()
	if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	out, err := format.Source(src)
	var syntax *format.SyntaxError
	if errors.As(err, &syntax) {
		e.diagnostics(t.Path, src, syntax.Diagnostics)
		return ExitUsage
	}
	if err == nil && fl.write {
		err = format.Verify(src, out) // the safety net of every write
	}
	if err != nil {
		return e.fail(ExitInternal, "%s: internal error: %v; nothing was written.\n"+
			"To reproduce, run %s -d on a copy of the file; please report it with the file.", t.Path, err, e.name)
	}
	if !fl.list && !fl.write && !fl.diff {
		e.stdout.Write(out)
		return ExitOK
	}
	if bytes.Equal(src, out) {
		return ExitOK
	}
	code := ExitOK
	if fl.list {
		fmt.Fprintln(e.stdout, t.Path)
		code = ExitFindings
	}
	if fl.diff {
		// A diff is for people: each side shows its secrets masked.
		e.stdout.Write(diff.Diff(t.Path, lint.RedactManifest(src), t.Path+" (formatted)", lint.RedactManifest(out)))
		code = ExitFindings
	}
	if fl.write {
		if err := WriteFile(t.Path, src, out); err != nil {
			return e.fail(ExitUsage, "%v", err)
		}
		if !fl.list && !fl.diff {
			code = ExitOK
		}
	}
	return code
}
