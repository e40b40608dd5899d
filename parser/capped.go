package parser

import "fmt"

// DefaultMaxFindings is how many findings of one rule a file reports
// unless told otherwise. A hundred is more than any manifest or request
// written by hand earns, and few enough that a hostile one (a megabyte of
// ";" in notificationEmail is a million empty addresses, a megabyte of
// "%ZZ" a third of a million bad escapes) cannot make gigabytes of report.
const DefaultMaxFindings = 100

// Capped returns the sorted list with at most max findings of each rule;
// max <= 0 keeps them all. The findings of a rule past its cap are
// replaced by one finding of the rule, at the first of them, that says
// how many more there are. It has their worst severity, so that a report
// fails on what it does not show, and no fixes, related places or data.
func (l Diagnostics) Capped(max int) Diagnostics {
	if max <= 0 || len(l) <= max {
		return l
	}
	seen := map[string]int{}
	summary := map[string]int{} // rule -> index in out of its summary
	more := map[string]int{}
	var out Diagnostics
	for _, d := range l {
		seen[d.Rule]++
		if seen[d.Rule] <= max {
			out = append(out, d)
			continue
		}
		at, ok := summary[d.Rule]
		if !ok {
			at = len(out)
			summary[d.Rule] = at
			d.Related, d.Fixes, d.Data = nil, nil, nil
			out = append(out, d)
		}
		more[d.Rule]++
		out[at].Severity = min(out[at].Severity, d.Severity) // errors rank first
	}
	for rule, at := range summary {
		out[at].Message = fmt.Sprintf("... and %d more findings of this rule in this file: only the first %d are reported", more[rule], max)
	}
	return out
}
