package lint

import (
	"fmt"
	"strings"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// ruleEraseDevice reports eraseDevice: no on an import, which newer
// guides ignore.
var ruleEraseDevice = &Rule{
	Name:     "erase-device",
	Severity: parser.SeverityWarning,
	Summary:  "eraseDevice: no on an import, which newer guides ignore",
	Doc: `The first guides let an import keep the device's data with
eraseDevice: no. Newer guides erase every imported device once its data
is loaded, whatever the manifest says, and eraseDevice: yes only
acknowledges it. A manifest that says no promises something that will not
happen: the device comes back blank. This rule reports eraseDevice: no on
an import (s3-import, ebs-import, glacier-import). Keep a copy of the data
before shipping, and write yes. The fix does that, but it is unsafe: it
changes what the manifest says, so review it.`,
	Avoid:  "bucket: survey-scans\neraseDevice: no\n",
	Prefer: "bucket: survey-scans\neraseDevice: yes\n",
	Check:  checkEraseDevice,
}

func checkEraseDevice(p *Pass) {
	if p.Kind == schema.KindUnknown || p.Kind.JobType() != "Import" {
		return
	}
	e := p.Top().Lookup("eraseDevice")
	if e == nil || e.Value == nil || !strings.EqualFold(e.Value.Text, "no") {
		return
	}
	v := e.Value
	yes := map[string]string{"No": "Yes", "NO": "YES"}[v.Text] // keep the author's case
	if yes == "" {
		yes = "yes"
	}
	raw := yes
	if v.Quote != 0 {
		raw = string(v.Quote) + yes + string(v.Quote)
	}
	p.Report(parser.Diagnostic{
		Start: v.Pos(), End: v.End(),
		Message: fmt.Sprintf("eraseDevice %q on an import: newer guides erase every imported device, so %q will be ignored", v.Text, v.Text),
		Fixes: []parser.Fix{{
			Title: fmt.Sprintf("replace %q with %q", v.Text, yes),
			Edits: []parser.TextEdit{replaceScalar(v, raw)},
		}},
	})
}
