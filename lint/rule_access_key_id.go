package lint

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// ruleAccessKeyID checks the shape of the access key ID (every option of
// type AccessKeyID): 20 characters of A-Z and 0-9, and a prefix that
// belongs to a long-term access key.
var ruleAccessKeyID = &Rule{
	Name:     "access-key-id",
	Severity: parser.SeverityError,
	Summary:  "an accessKeyId that is not 20 characters of A-Z and 0-9; temporary, example or unusual keys warn",
	Doc: `An AWS access key ID is 20 characters of upper-case letters and digits.
The manifest's accessKeyId must be the key that signs the CreateJob
request, and a value of another shape fails the job with
InvalidAccessKeyIdException.

A well-formed ID can still be the wrong one. IDs starting ASIA belong to
temporary credentials, which expire long before the device reaches AWS: use
a long-term key (AKIA). AKIAIOSFODNN7EXAMPLE is the example key of the AWS
documentation. Other prefixes name other IAM things, such as a user ID
(AIDA) or a role ID (AROA), rather than an access key; these warn.`,
	Avoid:         "accessKeyId: ASIAQWERTYUIOPASDFGH\n",
	Prefer:        "accessKeyId: AKIAQWERTYUIOPASDFGH\n",
	Check:         checkAccessKeyID,
	Scope:         ScopeItem,
	ServiceErrors: []string{"InvalidAccessKeyIdException"},
}

// exampleAccessKeyID is the access key ID of the AWS documentation.
const exampleAccessKeyID = "AKIAIOSFODNN7EXAMPLE"

// iamIDPrefixes are the prefixes of IAM unique IDs that are not access
// key IDs, with what they identify.
var iamIDPrefixes = map[string]string{
	"ABIA": "an STS service bearer token",
	"ACCA": "a context-specific credential",
	"AGPA": "an IAM group ID",
	"AIDA": "an IAM user ID",
	"AIPA": "an EC2 instance profile ID",
	"ANPA": "a managed policy ID",
	"ANVA": "a managed policy version ID",
	"APKA": "a public key ID",
	"AROA": "an IAM role ID",
	"ASCA": "a certificate ID",
}

func checkAccessKeyID(p *Pass) {
	for _, f := range p.fields() {
		if f.Is(schema.AccessKeyID) {
			checkAccessKeyValue(p, f.Entry)
		}
	}
}

// checkAccessKeyValue checks the value of one access key ID entry.
func checkAccessKeyValue(p *Pass, e *parser.Entry) {
	v := checkable(e)
	if v == nil {
		return
	}
	id := v.Text
	// label names the ID in messages; it is made only for one.
	label := func() string {
		if neverEcho(e.Key.Name, id) {
			return "the access key ID"
		}
		return fmt.Sprintf("access key ID %q", id)
	}
	bad := false
	if n := len([]rune(id)); n != 20 {
		p.Reportf(v, "%s is %d characters long: an access key ID has 20", label(), n)
		bad = true
	}
	if what := keyIDBadChars(id); what != "" {
		p.Reportf(v, `%s has %s: an access key ID has only "A"-"Z" and "0"-"9"`, label(), what)
		bad = true
	}
	if bad {
		return
	}
	warn := func(format string, args ...any) {
		p.Report(parser.Diagnostic{Start: v.Pos(), End: v.End(), Severity: parser.SeverityWarning,
			Message: fmt.Sprintf(format, args...)})
	}
	prefix := id[:4]
	switch {
	case id == exampleAccessKeyID:
		warn("%s is the example key of the AWS documentation: use your account's access key ID", label())
	case prefix == "ASIA":
		warn("%s is a temporary key (ASIA): it expires before the device arrives; use a long-term key (AKIA)", label())
	case prefix == "AKIA":
	case iamIDPrefixes[prefix] != "":
		warn("%s starts with %q, the prefix of %s, not of an access key ID (AKIA)", label(), prefix, iamIDPrefixes[prefix])
	default:
		warn("%s starts with %q: access key IDs start with AKIA (long-term) or ASIA (temporary)", label(), prefix)
	}
}

// keyIDBadChars describes the characters of id outside A-Z and 0-9, such
// as `lower-case letters and "-"`, or returns "".
func keyIDBadChars(id string) string {
	var lower bool
	var others []string
	for _, r := range id {
		switch {
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		case r >= 'a' && r <= 'z':
			lower = true
		default:
			if q := strconv.Quote(string(r)); !slices.Contains(others, q) {
				others = append(others, q)
			}
		}
	}
	if lower {
		others = append([]string{"lower-case letters"}, others...)
	}
	return joinAnd(others)
}
