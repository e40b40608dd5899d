package lint

import (
	"fmt"

	"github.com/iekit/iekit/parser"
)

// ruleServiceLevel reports expeditedShipping for a return address
// outside the United States, or from a facility outside it.
var ruleServiceLevel = &Rule{
	Name:     "service-level",
	Severity: parser.SeverityWarning,
	Summary:  "expeditedShipping with a return address or a data-loading facility outside the US",
	Doc: `serviceLevel: expeditedShipping asks AWS to ship the device back by an
expedited carrier service, which AWS offers only for return shipments
from US data-loading facilities to US addresses. This rule reports it
when the returnAddress country is a country other than the US, as the
table of ISO 3166 names and codes tells it, and when the facility that
serves the job is outside the US (see the facility rule for how the
facility is told). Write standard (or leave serviceLevel out) instead. A
country the table does not know is left to address-format.`,
	Avoid:  "bucket: survey-scans\nserviceLevel: expeditedShipping\nreturnAddress:\n    name: Katrin Vogel\n    street1: Hafenstrasse 27\n    city: Hamburg\n    postalCode: 20457\n    phoneNumber: +49 40 555 01234\n    country: Germany\n",
	Prefer: "bucket: survey-scans\nserviceLevel: standard\nreturnAddress:\n    name: Katrin Vogel\n    street1: Hafenstrasse 27\n    city: Hamburg\n    postalCode: 20457\n    phoneNumber: +49 40 555 01234\n    country: Germany\n",
	Check:  checkServiceLevel,
}

// expedited is the serviceLevel reserved to US addresses.
const expedited = "expeditedShipping"

func checkServiceLevel(p *Pass) {
	sl := p.Top().Lookup("serviceLevel")
	if sl == nil || sl.Value == nil || sl.Value.Text != expedited {
		return
	}
	c, ce := returnCountry(p.Top())
	if c == nil {
		return
	}
	fix := []parser.Fix{{
		Title: `replace with "standard"`,
		Edits: []parser.TextEdit{replaceScalar(sl.Value, "standard")},
	}}
	if !c.Is("US") {
		p.Report(parser.Diagnostic{
			Start: sl.Value.Pos(), End: sl.Value.End(),
			Message: fmt.Sprintf("%s is only available for US return addresses (country is %s)", expedited, shown(ce.Value.Text)),
			Related: []parser.Related{{Start: ce.Value.Pos(), End: ce.Value.End(), Message: "the return address's country"}},
			Fixes:   fix,
		})
		return
	}
	f, at := p.facility(sl.Value, true)
	if f == nil || f.Expedited(c) {
		return
	}
	d := parser.Diagnostic{
		Start: sl.Value.Pos(), End: sl.Value.End(),
		Message: fmt.Sprintf("%s is only available from US data-loading facilities, not from the %s facility (%s)",
			expedited, f.Region, f.Country),
		Fixes: fix,
	}
	if at != nil {
		d.Related = []parser.Related{{Start: at.Pos(), End: at.End(), Message: "the job's region"}}
	}
	p.Report(d)
}
