package lint

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/iekit/iekit/parser"
)

// WriteGitHub writes the findings as GitHub Actions workflow commands,
// which annotate the lines of a pull request:
//
//	::error file=a.manifest,line=3,col=6,endLine=3,endColumn=13,title=enum-value::invalid acl ...
func WriteGitHub(w io.Writer, results []*Result) error {
	bw := bufio.NewWriter(w)
	for _, r := range results {
		for _, d := range r.Diagnostics {
			fmt.Fprintf(bw, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
				githubLevel(d.Severity), githubProperty(r.Name), d.Start.Line, d.Start.Col,
				d.End.Line, d.End.Col, githubProperty(d.Rule), githubData(d.Message))
		}
	}
	return bw.Flush()
}

func githubLevel(s parser.Severity) string {
	switch s {
	case parser.SeverityError:
		return "error"
	case parser.SeverityWarning:
		return "warning"
	}
	return "notice"
}

// githubData escapes a command's message, as the runner expects.
var githubData = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace

// githubProperty escapes a command's property value.
var githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace
