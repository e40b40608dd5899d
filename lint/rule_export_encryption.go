package lint

import (
	"strings"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// ruleExportEncryption reports an s3-export job that gives neither
// pinCode nor trueCryptPassword.
var ruleExportEncryption = &Rule{
	Name:     "export-encryption",
	Severity: parser.SeverityWarning,
	Summary:  "an export job without pinCode or trueCryptPassword",
	Doc: `An export writes the bucket's data onto a device that then travels by
carrier. The first guides made protecting it optional; newer ones require
an export to give the PIN of a PIN-pad device (pinCode) or a TrueCrypt
password (trueCryptPassword), so that whoever handles the device on the
way cannot read the data. This rule reports an s3-export job in which
both are absent or empty, once, at the operations key (or at the first
entry when there is none). Add the one that fits the device. The values
are secrets: iekit never prints them.`,
	Avoid:  "fileSystem: NTFS\noperations:\n  - exportBucket: survey-archive\n",
	Prefer: "fileSystem: NTFS\npinCode: 4716\noperations:\n  - exportBucket: survey-archive\n",
	Check:  checkExportEncryption,
}

func checkExportEncryption(p *Pass) {
	if p.Kind != schema.S3Export || len(p.Top().Entries) == 0 {
		return
	}
	for _, o := range schema.Top {
		if o.Type != schema.Secret {
			continue
		}
		if e := p.Top().Lookup(o.Name); e != nil && strings.TrimSpace(text(e)) != "" {
			return
		}
	}
	var at parser.Node = p.Top().Entries[0].Key
	if ops := p.Top().Lookup(schema.Operations.Name); ops != nil {
		at = ops.Key
	}
	p.Reportf(at, "export without pinCode or trueCryptPassword: newer guides require one to protect the data on the device")
}
