package cli

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// The manual pages of ie and iefmt (docs/man/ie.1 and iefmt.1) are made
// of the help the commands print, so that the two never differ: a test
// writes them anew and compares.

// writeManIE writes the manual page of ie: the overview, then each
// command's help, flags included.
func writeManIE(w io.Writer) {
	var overview bytes.Buffer
	writeOverview(&overview)
	fmt.Fprint(w, manHeader("ie", "check AWS Import/Export manifest files"))
	fmt.Fprint(w, ".SH SYNOPSIS\n.B ie\n.I command\n.RI [ arguments ]\n")
	fmt.Fprint(w, ".SH DESCRIPTION\n"+manVerbatim(overview.String()))
	fmt.Fprint(w, ".SH COMMANDS\n")
	for _, c := range append(append([]*command(nil), commands...), helpCommand) {
		fmt.Fprintf(w, ".SS \"ie %s\"\n%s", c.name, manVerbatim(helpText(c, "ie "+c.name)))
	}
	fmt.Fprint(w, manExit+".SH SEE ALSO\n.BR iefmt (1)\n")
}

// writeManIEFmt writes the manual page of iefmt.
func writeManIEFmt(w io.Writer) {
	c := &command{name: "iefmt", usage: fmtUsage("iefmt"), run: runFmt}
	fmt.Fprint(w, manHeader("iefmt", "format AWS Import/Export manifest files"))
	fmt.Fprint(w, ".SH SYNOPSIS\n.B iefmt\n.RI [ flags ]\n.RI [ path ...]\n")
	fmt.Fprint(w, ".SH DESCRIPTION\n"+manVerbatim(helpText(c, "iefmt")))
	fmt.Fprint(w, ".SH SEE ALSO\n.BR ie (1)\n")
}

func manHeader(name, what string) string {
	return fmt.Sprintf(".\\\" Made from the help of %s; do not edit.\n.TH %s 1 \"\" iekit \"User Commands\"\n.SH NAME\n%s \\- %s\n",
		name, strings.ToUpper(name), name, what)
}

const manExit = `.SH EXIT STATUS
.TP
.B 0
nothing to report
.TP
.B 1
the input has problems, or (iefmt \-l, \-d) needs formatting
.TP
.B 2
bad command line, unreadable input, unwritable output; iefmt: syntax errors
.TP
.B 3
a bug: a panic, or formatted text that failed its checks
`

// helpText returns what "-h" prints for a command.
func helpText(c *command, name string) string {
	var out bytes.Buffer
	c.run(newEnv(name, c, strings.NewReader(""), &out, io.Discard), []string{"-h"})
	return out.String()
}

// manVerbatim returns text as a block that roff prints as it is: line
// for line, with its backslashes escaped and no line read as a request.
func manVerbatim(text string) string {
	var b strings.Builder
	b.WriteString(".PP\n.nf\n")
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		line = strings.ReplaceAll(line, `\`, `\e`)
		if strings.HasPrefix(line, ".") || strings.HasPrefix(line, "'") {
			line = `\&` + line
		}
		b.WriteString(line + "\n")
	}
	b.WriteString(".fi\n")
	return b.String()
}
