package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/iekit/iekit/internal/cli"
	"github.com/iekit/iekit/internal/inputfile"
	"github.com/iekit/iekit/lint"
	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
	"github.com/rogpeppe/go-internal/diff"
)

var lintCommand = &command{
	name:    "lint",
	summary: "check manifests against every rule",
	usage:   lintUsage,
	run:     runLint,
}

const lintUsage = `usage: ie lint [flags] [path...]

Lint checks manifests against every rule of the catalogue ("ie rules" lists
them, "ie explain RULE" explains one). A path is a file, a directory
(walked for the files its configuration includes, by default
**/*.manifest), or "-" for standard input. No path means ".".

Configuration comes from the nearest .ie.yaml above each file:

	kind: s3-export          # force the job kind
	rules:
	    yaml-compat: off     # off, info, warning or error
	include:
	    - "**/*.manifest"
	exclude:
	    - old/**

A comment "# ie:ignore RULE[,RULE] [-- reason]" silences rules on the entry
below it (its block included); "# ie:ignore-file RULE[,RULE]" in the whole
file.

Flags:
`

// lintFlags are the flags of ie lint.
type lintFlags struct {
	format, kind, config, failOn, stdinName string
	fix, fixUnsafe, diff, snippets          bool
	maxSize                                 inputfile.Limit
}

func runLint(args []string, std stdio) int {
	var fl lintFlags
	fs := flag.NewFlagSet("lint", flag.ContinueOnError)
	fs.SetOutput(std.err)
	fs.StringVar(&fl.format, "format", "", "output format: text, json, sarif or github (default text; github when GITHUB_ACTIONS=true)")
	fs.StringVar(&fl.kind, "kind", "", "force the job kind: s3-import, s3-export, ebs-import or glacier-import")
	fs.StringVar(&fl.config, "config", "", "use this configuration file instead of finding .ie.yaml")
	fs.StringVar(&fl.failOn, "fail-on", "error", "exit 1 on findings of this severity or worse: error, warning or info")
	fs.StringVar(&fl.stdinName, "stdin-filename", "", "the name of standard input, for messages and finding .ie.yaml")
	fs.BoolVar(&fl.fix, "fix", false, "apply safe fixes to the files")
	fs.BoolVar(&fl.fixUnsafe, "fix-unsafe", false, "apply unsafe fixes too (implies -fix)")
	fs.BoolVar(&fl.diff, "diff", false, "with -fix: print the changes as unified diffs instead of writing them")
	fs.Var(&fl.maxSize, "max-size", inputfile.FlagUsage)
	fs.BoolVar(&fl.snippets, "snippets", false, "show the source line under each finding (the default on a terminal)")
	fs.Usage = func() {
		fmt.Fprint(std.err, lintUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return cli.ExitOK
		}
		return cli.ExitUsage
	}
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(std.err, "ie lint: "+format+"\n", a...)
		return cli.ExitUsage
	}
	opt := lint.Options{Config: fl.config, Stdin: std.in, StdinName: fl.stdinName, MaxSize: fl.maxSize}
	if fl.kind != "" {
		k, ok := schema.ParseKind(fl.kind)
		if !ok {
			return usageErr("invalid -kind %q; the kinds are s3-import, s3-export, ebs-import, glacier-import", fl.kind)
		}
		opt.Kind = k
	}
	failOn, ok := map[string]parser.Severity{"error": parser.SeverityError, "warning": parser.SeverityWarning, "info": parser.SeverityInfo}[fl.failOn]
	if !ok {
		return usageErr("invalid -fail-on %q; use error, warning or info", fl.failOn)
	}
	if fl.format == "" {
		fl.format = "text"
		if os.Getenv("GITHUB_ACTIONS") == "true" {
			fl.format = "github"
		}
	}
	switch fl.format {
	case "text", "json", "sarif", "github":
	default:
		return usageErr("invalid -format %q; use text, json, sarif or github", fl.format)
	}
	fl.fix = fl.fix || fl.fixUnsafe
	if fl.diff && !fl.fix {
		return usageErr("-diff goes with -fix or -fix-unsafe")
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{"."}
	}
	for _, p := range paths {
		if p == "-" && fl.fix && !fl.diff {
			return usageErr("cannot write fixes to standard input; use -fix -diff")
		}
	}

	results, problems := lint.Run(paths, opt)
	code := cli.ExitOK
	for _, p := range problems {
		for _, d := range p.Diags {
			fmt.Fprintf(std.err, "%s:%s\n", p.Path, d)
		}
		if p.Err != nil {
			fmt.Fprintf(std.err, "ie: %v\n", p.Err)
		}
		code = cli.ExitUsage
	}
	if fl.fix {
		var fixCode int
		if results, fixCode = applyFixes(results, fl, std); fl.diff {
			return max(code, fixCode)
		}
		code = max(code, fixCode)
	}
	if err := report(std.out, results, fl); err != nil {
		fmt.Fprintf(std.err, "ie: writing the report: %v\n", err)
		return cli.ExitUsage
	}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if d.Severity <= failOn {
				code = max(code, cli.ExitFindings)
			}
		}
	}
	return code
}

// report writes the findings in the chosen format.
func report(w io.Writer, results []*lint.Result, fl lintFlags) error {
	switch fl.format {
	case "json":
		return lint.WriteJSON(w, results)
	case "sarif":
		return lint.WriteSARIF(w, results, version())
	case "github":
		return lint.WriteGitHub(w, results)
	}
	tty := isTerminal(w)
	return lint.WriteText(w, results, lint.TextOptions{
		Snippets: fl.snippets || tty,
		Color:    tty && os.Getenv("NO_COLOR") == "",
	})
}

// applyFixes applies the fixes of each result, re-lints the fixed source,
// and writes it back (or, with -diff, prints the change). A file whose
// fixed source would not parse is left alone. It returns the results of
// the fixed sources and an exit code: with -diff, 1 when anything would
// change.
func applyFixes(results []*lint.Result, fl lintFlags, std stdio) ([]*lint.Result, int) {
	code := cli.ExitOK
	for i, r := range results {
		fixed, n := r.Fix(fl.fixUnsafe)
		if n == 0 {
			continue
		}
		after := lint.Check(r.Name, fixed, r.Config)
		if hasSyntaxErrors(after) {
			fmt.Fprintf(std.err, "ie: %s: the fixed file would have syntax errors; it is left unchanged\n", r.Name)
			code = cli.ExitUsage
			continue
		}
		if fl.diff {
			// Both sides hold secrets: redact those of each.
			d := string(diff.Diff(r.Name, r.Src, r.Name+" (fixed)", fixed))
			io.WriteString(std.out, after.Redact(r.Redact(d)))
			code = max(code, cli.ExitFindings)
			continue
		}
		if err := cli.WriteFile(r.Name, r.Src, fixed); err != nil {
			fmt.Fprintf(std.err, "ie: %v\n", err)
			code = cli.ExitUsage
			continue
		}
		results[i] = after
	}
	return results, code
}

func hasSyntaxErrors(r *lint.Result) bool {
	for _, d := range r.Diagnostics {
		if d.Rule == parser.RuleSyntax {
			return true
		}
	}
	return false
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
