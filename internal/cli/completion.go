package cli

import (
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
)

var completionCommand = &command{
	name:    "completion",
	summary: "print a shell's completion script for ie and iefmt",
	usage: `usage: ie completion bash|zsh|fish

Completion prints a script that completes the commands and flags of ie and
iefmt, and file names after them, in the given shell. It is written from
the same command and flag lists as the help, so it is never out of date
with the binary that prints it. To use it:

	bash:  source <(ie completion bash)          # in ~/.bashrc
	zsh:   ie completion zsh > "${fpath[1]}/_ie"  # then restart zsh
	fish:  ie completion fish > ~/.config/fish/completions/ie.fish
`,
}

// The completion command lists the commands, itself among them: its run
// is set once the list exists, which a declaration cannot do.
func init() { completionCommand.run = runCompletion }

func runCompletion(e *env, args []string) int {
	args, code, ok := e.parse(args, 1, 1)
	if !ok {
		return code
	}
	write, found := map[string]func(io.Writer, []cmdline){"bash": writeBash, "zsh": writeZsh, "fish": writeFish}[args[0]]
	if !found {
		return e.usageError("unknown shell %q; use bash, zsh or fish", args[0])
	}
	write(e.stdout, cmdlines())
	return ExitOK
}

// cmdline is what a shell completes of one command: its name as typed
// ("lint", or "iefmt" for the program itself), what it does, and its
// flags.
type cmdline struct {
	name, summary string
	flags         []*flag.Flag
}

// cmdlines returns the subcommands of ie, help included, then iefmt.
func cmdlines() []cmdline {
	var out []cmdline
	for _, c := range append(append([]*command(nil), commands...), helpCommand) {
		out = append(out, cmdline{c.name, c.summary, flagsOf(c, "ie "+c.name)})
	}
	iefmt := &command{name: "iefmt", usage: fmtUsage("iefmt"), run: runFmt}
	return append(out, cmdline{"iefmt", "", flagsOf(iefmt, "iefmt")})
}

// flagsOf returns the flags of a command, sorted by name: it runs the
// command asking for its help, which declares them and does nothing else.
func flagsOf(c *command, name string) []*flag.Flag {
	e := newEnv(name, c, strings.NewReader(""), io.Discard, io.Discard)
	c.run(e, []string{"-h"})
	var out []*flag.Flag
	e.flags.VisitAll(func(f *flag.Flag) { out = append(out, f) })
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// takesValue reports whether a flag is followed by a value, as all but
// the boolean ones are.
func takesValue(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return !ok || !b.IsBoolFlag()
}

// describe returns a flag's usage as a one-line description, with the
// back quotes that name its value for the help taken out.
func describe(f *flag.Flag) string {
	_, usage := flag.UnquoteUsage(f)
	usage, _, _ = strings.Cut(usage, "\n")
	return usage
}

func writeBash(w io.Writer, cls []cmdline) {
	var names []string
	for _, c := range cls[:len(cls)-1] {
		names = append(names, c.name)
	}
	fmt.Fprintf(w, "# bash completion for ie and iefmt, written by \"ie completion bash\".\n\n")
	fmt.Fprintf(w, "_ie_flags() {\n\tcase $1 in\n")
	for _, c := range cls {
		var fl []string
		for _, f := range c.flags {
			fl = append(fl, "-"+f.Name)
		}
		fmt.Fprintf(w, "\t%s) echo %q ;;\n", c.name, strings.Join(fl, " "))
	}
	fmt.Fprintf(w, "\tesac\n}\n\n")
	fmt.Fprintf(w, `_ie() {
	local cur=${COMP_WORDS[COMP_CWORD]} cmd
	if [[ $1 == iefmt || ${1##*/} == iefmt ]]; then
		cmd=iefmt
	elif [[ $COMP_CWORD -eq 1 ]]; then
		COMPREPLY=($(compgen -W %q -- "$cur"))
		return
	else
		cmd=${COMP_WORDS[1]}
	fi
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_ie_flags "$cmd")" -- "$cur"))
	else
		COMPREPLY=($(compgen -f -- "$cur"))
	fi
}
complete -o default -o filenames -F _ie ie iefmt
`, strings.Join(names, " "))
}

// zshQuote quotes a description for zsh's _arguments and _describe.
var zshQuote = strings.NewReplacer(`'`, `'\''`, `[`, `\[`, `]`, `\]`, `:`, `\:`)

func writeZsh(w io.Writer, cls []cmdline) {
	fmt.Fprintf(w, "#compdef ie iefmt\n# zsh completion for ie and iefmt, written by \"ie completion zsh\".\n\n")
	fmt.Fprintf(w, "_ie_args() {\n\tcase $1 in\n")
	for _, c := range cls {
		fmt.Fprintf(w, "\t%s) _arguments", c.name)
		for _, f := range c.flags {
			spec := "-" + f.Name + "[" + zshQuote.Replace(describe(f)) + "]"
			if takesValue(f) {
				spec += ":" + f.Name + ":"
			}
			fmt.Fprintf(w, " '%s'", spec)
		}
		fmt.Fprintf(w, " '*:file:_files' ;;\n")
	}
	fmt.Fprintf(w, "\tesac\n}\n\n_ie() {\n\tif [[ $service == iefmt ]]; then\n\t\t_ie_args iefmt\n\t\treturn\n\tfi\n")
	fmt.Fprintf(w, "\tif (( CURRENT == 2 )); then\n\t\tlocal -a commands\n\t\tcommands=(\n")
	for _, c := range cls[:len(cls)-1] {
		fmt.Fprintf(w, "\t\t\t'%s:%s'\n", c.name, zshQuote.Replace(c.summary))
	}
	fmt.Fprintf(w, "\t\t)\n\t\t_describe command commands\n\t\treturn\n\tfi\n")
	fmt.Fprintf(w, "\tlocal cmd=$words[2]\n\tshift words\n\t(( CURRENT-- ))\n\t_ie_args $cmd\n}\n\n_ie \"$@\"\n")
}

// fishQuote quotes a word for fish, in single quotes.
var fishQuote = strings.NewReplacer(`\`, `\\`, `'`, `\'`)

func writeFish(w io.Writer, cls []cmdline) {
	fmt.Fprintf(w, "# fish completion for ie and iefmt, written by \"ie completion fish\".\n\n")
	fmt.Fprintf(w, "complete -c ie -f -n __fish_use_subcommand\n")
	for _, c := range cls[:len(cls)-1] {
		fmt.Fprintf(w, "complete -c ie -f -n __fish_use_subcommand -a %s -d '%s'\n", c.name, fishQuote.Replace(c.summary))
	}
	for _, c := range cls {
		prefix := "complete -c ie -n '__fish_seen_subcommand_from " + c.name + "'"
		if c.name == "iefmt" {
			prefix = "complete -c iefmt"
		}
		for _, f := range c.flags {
			req := ""
			if takesValue(f) {
				req = " -r"
			}
			fmt.Fprintf(w, "%s -o %s%s -d '%s'\n", prefix, f.Name, req, fishQuote.Replace(describe(f)))
		}
	}
}
