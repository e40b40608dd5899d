package lint

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// secretKeyLen is the length of an AWS secret access key.
const secretKeyLen = 40

// secretShaped reports whether s looks like an AWS secret access key: 40
// characters of [A-Za-z0-9/+] with upper case, lower case and a digit among
// them (which a path or a word of that length rarely has).
func secretShaped(s string) bool {
	if len(s) != secretKeyLen {
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
// secretAccessKey, aws_secret_access_key or SecretKey: in lower case and
// without "_", "-" and ".", it holds "secretaccesskey" or ends with
// "secretkey".
func secretKeyName(name string) bool {
	if len(name) < len("secretkey") || !mayFoldToK(name) {
		return false // most keys
	}
	var buf [64]byte
	n, ok := foldKeyASCII(buf[:0], name)
	if !ok {
		n = []byte(strings.ToLower(keySeparators.Replace(name)))
	}
	return bytes.Contains(n, []byte("secretaccesskey")) || bytes.HasSuffix(n, []byte("secretkey"))
}

var keySeparators = strings.NewReplacer("_", "", "-", "", ".", "")

// mayFoldToK reports whether s has a "k" in lower case: a "k", a "K", or
// a character outside ASCII such as the Kelvin sign.
func mayFoldToK(s string) bool {
	for i := 0; i < len(s); i++ {
		if foldsToK[s[i]] {
			return true
		}
	}
	return false
}

// foldsToK are "k", "K", and the bytes of the characters outside ASCII.
var foldsToK = func() [256]bool {
	set := byteSet("kK")
	for c := utf8.RuneSelf; c < len(set); c++ {
		set[c] = true
	}
	return set
}()

// foldKeyASCII appends to dst the name in lower case without "_", "-" and
// ".", as secretKeyName needs it, when name is ASCII and fits in the room
// left in dst; ok is false otherwise, and secretKeyName does it the slow
// way.
func foldKeyASCII(dst []byte, name string) (folded []byte, ok bool) {
	if len(name) > cap(dst)-len(dst) {
		return nil, false
	}
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case c >= utf8.RuneSelf:
			return nil, false
		case c == '_' || c == '-' || c == '.':
		case c >= 'A' && c <= 'Z':
			dst = append(dst, c+'a'-'A')
		default:
			dst = append(dst, c)
		}
	}
	return dst, true
}

// secretWords returns the byte spans of the words of s shaped like a
// secret access key: the whole of s (blanks trimmed), or runs between
// blanks and the punctuation that separates words in text.
func secretWords(s string) [][2]int {
	if len(s) < secretKeyLen || !hasSecretKeyRun(s) {
		return nil // most values and comments
	}
	if t := strings.TrimSpace(s); secretShaped(t) {
		i := strings.Index(s, t)
		return [][2]int{{i, i + len(t)}}
	}
	var spans [][2]int
	start := -1
	for k := 0; k <= len(s); k++ {
		sep := k == len(s) || wordSeparators[s[k]]
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

// secretKeyBytes are the characters of a secret access key.
var secretKeyBytes = byteSet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+")

// hasSecretKeyRun reports whether s has secretKeyLen characters of a
// secret access key in a row, as a word shaped like one needs. For each
// place such a run could start, it looks at the bytes the run would have
// from the last one back: the first that cannot be in a run rules out
// every run that would hold it, and the search goes on past it. In text,
// that skips most bytes.
func hasSecretKeyRun(s string) bool {
	for start := 0; start+secretKeyLen <= len(s); {
		j := start + secretKeyLen - 1
		for j >= start && secretKeyBytes[s[j]] {
			j--
		}
		if j < start {
			return true // s[start:start+secretKeyLen] is a run
		}
		start = j + 1
	}
	return false
}

// wordSeparators are the bytes that separate words for secretWords.
var wordSeparators = byteSet(" \t\r=:;,\"'`()<>[]{}#")

// secrets returns the texts a manifest must never see printed: the values
// of secret options (trueCryptPassword, pinCode) and of keys that name a
// secret access key, and every word shaped like a secret access key, in a
// value or in a comment. They come in source order, a value before the
// words in it.
func secrets(f *parser.File) []string {
	return appendSecrets(nil, f.Body)
}

// appendSecrets appends to out the secrets of block b and its blocks
// (see secrets), and returns the extended list.
func appendSecrets(out []string, b parser.Block) []string {
	switch b := b.(type) {
	case *parser.Mapping:
		for _, e := range b.Entries {
			out = appendSecretWords(out, e.Comments...)
			if v := e.Value; v != nil {
				if isSecretOption(e.Key.Name) || secretKeyName(e.Key.Name) {
					out = append(out, v.Raw, v.Text)
				}
				out = appendWords(out, v.Text)
			}
			if e.Block != nil {
				out = appendSecrets(out, e.Block)
			}
		}
		out = appendSecretWords(out, b.Trailing...)
	case *parser.List:
		for _, it := range b.Items {
			out = appendSecretWords(out, it.Comments...)
			if it.Value != nil {
				out = appendWords(out, it.Value.Text)
			}
			if it.Block != nil {
				out = appendSecrets(out, it.Block)
			}
		}
		out = appendSecretWords(out, b.Trailing...)
	}
	return out
}

// appendSecretWords appends to out the words of the comments shaped like
// a secret access key.
func appendSecretWords(out []string, comments ...*parser.Comment) []string {
	for _, c := range comments {
		out = appendWords(out, c.Text)
	}
	return out
}

// appendWords appends to out the words of s shaped like a secret access
// key.
func appendWords(out []string, s string) []string {
	for _, w := range secretWords(s) {
		out = append(out, s[w[0]:w[1]])
	}
	return out
}

// secretOptions are the names of the top-level options whose values are
// secrets: trueCryptPassword and pinCode.
var secretOptions = func() []string {
	var out []string
	for _, o := range schema.Top {
		if o.Type == schema.Secret && schema.Lookup(o.Name) == o {
			out = append(out, o.Name)
		}
	}
	return out
}()

// isSecretOption reports whether key names a top-level option whose
// value is a secret, as schema.Lookup(key).Type == schema.Secret does.
func isSecretOption(key string) bool {
	return slices.Contains(secretOptions, key)
}

// redactor replaces the secrets of one manifest wherever they would be
// printed: messages, fixes, snippets of source lines. It looks for the
// secrets when it is first used, so that a manifest with nothing to print,
// such as a clean one, never pays for the search. The zero redactor
// replaces nothing.
type redactor struct{ *lazyReplacer }

// lazyReplacer makes the replacer of a manifest's secrets on first use.
type lazyReplacer struct {
	once sync.Once
	file *parser.File
	r    *strings.Replacer // nil when the manifest has no secrets
}

// Redacted is what every output shows in place of a secret.
const Redacted = "[redacted]"

// newRedactor returns the redactor of the secrets of f.
func newRedactor(f *parser.File) redactor {
	return redactor{&lazyReplacer{file: f}}
}

// replacer returns the replacer of the secrets, nil when there are none.
func (r redactor) replacer() *strings.Replacer {
	if r.lazyReplacer == nil {
		return nil
	}
	r.once.Do(func() { r.r = secretsReplacer(secrets(r.file)) })
	return r.r
}

// secretsReplacer returns a replacer of each secret with redacted, or nil
// when there are none.
func secretsReplacer(secrets []string) *strings.Replacer {
	var pairs []string
	for _, s := range secrets {
		if s != "" {
			pairs = append(pairs, s, Redacted)
		}
	}
	if len(pairs) == 0 {
		return nil
	}
	return strings.NewReplacer(pairs...)
}

// String returns s with every secret replaced.
func (r redactor) String(s string) string {
	rep := r.replacer()
	if rep == nil {
		return s
	}
	return rep.Replace(s)
}

// Diagnostic returns d with every secret replaced in its texts. A fix
// whose title or edits held a secret is marked Secret.
func (r redactor) Diagnostic(d parser.Diagnostic) parser.Diagnostic {
	if r.replacer() == nil {
		return d
	}
	d.Message = r.String(d.Message)
	d.Related = append([]parser.Related(nil), d.Related...)
	for i := range d.Related {
		d.Related[i].Message = r.String(d.Related[i].Message)
	}
	if d.Data != nil {
		data := *d.Data
		data.Value = r.String(data.Value)
		data.Keys = append([]string(nil), data.Keys...)
		for i, k := range data.Keys {
			data.Keys[i] = r.String(k)
		}
		d.Data = &data
	}
	d.Fixes = append([]parser.Fix(nil), d.Fixes...)
	for i, f := range d.Fixes {
		f.Title = r.String(f.Title)
		f.Secret = f.Secret || f.Title != d.Fixes[i].Title
		f.Edits = append([]parser.TextEdit(nil), f.Edits...)
		for j, e := range f.Edits {
			f.Edits[j].NewText = r.String(e.NewText)
			f.Secret = f.Secret || f.Edits[j].NewText != e.NewText
		}
		d.Fixes[i] = f
	}
	return d
}
