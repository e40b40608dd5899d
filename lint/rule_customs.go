package lint

import (
	"fmt"
	"strings"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// ruleCustoms reports a customs block that is incomplete or malformed:
// a field missing or empty, encryptionClassification missing for
// encrypted data, a deviceValue that is not a decimal, a country of
// origin the country table does not know.
var ruleCustoms = &Rule{
	Name:     "customs",
	Severity: parser.SeverityWarning,
	Summary:  "customs field missing or empty, ECCN missing for encrypted data, deviceValue not a decimal, unknown country of origin",
	Doc: `A device that crosses a border outside the European Union travels with
a customs declaration, the customs block. Once the block is there, AWS
expects every field of it: a missing one fails CreateJob with
MissingCustomsException, a malformed one with InvalidCustomsException.
This rule reports each field that is missing or empty, an
encryptionClassification (the ECCN of the encryption, such as 5D992)
missing when encryptedData is yes, a deviceValue that is not a plain
decimal number of US dollars such as 250.00 (no currency sign, no
thousands separator), and a deviceCountryOfOrigin that is not a country
name or ISO 3166 code. The requirements come from thin evidence, so the
findings are warnings. An unsafe fix adds every missing field at the end
of the block, empty, for you to fill in.

Whether a job needs the block depends on where the device travels: the
guide requires it when the return address is outside the country of the
data-loading facility that serves the job, except within the European
Union (see the facility rule for how the facility is told). A job
without the block whose device returns across such a border is
reported at the return address's country; when the facility cannot be
told, the facility rule says so instead; an unsafe fix adds the block
with its fields empty. The values of the yes/no fields
are the yes-no rule's business, and deviceType's the enum-value rule's.`,
	Avoid:         "bucket: survey-scans\ncustoms:\n    dataDescription: Scanned survey maps\n    encryptedData: yes\n    exportCertifierName: Jane Doe\n    requiresExportLicense: no\n    deviceValue: $250\n    deviceCountryOfOrigin: China\n    deviceType: externalStorageDevice\n    typeOfExport: return\n",
	Prefer:        "bucket: survey-scans\ncustoms:\n    dataDescription: Scanned survey maps\n    encryptedData: yes\n    encryptionClassification: 5D992\n    exportCertifierName: Jane Doe\n    requiresExportLicense: no\n    deviceValue: 250.00\n    deviceCountryOfOrigin: China\n    deviceType: externalStorageDevice\n    typeOfExport: return\n",
	Check:         checkCustoms,
	ServiceErrors: []string{"MissingCustomsException", "InvalidCustomsException"},
}

// customsDecimal is a deviceValue: digits, and cents if any.
var customsDecimal = lazyRegexp(`^[0-9]+(?:\.[0-9]{1,2})?$`)

func checkCustoms(p *Pass) {
	e, m := schema.BlockOf(p.Top(), schema.Customs)
	if e == nil {
		checkCustomsNeeded(p)
		return
	}
	if m == nil {
		p.Reportf(e.Key, "customs has no fields")
		return
	}
	enc := m.Lookup("encryptedData")
	var need []string
	if enc != nil && strings.EqualFold(text(enc), "yes") {
		need = []string{"encryptionClassification"}
	}
	fix := addFieldsFix(p, m, schema.Customs, missingFields(p, m, schema.Customs, need...))
	reportMissingFields(p, e, m, schema.Customs, fix)

	if need != nil {
		const msg = "encryptionClassification (an ECCN such as 5D992) is required when encryptedData is yes"
		switch ec := m.Lookup("encryptionClassification"); {
		case ec == nil:
			p.Report(parser.Diagnostic{Start: enc.Value.Pos(), End: enc.Value.End(), Message: msg,
				Data: &parser.Data{Keys: need}, Fixes: fix})
		case blankField(ec):
			start, end := keyColonSpan(ec)
			p.Report(parser.Diagnostic{Start: start, End: end, Message: msg})
		}
	}
	if v := checkable(m.Lookup("deviceValue")); v != nil && !customsDecimal().MatchString(v.Text) {
		p.Reportf(v, "deviceValue %s is not a decimal number such as 250.00", shown(v.Text))
	}
	for _, f := range schema.Customs.Fields {
		if f.Type == schema.Country {
			reportCountry(p, m.Lookup(f.Name))
		}
	}
}

// checkCustomsNeeded reports a job without a customs block whose device
// returns to a country outside its facility's, the EU excepted.
func checkCustomsNeeded(p *Pass) {
	c, ce := returnCountry(p.Top())
	if c == nil {
		return // no return country, or one address-format reports
	}
	f, at := p.facility(ce.Value, !c.Is("US")) // see ruleFacility on US addresses

	if f == nil || !f.NeedsCustoms(c) {
		return
	}
	d := parser.Diagnostic{
		Start: ce.Value.Pos(), End: ce.Value.End(),
		Message: fmt.Sprintf("the job needs a customs block: its device crosses a border from the %s facility (%s) to %s",
			f.Region, f.Country, shown(ce.Value.Text)),
		Data:  &parser.Data{Keys: []string{schema.Customs.Name}},
		Fixes: addTopFix(p, []*schema.Option{schema.Customs}),
	}
	if at != nil {
		d.Related = []parser.Related{{Start: at.Pos(), End: at.End(), Message: "the job's region"}}
	}
	p.Report(d)
}
