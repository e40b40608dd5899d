package lint

import (
	"fmt"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// ruleAddress reports a returnAddress block that lacks a field the
// carrier needs: a required field absent or empty, or stateOrProvince
// missing for a US or Canadian address.
var ruleAddress = &Rule{
	Name:     "address",
	Severity: parser.SeverityError,
	Summary:  "returnAddress lacks a required field, or stateOrProvince for the US or Canada",
	Doc: `AWS prints the label that ships the device back from the returnAddress
block, and CreateJob refuses an incomplete address with
InvalidAddressException: a name, a first street line, a city, a postal
code, a phone number and a country must all be there and not empty, and a
US or Canadian address also needs its state or province. This rule
reports each field that is missing (at the returnAddress key) or written
with nothing after the colon (at the field). Fill the field in. Optional
fields such as company or street2 may stay empty. An unsafe fix adds
every missing field at the end of the block, empty, for you to fill in.

A returnAddress key that is absent altogether is reported by
missing-required, and address fields written at column 0 under it by
misplaced-key: this rule then says nothing.`,
	Avoid:         "bucket: survey-scans\nreturnAddress:\n    name: Jane Doe\n    street1: 1200 Harbor Way\n    city:\n    postalCode: 98101\n    phoneNumber: 206-555-0100\n    country: USA\n",
	Prefer:        "bucket: survey-scans\nreturnAddress:\n    name: Jane Doe\n    street1: 1200 Harbor Way\n    city: Seattle\n    stateOrProvince: WA\n    postalCode: 98101\n    phoneNumber: 206-555-0100\n    country: USA\n",
	Check:         checkAddress,
	ServiceErrors: []string{"InvalidAddressException"},
}

func checkAddress(p *Pass) {
	e, m := schema.BlockOf(p.Top(), schema.ReturnAddress)
	if m == nil {
		return
	}
	// stateOrProvince: required for the United States and Canada only.
	ce := m.Lookup("country")
	c := schema.LookupCountry(text(ce))
	var need []string
	if c.Is("US") || c.Is("CA") {
		need = []string{"stateOrProvince"}
	}
	fix := addFieldsFix(p, m, schema.ReturnAddress, missingFields(p, m, schema.ReturnAddress, need...))
	reportMissingFields(p, e, m, schema.ReturnAddress, fix)
	if need == nil {
		return
	}
	why := func() string { return fmt.Sprintf("required when the country is %s", shown(text(ce))) }
	switch se := m.Lookup("stateOrProvince"); {
	case se == nil:
		p.Report(parser.Diagnostic{Start: e.Key.Pos(), End: e.Key.End(),
			Message: fmt.Sprintf("returnAddress is missing \"stateOrProvince\", %s", why()),
			Data:    &parser.Data{Keys: need}, Fixes: fix})
	case blankField(se):
		start, end := keyColonSpan(se)
		p.Report(parser.Diagnostic{Start: start, End: end, Message: "\"stateOrProvince\" is empty, but it is " + why()})
	}
}
