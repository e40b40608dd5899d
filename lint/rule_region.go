package lint

import (
	"fmt"
	"slices"
	"strings"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// ruleRegion checks the region fields of operations items (every field of
// type Region): names AWS does not have, and one job spread over several
// regions.
var ruleRegion = &Rule{
	Name:     "region",
	Severity: parser.SeverityWarning,
	Summary:  "an unknown AWS region name, or operations spread over several regions",
	Doc: `An EBS or Glacier import names, in each operation, the AWS region the
snapshot or archive is created in, such as us-east-1. A misspelt region
fails the job. iekit knows the regions of the public, China, GovCloud and
European Sovereign Cloud partitions as of its release; since AWS keeps
opening regions, an unknown name is a warning, with the closest known name
when there is one.

A job is handled in one region: the service rejects export buckets in
several regions with MultipleRegionsException, and imports whose operations
name different regions are just as suspect. The rule warns once, at the
operation that introduces a second region.`,
	Avoid:         "operations:\n  - destination: ebs-snapshot\n    source: device\n    region: us-est-1\n",
	Prefer:        "operations:\n  - destination: ebs-snapshot\n    source: device\n    region: us-east-1\n",
	Check:         checkRegion,
	ServiceErrors: []string{"InvalidManifestFieldException", "MultipleRegionsException"},
}

func checkRegion(p *Pass) {
	var seen []*parser.Scalar // the first value of each distinct region
	var second *parser.Scalar
	for _, f := range p.fields() {
		if !f.Is(schema.Region) {
			continue
		}
		v := checkable(f.Entry)
		if v == nil {
			continue
		}
		name := v.Text
		if !schema.IsRegion(name) {
			d := parser.Diagnostic{Start: v.Pos(), End: v.End()}
			switch s := suggest(name, schema.Regions); {
			case s != "" && strings.EqualFold(s, name):
				d.Message, d.Data = fmt.Sprintf("unknown region %q: region names are lower case, did you mean %q?", name, s), &parser.Data{Value: s}
				p.Report(d)
			case s != "":
				d.Message, d.Data = fmt.Sprintf("unknown region %q, did you mean %q?", name, s), &parser.Data{Value: s}
				p.Report(d)
			default:
				p.Reportf(v, "unknown region %q: not an AWS region iekit knows, such as %q", name, schema.Regions[0])
			}
		}
		if !slices.ContainsFunc(seen, func(s *parser.Scalar) bool { return s.Text == name }) {
			seen = append(seen, v)
			if len(seen) == 2 {
				second = v
			}
		}
	}
	if second == nil {
		return
	}
	names := make([]string, len(seen))
	for i, s := range seen {
		names[i] = s.Text
	}
	p.Report(parser.Diagnostic{
		Start: second.Pos(), End: second.End(),
		Message: fmt.Sprintf("operations use %d regions (%s); a job imports into one region", len(seen), strings.Join(names, ", ")),
		Related: []parser.Related{{Start: seen[0].Pos(), End: seen[0].End(), Message: fmt.Sprintf("the first region, %q", seen[0].Text)}},
	})
}
