package lint

import (
	"regexp"
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

Whether a job needs the block at all is not checked: it depends on where
the device travels. The values of the yes/no fields are the yes-no
rule's business, and deviceType's the enum-value rule's.`,
	Avoid:         "bucket: survey-scans\ncustoms:\n    dataDescription: Scanned survey maps\n    encryptedData: yes\n    exportCertifierName: Jane Doe\n    requiresExportLicense: no\n    deviceValue: $250\n    deviceCountryOfOrigin: China\n    deviceType: externalStorageDevice\n    typeOfExport: return\n",
	Prefer:        "bucket: survey-scans\ncustoms:\n    dataDescription: Scanned survey maps\n    encryptedData: yes\n    encryptionClassification: 5D992\n    exportCertifierName: Jane Doe\n    requiresExportLicense: no\n    deviceValue: 250.00\n    deviceCountryOfOrigin: China\n    deviceType: externalStorageDevice\n    typeOfExport: return\n",
	Check:         checkCustoms,
	ServiceErrors: []string{"MissingCustomsException", "InvalidCustomsException"},
}

// customsDecimal is a deviceValue: digits, and cents if any.
var customsDecimal = regexp.MustCompile(`^[0-9]+(?:\.[0-9]{1,2})?$`)

func checkCustoms(p *Pass) {
	e, m := schema.BlockOf(p.Top(), schema.Customs)
	if e == nil {
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
	if v := checkable(m.Lookup("deviceValue")); v != nil && !customsDecimal.MatchString(v.Text) {
		p.Reportf(v, "deviceValue %s is not a decimal number such as 250.00", shown(v.Text))
	}
	for _, f := range schema.Customs.Fields {
		if f.Type == schema.Country {
			reportCountry(p, m.Lookup(f.Name))
		}
	}
}
