package lint

import (
	"strings"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// secretShaped reports whether s looks like an AWS secret access key: 40
// characters of [A-Za-z0-9/+] with upper case, lower case and a digit among
// them (which a path or a word of that length rarely has).
func secretShaped(s string) bool {
	if len(s) != 40 {
		return false
	}
	var upper, lower, digit bool
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'A' && c <= 'Z':
			upper = true
		case c >= 'a' && c <= 'z':
			lower = true
		case c >= '0' && c <= '9':
			digit = true
		case c == '/' || c == '+':
		default:
			return false
		}
	}
	return upper && lower && digit
}

// secretKeyName reports whether a key names a secret access key, such as
// secretAccessKey, aws_secret_access_key or SecretKey.
func secretKeyName(name string) bool {
	n := strings.ToLower(keySeparators.Replace(name))
	return strings.Contains(n, "secretaccesskey") || strings.HasSuffix(n, "secretkey")
}

var keySeparators = strings.NewReplacer("_", "", "-", "", ".", "")

// secretWords returns the byte spans of the words of s shaped like a
// secret access key: the whole of s (blanks trimmed), or runs between
// blanks and the punctuation that separates words in text.
func secretWords(s string) [][2]int {
	if t := strings.TrimSpace(s); secretShaped(t) {
		i := strings.Index(s, t)
		return [][2]int{{i, i + len(t)}}
	}
	var spans [][2]int
	start := -1
	for k := 0; k <= len(s); k++ {
		sep := k == len(s) || strings.IndexByte(" \t\r=:;,\"'`()<>[]{}#", s[k]) >= 0
		switch {
		case !sep && start < 0:
			start = k
		case sep && start >= 0:
			if secretShaped(s[start:k]) {
				spans = append(spans, [2]int{start, k})
			}
			start = -1
		}
	}
	return spans
}

// secrets returns the texts a manifest must never see printed: the values
// of secret options (trueCryptPassword, pinCode) and of keys that name a
// secret access key, and every word shaped like a secret access key, in a
// value or in a comment.
func secrets(f *parser.File) []string {
	var out []string
	words := func(s string) {
		for _, w := range secretWords(s) {
			out = append(out, s[w[0]:w[1]])
		}
	}
	var key string
	parser.Inspect(f, func(n parser.Node) bool {
		switch n := n.(type) {
		case *parser.Entry:
			key = n.Key.Name
		case *parser.Item:
			key = ""
		case *parser.Comment:
			words(n.Text)
		case *parser.Scalar:
			if o := schema.Lookup(key); o != nil && o.Type == schema.Secret || secretKeyName(key) {
				out = append(out, n.Raw, n.Text)
			}
			words(n.Text)
		}
		return true
	})
	return out
}

// redactor replaces the secrets of one manifest wherever they would be
// printed: messages, fixes, snippets of source lines.
type redactor struct{ r *strings.Replacer }

const redacted = "[redacted]"

func newRedactor(secrets []string) redactor {
	var pairs []string
	for _, s := range secrets {
		if s != "" {
			pairs = append(pairs, s, redacted)
		}
	}
	if len(pairs) == 0 {
		return redactor{}
	}
	return redactor{strings.NewReplacer(pairs...)}
}

// String returns s with every secret replaced.
func (r redactor) String(s string) string {
	if r.r == nil {
		return s
	}
	return r.r.Replace(s)
}

// Diagnostic returns d with every secret replaced in its texts.
func (r redactor) Diagnostic(d parser.Diagnostic) parser.Diagnostic {
	if r.r == nil {
		return d
	}
	d.Message = r.String(d.Message)
	d.Related = append([]parser.Related(nil), d.Related...)
	for i := range d.Related {
		d.Related[i].Message = r.String(d.Related[i].Message)
	}
	d.Fixes = append([]parser.Fix(nil), d.Fixes...)
	for i, f := range d.Fixes {
		f.Title = r.String(f.Title)
		f.Edits = append([]parser.TextEdit(nil), f.Edits...)
		for j := range f.Edits {
			f.Edits[j].NewText = r.String(f.Edits[j].NewText)
		}
		d.Fixes[i] = f
	}
	return d
}
