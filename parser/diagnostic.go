package parser

import (
	"cmp"
	"fmt"
	"slices"
)

// Severity is how serious a diagnostic is. The zero value is invalid, so a
// diagnostic that was never given a severity cannot pass for an error or a
// warning.
type Severity uint8

// The severities, most serious first.
const (
	SeverityInvalid Severity = iota
	SeverityError
	SeverityWarning
	SeverityInfo
)

var severityNames = [...]string{"invalid", "error", "warning", "info"}

// String returns the lower-case name used in reports: "error", "warning" or
// "info".
func (s Severity) String() string {
	if int(s) < len(severityNames) {
		return severityNames[s]
	}
	return fmt.Sprintf("severity(%d)", s)
}

// RuleSyntax is the rule name of every diagnostic the parser reports.
const RuleSyntax = "syntax"

// Diagnostic is one finding about a manifest: a syntax error from the parser
// or a lint finding. Every part of iekit reports through this one type.
type Diagnostic struct {
	Start, End Pos // the span the finding is about; End is exclusive
	Severity   Severity
	Rule       string // the stable rule name, e.g. "syntax" or "duplicate-key"
	Message    string // lower case, one line, no final period
	Related    []Related
	Fixes      []Fix
	Data       *Data // what the finding is about, for tools; nil when the message says all
}

// Data is the part of a finding that tools read instead of its message:
// the language server sends it as the diagnostic's data. Each field is
// set only by the rules it applies to, and is as JSON shows it.
type Data struct {
	Keys  []string `json:"keys,omitempty"`  // the keys the finding is about, such as the fields a block lacks
	Value string   `json:"value,omitempty"` // the value or key suggested in place of the one written
}

// Related points at another place that explains a diagnostic, such as the
// first occurrence of a duplicated key.
type Related struct {
	Start, End Pos
	Message    string
}

// Fix is a set of edits that resolves a diagnostic.
type Fix struct {
	Title string     // what the fix does, e.g. `replace "True" with "yes"`
	Safe  bool       // whether it can be applied without a person reviewing it
	Edits []TextEdit // non-overlapping edits
}

// TextEdit replaces the bytes [Start, End) of the source with NewText.
type TextEdit struct {
	Start, End int // byte offsets
	NewText    string
}

// String returns "line:col: severity: message [rule]". Callers that know the
// file name put it in front, followed by a colon.
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s [%s]", d.Start, d.Severity, d.Message, d.Rule)
}

// Diagnostics is a list of diagnostics.
type Diagnostics []Diagnostic

// Sort orders the list by position, then by severity, rule and message, so
// that output is stable.
func (l Diagnostics) Sort() {
	slices.SortStableFunc(l, compareDiagnostics)
}

func compareDiagnostics(a, b Diagnostic) int {
	return cmp.Or(
		cmp.Compare(a.Start.Offset, b.Start.Offset),
		cmp.Compare(a.End.Offset, b.End.Offset),
		cmp.Compare(a.Severity, b.Severity),
		cmp.Compare(a.Rule, b.Rule),
		cmp.Compare(a.Message, b.Message),
	)
}

// HasErrors reports whether any diagnostic in the list is an error.
func (l Diagnostics) HasErrors() bool {
	return slices.ContainsFunc(l, func(d Diagnostic) bool { return d.Severity == SeverityError })
}

// Err returns the list as an error, or nil when it is empty, as
// go/scanner's ErrorList does. The error is the list itself: errors.As
// with a *Diagnostics target recovers every diagnostic.
func (l Diagnostics) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Error returns the first diagnostic, and how many more there are.
func (l Diagnostics) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].String()
	case 2:
		return fmt.Sprintf("%s (and 1 more error)", l[0])
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}
