package lint

import (
	"fmt"

	"github.com/iekit/iekit/parser"
)

// DefaultMaxFindings is how many findings of one rule a file reports
// unless the configuration says otherwise (Config.MaxFindings). A
// hundred is more than any manifest written by hand earns, and few
// enough that a hostile one (a megabyte of ";" in notificationEmail is a
// million empty addresses) cannot make gigabytes of report.
const DefaultMaxFindings = 100

// capFindings returns the findings, sorted, with at most max of each rule
// kept; max <= 0 keeps them all. The findings of a rule past its cap are
// replaced by one finding of the rule at the first of them that says how
// many more there are. It has their worst severity, so that a report
// fails on what it does not show, and no fixes: ie lint -fix still
// applies those of every finding (Result.Fix).
func capFindings(diags parser.Diagnostics, max int) parser.Diagnostics {
	if max <= 0 || len(diags) <= max {
		return diags
	}
	type over struct {
		at   int // the index of the summary finding in out
		more int
	}
	seen := map[string]int{}
	overs := map[string]*over{}
	var out parser.Diagnostics
	for _, d := range diags {
		seen[d.Rule]++
		if seen[d.Rule] <= max {
			out = append(out, d)
			continue
		}
		o := overs[d.Rule]
		if o == nil {
			o = &over{at: len(out)}
			overs[d.Rule] = o
			d.Related, d.Fixes, d.Data = nil, nil, nil
			out = append(out, d)
		}
		o.more++
		out[o.at].Severity = min(out[o.at].Severity, d.Severity) // errors sort first
	}
	for _, o := range overs {
		out[o.at].Message = fmt.Sprintf("... and %d more findings of this rule in this file: only the first %d are reported", o.more, max)
	}
	return out
}

// maxFindings returns the cap on the findings of a rule in a file, 0 for
// none.
func (c *Config) maxFindings() int {
	switch {
	case c.MaxFindings < 0:
		return 0
	case c.MaxFindings == 0:
		return DefaultMaxFindings
	}
	return c.MaxFindings
}
