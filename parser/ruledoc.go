package parser

import (
	"fmt"
	"strings"
)

// RuleDoc documents a rule for people: the lint rules, and the rules of
// other checkers, such as the request decoder's, which share one
// rendering (Help) in "ie explain", SARIF logs and editors.
type RuleDoc struct {
	Name     string   // stable, kebab-case, as findings carry it
	Severity Severity // the default severity of its findings
	Summary  string   // one line, lower case, for "ie rules"
	Doc      string   // why the rule exists, one or two paragraphs
	Avoid    string   // an input fragment the rule reports
	Prefer   string   // the same fragment, fixed

	// ServiceErrors are the error codes of the Import/Export service that
	// the rule's findings anticipate, such as MissingCustomsException:
	// what CreateJob would answer for the same input.
	ServiceErrors []string
}

// Help returns the documentation: the rule's name and default severity,
// what it reports, why, and a fragment to avoid beside the one to prefer.
func (d *RuleDoc) Help() string {
	summary := d.Summary
	if summary != "" {
		summary = strings.ToUpper(summary[:1]) + summary[1:] + "."
	}
	prevents := ""
	if len(d.ServiceErrors) > 0 {
		prevents = "\n\nService errors it anticipates: " + strings.Join(d.ServiceErrors, ", ") + "."
	}
	return fmt.Sprintf("%s (default severity: %s)\n\n%s\n\n%s%s\n\nAvoid:\n\n%s\nPrefer:\n\n%s",
		d.Name, d.Severity, summary, d.Doc, prevents, indent(d.Avoid), indent(d.Prefer))
}

// indent indents every line of s by four spaces.
func indent(s string) string {
	var b strings.Builder
	for _, l := range strings.SplitAfter(s, "\n") {
		if l != "" {
			b.WriteString("    " + l)
		}
	}
	return b.String()
}
