package cli

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"

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
	region: eu-west-1        # the region of S3 jobs' buckets
	rules:
	    yaml-compat: off     # off, info, warning or error
	include:
	    - "**/*.manifest"
	exclude:
	    - old/**

The region tells which data-loading facility serves an S3 job, which the
customs and service-level checks need; EBS and Glacier imports name
theirs in their operations.

-write-baseline FILE records every finding in FILE; -baseline FILE then
reports only findings that are not in it, matched by rule, path, the key
path of the entry and its value, so that moving lines keeps them matched.
Baseline entries that match no finding any more are reported at info.

A comment "# ie:ignore RULE[,RULE] [-- reason]" silences rules on the entry
below it (its block included); "# ie:ignore-file RULE[,RULE]" in the whole
file.

A file reports at most 100 findings of each rule (-max-findings changes
that), then one finding saying how many more there are; -fix fixes them
all.
`

// lintFlags are the flags of ie lint.
type lintFlags struct {
	format, kind, region, config, failOn string
	stdinName, baseline, writeBaseline   string
	fix, fixUnsafe, diff, snippets       bool
	allowEmpty                           bool
	maxFindings                          int
}

// declare declares the flags on fs.
func (fl *lintFlags) declare(fs *flag.FlagSet) {
	fs.StringVar(&fl.format, "format", "", "output format: text, json, sarif, github, checkstyle, junit or gitlab (default text; github when GITHUB_ACTIONS=true)")
	fs.StringVar(&fl.kind, "kind", "", "force the job kind: s3-import, s3-export, ebs-import or glacier-import")
	fs.StringVar(&fl.region, "region", "", "the region of S3 jobs' buckets, over any configuration, such as us-east-1")
	fs.StringVar(&fl.config, "config", "", "use this configuration file instead of finding .ie.yaml")
	fs.StringVar(&fl.failOn, "fail-on", "error", "exit 1 on findings of this severity or worse: error, warning or info")
	fs.StringVar(&fl.stdinName, "stdin-filename", stdinName, "the name of standard input, for messages and finding .ie.yaml")
	fs.StringVar(&fl.baseline, "baseline", "", "report only the findings that are not in this baseline file")
	fs.StringVar(&fl.writeBaseline, "write-baseline", "", "write every finding to this baseline file instead of reporting them")
	fs.BoolVar(&fl.fix, "fix", false, "apply safe fixes to the files")
	fs.BoolVar(&fl.fixUnsafe, "fix-unsafe", false, "apply unsafe fixes too (implies -fix)")
	fs.BoolVar(&fl.diff, "diff", false, "with -fix: print the changes as unified diffs instead of writing them")
	fs.BoolVar(&fl.snippets, "snippets", false, "show the source line under each finding (the default on a terminal)")
	fs.IntVar(&fl.maxFindings, "max-findings", lint.DefaultMaxFindings, "report at most this many findings of a rule in a file, then how many more there are (0 reports them all)")
	fs.BoolVar(&fl.allowEmpty, "allow-empty", false, "exit 0 when the paths hold no manifest (without it, finding none is a usage error)")
}

// options checks the flags and the paths, and returns the options of the
// run and the severity that fails it; ok is false after a usage error,
// which it has reported.
func (fl *lintFlags) options(e *env, paths []string) (opt lint.Options, failOn parser.Severity, ok bool) {
	opt = lint.Options{Config: fl.config, Stdin: e.stdin, StdinName: fl.stdinName, MaxSize: e.maxSize}
	if fl.kind != "" {
		if opt.Kind, ok = schema.ParseKind(fl.kind); !ok {
			e.fail(ExitUsage, "invalid -kind %q; the kinds are s3-import, s3-export, ebs-import, glacier-import", fl.kind)
			return opt, 0, false
		}
	}
	if fl.region != "" {
		if err := lint.CheckRegion(fl.region); err != nil {
			e.fail(ExitUsage, "invalid -region: %v", err)
			return opt, 0, false
		}
		opt.Region = fl.region
	}
	switch {
	case fl.maxFindings < 0:
		e.fail(ExitUsage, "invalid -max-findings %d; give a count, or 0 to report every finding", fl.maxFindings)
		return opt, 0, false
	case fl.maxFindings == 0:
		opt.MaxFindings = -1 // no cap
	default:
		opt.MaxFindings = fl.maxFindings
	}
	if !e.oneOf("fail-on", fl.failOn, "error", "warning", "info") {
		return opt, 0, false
	}
	failOn = map[string]parser.Severity{"error": parser.SeverityError, "warning": parser.SeverityWarning, "info": parser.SeverityInfo}[fl.failOn]
	if fl.format == "" {
		fl.format = "text"
		if os.Getenv("GITHUB_ACTIONS") == "true" {
			fl.format = "github"
		}
	}
	if !e.oneOf("format", fl.format, "text", "json", "sarif", "github", "checkstyle", "junit", "gitlab") {
		return opt, 0, false
	}
	fl.fix = fl.fix || fl.fixUnsafe
	if fl.baseline != "" && fl.writeBaseline != "" {
		e.fail(ExitUsage, "-baseline and -write-baseline exclude each other: write a new baseline without reading the old one")
		return opt, 0, false
	}
	if fl.writeBaseline != "" && fl.fix {
		e.fail(ExitUsage, "-write-baseline and -fix exclude each other: fix first, then record what is left")
		return opt, 0, false
	}
	if fl.diff && !fl.fix {
		e.fail(ExitUsage, "-diff goes with -fix or -fix-unsafe")
		return opt, 0, false
	}
	if fl.fix && !fl.diff && slices.Contains(paths, "-") {
		e.fail(ExitUsage, "cannot write fixes to standard input; use -fix -diff")
		return opt, 0, false
	}
	return opt, failOn, true
}

func runLint(e *env, args []string) int {
	var fl lintFlags
	fl.declare(e.flags)
	e.maxSizeFlag()
	e.colorFlag()
	paths, code, ok := e.parse(args, 0, -1)
	if !ok {
		return code
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	opt, failOn, ok := fl.options(e, paths)
	if !ok || e.stdinNamed(slices.Contains(paths, "-")) {
		return ExitUsage
	}
	opt.Release = !fl.fix // the reports need no tree; fixes do
	tuneGC()
	results, problems := lint.Run(paths, opt)
	code = e.problems(problems)
	if fl.fix {
		var fixCode int
		if results, fixCode = e.applyFixes(results, fl); fl.diff {
			return max(code, fixCode)
		}
		code = max(code, fixCode)
	}
	if len(results) == 0 && len(problems) == 0 && !fl.allowEmpty {
		return e.fail(ExitUsage, "no manifest found in %s: a walk looks for %s, or what .ie.yaml includes; -allow-empty accepts finding none",
			strings.Join(paths, " "), strings.Join(lint.DefaultInclude, " and "))
	}
	if fl.writeBaseline != "" {
		return max(code, e.writeBaseline(fl.writeBaseline, results))
	}
	if fl.baseline != "" {
		b, err := lint.ReadBaseline(fl.baseline)
		if err != nil {
			return e.fail(ExitUsage, "%v", err)
		}
		if stale := b.Filter(results); stale != nil {
			results = append(results, stale)
		}
	}
	if err := e.report(e.stdout, results, fl); err != nil {
		return e.fail(ExitUsage, "writing the report: %v", err)
	}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if d.Severity <= failOn {
				code = max(code, ExitFindings)
			}
		}
	}
	return code
}

// report writes the findings in the chosen format.
func (e *env) report(w io.Writer, results []*lint.Result, fl lintFlags) error {
	switch fl.format {
	case "json":
		return lint.WriteJSON(w, results)
	case "sarif":
		return lint.WriteSARIF(w, results, version(), lint.BaselineRule)
	case "github":
		return lint.WriteGitHub(w, results)
	case "checkstyle":
		return lint.WriteCheckstyle(w, results)
	case "junit":
		return lint.WriteJUnit(w, results)
	case "gitlab":
		return lint.WriteGitLab(w, results)
	}
	return lint.WriteText(w, results, e.textOptions(w, fl.snippets))
}

// writeBaseline writes the findings of results to the baseline file at
// path, and says how many on standard error; it returns the exit code.
func (e *env) writeBaseline(path string, results []*lint.Result) int {
	var buf bytes.Buffer
	if err := lint.WriteBaseline(&buf, results); err != nil {
		return e.fail(ExitUsage, "writing the baseline: %v", err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o666); err != nil {
		return e.fail(ExitUsage, "writing the baseline: %v", err)
	}
	n := 0
	for _, r := range results {
		n += len(r.Diagnostics)
	}
	fmt.Fprintf(e.stderr, "ie lint: wrote %d findings to %s\n", n, path)
	return ExitOK
}

// applyFixes applies the fixes of each result, re-lints the fixed source,
// and writes it back (or, with -diff, prints the change). A file whose
// fixed source would not parse is left alone. It returns the results of
// the fixed sources and an exit code: with -diff, 1 when anything would
// change.
func (e *env) applyFixes(results []*lint.Result, fl lintFlags) ([]*lint.Result, int) {
	code := ExitOK
	for i, r := range results {
		fixed, n := r.Fix(fl.fixUnsafe)
		if n == 0 {
			continue
		}
		after := lint.Check(r.Name, fixed, r.Config)
		if hasSyntaxErrors(after) {
			code = e.fail(ExitUsage, "%s: the fixed file would have syntax errors; it is left unchanged", r.Name)
			continue
		}
		if fl.diff {
			// Each side shows its own secrets masked where they stand.
			e.stdout.Write(diff.Diff(r.Name, r.Redacted(), r.Name+" (fixed)", after.Redacted()))
			code = max(code, ExitFindings)
			continue
		}
		if err := WriteFile(r.Name, r.Src, fixed); err != nil {
			code = e.fail(ExitUsage, "%v", err)
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

// batchGCPercent is the garbage collector's target for a run of ie lint:
// a short batch whose live heap is small (each file's tree is released
// once it is linted) spends less on collecting when the heap may grow
// further between collections. Over 1,000 manifests it cuts the CPU time
// of the run by about a third (docs/performance.md).
const batchGCPercent = 400

// tuneGC sets the garbage collector's target for a batch run, unless
// GOGC chooses one.
func tuneGC() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(batchGCPercent)
	}
}
