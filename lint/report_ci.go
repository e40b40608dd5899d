package lint

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"

	"github.com/iekit/iekit/parser"
)

// The reports CI systems read besides SARIF: Checkstyle XML (Jenkins and
// many others), JUnit XML (test result views), and GitLab Code Quality
// JSON. Columns are 1-based and count code points, as in SARIF.

type checkstyleReport struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// WriteCheckstyle writes the findings as a Checkstyle XML report: a file
// element for every linted file, with an error element for each finding,
// its source "ie.RULE".
func WriteCheckstyle(w io.Writer, results []*Result) error {
	report := checkstyleReport{Version: "4.3"}
	for _, r := range results {
		f := checkstyleFile{Name: r.Name}
		for _, d := range r.Diagnostics {
			f.Errors = append(f.Errors, checkstyleError{
				Line: d.Start.Line, Column: r.codePointCol(d.Start), Severity: d.Severity.String(),
				Message: d.Message, Source: "ie." + d.Rule,
			})
		}
		report.Files = append(report.Files, f)
	}
	return writeXML(w, report)
}

type junitReport struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	ClassName string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// WriteJUnit writes the findings as a JUnit XML report: a test suite for
// every linted file, a failed test case for each finding (its type the
// severity), and one passing test case for a file without findings.
func WriteJUnit(w io.Writer, results []*Result) error {
	report := junitReport{Name: "ie lint"}
	for _, r := range results {
		s := junitSuite{Name: r.Name}
		for _, d := range r.Diagnostics {
			s.Cases = append(s.Cases, junitCase{
				Name:      fmt.Sprintf("%s %d:%d", d.Rule, d.Start.Line, r.codePointCol(d.Start)),
				ClassName: r.Name,
				Failure: &junitFailure{
					Message: d.Message, Type: d.Severity.String(),
					Text: fmt.Sprintf("%s:%d:%d: %s: %s [%s]\n", r.Name, d.Start.Line, r.codePointCol(d.Start), d.Severity, d.Message, d.Rule),
				},
			})
		}
		s.Failures = len(s.Cases)
		if len(s.Cases) == 0 {
			s.Cases = []junitCase{{Name: "ie lint", ClassName: r.Name}}
		}
		s.Tests = len(s.Cases)
		report.Tests += s.Tests
		report.Failures += s.Failures
		report.Suites = append(report.Suites, s)
	}
	return writeXML(w, report)
}

func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

type gitlabIssue struct {
	Type        string         `json:"type"`
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
	End   int `json:"end"`
}

// WriteGitLab writes the findings as a GitLab Code Quality report: a JSON
// array of issues, each with the fingerprint a baseline matches it by,
// so that GitLab tells new issues from old ones even when lines move.
func WriteGitLab(w io.Writer, results []*Result) error {
	issues := []gitlabIssue{}
	for _, r := range results {
		_, fps := r.fingerprints()
		for i, d := range r.Diagnostics {
			issues = append(issues, gitlabIssue{
				Type: "issue", Description: d.Message, CheckName: d.Rule, Fingerprint: fps[i],
				Severity: gitlabSeverity(d.Severity),
				Location: gitlabLocation{Path: baselinePath(r.Name), Lines: gitlabLines{d.Start.Line, r.region(d.Start, d.End).EndLine}},
			})
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(issues)
}

func gitlabSeverity(s parser.Severity) string {
	switch s {
	case parser.SeverityError:
		return "major"
	case parser.SeverityWarning:
		return "minor"
	}
	return "info"
}
