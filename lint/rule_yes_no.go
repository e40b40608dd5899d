package lint

import (
	"fmt"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// ruleYesNo reports a yes/no option whose value is not yes or no.
var ruleYesNo = &Rule{
	Name:     "yes-no",
	Severity: parser.SeverityError,
	Summary:  "a yes/no option with another value",
	Doc: `Options such as eraseDevice, setContentEncodingForGzFiles and the customs
fields encryptedData and requiresExportLicense take yes or no, in any
case (AWS's examples write Yes). The service does not read true, false,
on, off, 1 or 0, habits from YAML, JSON or configuration files, and
rejects the manifest with InvalidManifestFieldException. For those
values the rule offers a safe fix that writes the yes or no they mean;
any other value must be corrected by hand.`,
	Avoid:         "eraseDevice: true\n",
	Prefer:        "eraseDevice: yes\n",
	Check:         checkYesNo,
	Scope:         ScopeItem,
	ServiceErrors: []string{"InvalidManifestFieldException"},
}

func checkYesNo(p *Pass) {
	for _, f := range p.fields() {
		e := f.Entry
		if !f.Is(schema.YesNo) || e.Value == nil || e.Value.Text == "" {
			continue
		}
		v := e.Value.Text
		if schema.IsYesNo(v) {
			continue
		}
		d := parser.Diagnostic{Start: e.Value.Pos(), End: e.Value.End()}
		if to, ok := schema.YesNoMeant(v); ok {
			d.Data = &parser.Data{Value: to}
			d.Message = fmt.Sprintf("%q is not yes or no; write %q", v, to)
			d.Fixes = []parser.Fix{{
				Title: fmt.Sprintf("replace %q with %q", v, to),
				Safe:  true,
				Edits: []parser.TextEdit{replaceScalar(e.Value, to)},
			}}
		} else {
			d.Message = fmt.Sprintf("%s is not yes or no", shown(v))
		}
		p.Report(d)
	}
}
