package lint

import (
	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// ruleFacility stands for the info the facility-dependent checks give
// when they cannot tell which data-loading facility serves a job: it
// checks nothing itself, and exists so that the info has docs, a level in
// the configuration and SARIF metadata like every other finding.
var ruleFacility = &Rule{
	Name:     "facility",
	Severity: parser.SeverityInfo,
	Summary:  "the data-loading facility that serves the job cannot be told, so customs and expedited shipping go unchecked",
	Doc: `Whether a job needs the customs block, and whether it may ask for
expedited shipping, depends on the data-loading facility that serves it:
the customs block is required when the device returns to a country
outside the facility's (shipments within the European Union excepted),
and expedited shipping is only for US facilities returning to US
addresses. The facility follows from the job's region: for an EBS or
Glacier import, the region of its operations; for an S3 job, the region
of its bucket, which the manifest does not say. Give it with "region:
us-east-1" in .ie.yaml, or with ie lint -region.

iekit knows the facilities the AWS Import/Export guide names: us-east-1,
us-west-1 and us-west-2 in the US, eu-west-1 in Ireland, ap-southeast-1
in Singapore. When the customs or service-level check needs the facility
of an S3 job and no region is given, this rule says so once, at info,
and those checks stay silent. A job returning to a US address by
standard shipping is taken, without a region, for the domestic job of a
US facility that it usually is, and draws nothing: an info on every such
manifest would drown the findings that matter. A region none of these
facilities serves is not reported: the guide's list is old, and the
region rule reports names AWS does not have.`,
	Avoid:  "bucket: survey-scans\nserviceLevel: expeditedShipping\nreturnAddress:\n    country: USA\n",
	Prefer: "# With region: us-east-1 in .ie.yaml, expeditedShipping is checked;\n# without, standard shipping to a US address asks for no facility.\nbucket: survey-scans\nserviceLevel: standard\nreturnAddress:\n    country: USA\n",
}

// facilityAnswer is which facility serves the job, once a rule asked.
type facilityAnswer struct {
	facility *schema.Facility // nil when it cannot be told
	region   string           // the job's region; "" when not known
	at       *parser.Scalar   // the operations' region value; nil for an S3 job's configured region
	told     bool             // the info that it cannot be told was reported
}

// facility returns the data-loading facility that serves the job, and
// where its region is written (nil when the configuration gave it); nil
// when it cannot be told. An S3 job whose region the configuration does
// not give is reported once, at the node n whose check needed it, when
// tell is set. A region no facility of the table serves is not: the
// table is known to be incomplete, and the region rule reports names AWS
// does not have.
func (p *Pass) facility(n parser.Node, tell bool) (*schema.Facility, *parser.Scalar) {
	if p.fac == nil {
		p.fac = &facilityAnswer{}
		switch p.Kind {
		case schema.EBSImport, schema.GlacierImport:
			for _, f := range p.fields() {
				if v := checkable(f.Entry); v != nil && f.Is(schema.Region) {
					p.fac.region, p.fac.at = v.Text, v
					break
				}
			}
		case schema.S3Import, schema.S3Export:
			p.fac.region = p.Region
		}
		p.fac.facility = schema.FacilityOf(p.fac.region)
	}
	a := p.fac
	if tell && a.facility == nil && !a.told && a.region == "" && (p.Kind == schema.S3Import || p.Kind == schema.S3Export) {
		a.told = true
		rule := p.rule
		p.rule = ruleFacility
		p.Report(parser.Diagnostic{Start: n.Pos(), End: n.End(),
			Message: `cannot tell which data-loading facility serves this S3 job, so customs and expedited shipping go unchecked: set its bucket's region with "region" in .ie.yaml or -region`})
		p.rule = rule
	}
	return a.facility, a.at
}
