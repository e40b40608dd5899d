package lint

import (
	"strconv"
	"strings"

	"github.com/iekit/iekit/parser"
)

// ruleSecret reports AWS secret access keys written into a manifest: a
// value (or a word of a value or of a comment) shaped like one, or any
// value of a key named like one. It never prints the secret.
var ruleSecret = &Rule{
	Name:     "secret",
	Severity: parser.SeverityError,
	Summary:  "a secret access key in the manifest, under a key such as secretAccessKey or anywhere shaped like one",
	Doc: `A manifest never needs a secret access key: the key signs the CreateJob
request and stays on your machine. A manifest travels to AWS inside the
request, often sits in a repository or a ticket, and is copied onto the
device, so a secret written into it should be treated as leaked.

The rule reports any value under a key such as secretAccessKey or
aws_secret_access_key, and any value, list item or comment word shaped like
a secret access key (40 letters, digits, "/" and "+"). Remove the secret,
then deactivate the key in IAM and create a new one. iekit never prints the
value: messages name only where it is.`,
	Avoid:  "generator: iekit\ncomment: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n",
	Prefer: "generator: iekit\n",
	Check:  checkSecret,
	Scope:  ScopeItem,
}

func checkSecret(p *Pass) {
	for _, v := range p.values() {
		if v.scalar != nil {
			checkSecretValue(p, v)
		}
	}
	for _, c := range p.index().comments {
		if i, j, ok := secretWord(c.Text); ok {
			p.Report(parser.Diagnostic{Start: c.Pos().Advance(i), End: c.Pos().Advance(j),
				Message: "secret access key in a comment; a manifest never needs one: remove it and rotate the key"})
		}
	}
}

// checkSecretValue reports the value of v when its key names a secret
// access key, or else the first word of it shaped like one.
func checkSecretValue(p *Pass, v value) {
	s := v.scalar
	if secretKeyName(v.key) && strings.TrimSpace(s.Text) != "" && !isPlaceholder(s.Text) {
		p.Reportf(s, "secret access key %s; a manifest never needs one: remove it and rotate the key", secretWhere(v))
		return
	}
	if len(s.Text) < secretKeyLen {
		return // too short to hold a key: most values
	}
	if i, j, ok := secretWord(s.Text); ok {
		start, end := textSpan(s, i, j)
		p.Report(parser.Diagnostic{Start: start, End: end,
			Message: "secret access key " + secretWhere(v) + "; a manifest never needs one: remove it and rotate the key"})
	}
}

// secretWhere names the place of v in messages.
func secretWhere(v value) string {
	if v.item() {
		return "in a list item"
	}
	return "in " + strconv.Quote(v.key)
}

// secretWord returns the byte span of the first word of s shaped like a
// secret access key (see secretWords).
func secretWord(s string) (i, j int, ok bool) {
	if spans := secretWords(s); len(spans) > 0 {
		return spans[0][0], spans[0][1], true
	}
	return 0, 0, false
}
