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
	Avoid:  "operations:\n  - destination: ebs-snapshot\n    source: device\n    region: us-est-1\n",
	Prefer: "operations:\n  - destination: ebs-snapshot\n    source: device\n    region: us-east-1\n",
	Check:  checkRegion,
}

// awsRegions are the AWS regions as of early 2026, from the SDKs'
// partition data: the commercial partition, then China, GovCloud and the
// European Sovereign Cloud. The isolated (ISO) partitions are left out.
var awsRegions = []string{
	"us-east-1", "us-east-2", "us-west-1", "us-west-2",
	"af-south-1",
	"ap-east-1", "ap-east-2",
	"ap-south-1", "ap-south-2",
	"ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
	"ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
	"ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
	"ca-central-1", "ca-west-1",
	"eu-central-1", "eu-central-2",
	"eu-west-1", "eu-west-2", "eu-west-3",
	"eu-south-1", "eu-south-2",
	"eu-north-1",
	"il-central-1",
	"me-south-1", "me-central-1",
	"mx-central-1",
	"sa-east-1",
	"cn-north-1", "cn-northwest-1",
	"us-gov-east-1", "us-gov-west-1",
	"eusc-de-east-1",
}

func checkRegion(p *Pass) {
	var seen []*parser.Scalar // the first value of each distinct region
	var second *parser.Scalar
	for _, f := range p.fields() {
		if !f.is(schema.Region) {
			continue
		}
		v := checkable(f.entry)
		if v == nil {
			continue
		}
		name := v.Text
		if !slices.Contains(awsRegions, name) {
			switch s := suggest(name, awsRegions); {
			case s != "" && strings.EqualFold(s, name):
				p.Reportf(v, "unknown region %q: region names are lower case, did you mean %q?", name, s)
			case s != "":
				p.Reportf(v, "unknown region %q, did you mean %q?", name, s)
			default:
				p.Reportf(v, "unknown region %q: not an AWS region iekit knows, such as %q", name, awsRegions[0])
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
