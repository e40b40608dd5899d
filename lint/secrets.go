package lint

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// secretKeyLen is the length of an AWS secret access key.
const secretKeyLen = 40

// chars is a string or the bytes of one: the secrets of a source are
// looked for in place, without a copy of it as a string.
type chars interface{ ~string | ~[]byte }

// secretShaped reports whether s looks like an AWS secret access key: 40
// characters of [A-Za-z0-9/+] with upper case, lower case and a digit among
// them (which a path or a word of that length rarely has).
func secretShaped[T chars](s T) bool {
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
// secretAccessKey, aws_secret_access_key or SecretKey: folded (see
// foldKey), it holds "secretaccesskey" or ends with "secretkey".
func secretKeyName(name string) bool {
	if len(name) < len("secretkey") || !containsAnyByte(name, &foldsToK) || !containsAnyByte(name, &foldsToS) {
		return false // most keys, even those with a "k" such as exportBucket
	}
	var buf [64]byte
	n := foldKey(buf[:0], name)
	return bytes.Contains(n, []byte("secretaccesskey")) || bytes.HasSuffix(n, []byte("secretkey"))
}

// secretOptionName reports whether a key names a secret option however it
// is spelled: folded (see foldKey), it is within an edit or two of
// trueCryptPassword or pinCode (pincode, trueCryptPasword, PIN_CODE), or
// it is "pin" or holds "pincode", "password" or "passphrase". Misspelled,
// the option still holds what its author meant as a secret.
func secretOptionName(name string) bool {
	if len(name) < len("pin") || len(name) > 64 {
		return false
	}
	var buf [64]byte
	n := foldKey(buf[:0], name)
	if string(n) == "pin" || bytes.Contains(n, []byte("pincode")) || bytes.Contains(n, []byte("password")) || bytes.Contains(n, []byte("passphrase")) {
		return true
	}
	for _, o := range secretOptions {
		limit := min(3, max(1, len(o)/5))
		// Each edit changes the length by one at most: a name whose
		// length is further off is no misspelling, and most keys are.
		if len(o)-limit <= len(n) && len(n) <= len(o)+limit && distance(string(n), o) <= limit {
			return true
		}
	}
	return false
}

// secretName reports whether the value of a key with this name is a
// secret: a secret option or a key named like a secret access key.
func secretName(name string) bool {
	return secretOptionName(name) || secretKeyName(name)
}

// secretOptions are the folded names of the top-level options whose
// values are secrets: truecryptpassword and pincode.
var secretOptions = func() []string {
	var out []string
	for _, o := range schema.Top {
		if o.Type == schema.Secret && schema.Lookup(o.Name) == o {
			out = append(out, string(foldKey(nil, o.Name)))
		}
	}
	return out
}()

// foldKey appends to dst name in lower case without "_", "-", "." and
// blanks, the form in which spellings of one name compare equal. Callers
// fold into a buffer on their stack: a key name is folded for each entry
// of a manifest, and most of them are short and ASCII.
func foldKey(dst []byte, name string) []byte {
	start := len(dst)
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case c >= utf8.RuneSelf:
			return append(dst[:start], strings.ToLower(keySeparators.Replace(name))...)
		case c == '_' || c == '-' || c == '.' || c == ' ' || c == '\t':
		case c >= 'A' && c <= 'Z':
			dst = append(dst, c+'a'-'A')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

var keySeparators = strings.NewReplacer("_", "", "-", "", ".", "", " ", "", "\t", "")

// foldsToK and foldsToS are the bytes that may stand for a "k" or an "s"
// once a name is folded: the letter in either case, and the bytes of the
// characters outside ASCII, as the Kelvin sign folds to "k".
var foldsToK, foldsToS = foldsTo("kK"), foldsTo("sS")

// foldsTo returns the set of the bytes of letters and of the characters
// outside ASCII.
func foldsTo(letters string) [256]bool {
	set := byteSet(letters)
	for c := utf8.RuneSelf; c < len(set); c++ {
		set[c] = true
	}
	return set
}

// secretWords returns the byte spans of the words of s shaped like a
// secret access key. A word is a longest run of the characters of a key
// ([A-Za-z0-9/+]): anything else, punctuation and non-ASCII included,
// separates words, so "ops@KEY", "KEY." and "«KEY»" each hold KEY; and
// as a key may be written after a "+" or a "/" (a sign, a path), a run of
// those before or after 40 characters shaped like a key is not part of it.
func secretWords[T chars](s T) [][2]int {
	if len(s) < secretKeyLen || !hasSecretKeyRun(s) {
		return nil // most values and comments
	}
	var spans [][2]int
	start := -1
	for k := 0; k <= len(s); k++ {
		in := k < len(s) && secretKeyBytes[s[k]]
		switch {
		case in && start < 0:
			start = k
		case !in && start >= 0:
			if i, ok := keyInRun(s[start:k]); ok {
				spans = append(spans, [2]int{start + i, start + i + secretKeyLen})
			}
			start = -1
		}
	}
	return spans
}

// keyInRun returns where a word shaped like a secret access key starts in
// run, a run of its characters, when the rest of run is "+" and "/".
func keyInRun[T chars](run T) (int, bool) {
	for i := 0; i+secretKeyLen <= len(run); i++ {
		if secretShaped(run[i:i+secretKeyLen]) && onlySigns(run[i+secretKeyLen:]) {
			return i, true
		}
		if run[i] != '+' && run[i] != '/' {
			break
		}
	}
	return 0, false
}

// onlySigns reports whether s is only "+" and "/", or empty.
func onlySigns[T chars](s T) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '+' && s[i] != '/' {
			return false
		}
	}
	return true
}

// secretKeyBytes are the characters of a secret access key.
var secretKeyBytes = byteSet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+")

// hasSecretKeyRun reports whether s has secretKeyLen characters of a
// secret access key in a row, as a word shaped like one needs. For each
// place such a run could start, it looks at the bytes the run would have
// from the last one back: the first that cannot be in a run rules out
// every run that would hold it, and the search goes on past it. In text,
// that skips most bytes.
func hasSecretKeyRun[T chars](s T) bool {
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

// span is the bytes [start, end) of a source.
type span struct{ start, end int }

// secretSpans returns the places of the secrets of a manifest, sorted and
// merged: the value (scalar or block) of every key that names a secret,
// however misspelled; every word shaped like a secret access key, wherever
// it stands; and, on the lines the parser could not place (those of
// syntax errors), what follows a word that names a secret, as in
// "pinCode 8042" or "aws_secret_access_key=KEY", and the whole of a line
// right after a secret, which reads as the rest of it.
func secretSpans(f *parser.File, src []byte, syntax parser.Diagnostics) []span {
	var out []span
	for _, w := range secretWords(src) {
		out = append(out, span{w[0], w[1]})
	}
	if f != nil {
		out = appendSecretValues(out, f.Body, map[string]bool{})
	}
	secretEnds := map[int]bool{} // the offsets of the line ends that close a secret
	for _, s := range out {
		if len(syntax) > 0 {
			secretEnds[lineEnd(src, max(s.start, s.end-1))] = true
		}
	}
	out = slices.DeleteFunc(out, func(s span) bool { return s.start == s.end })
	next := 0 // the lines before it are done
	for _, d := range syntax {
		for l := max(d.Start.Offset, next); l <= d.End.Offset && l < len(src); l = next {
			start, end := lineStart(src, l), lineEnd(src, l)
			if s, ok := unplacedSecret(src, start, end); ok {
				out = append(out, s)
				secretEnds[end] = true
			} else if text := bytes.TrimSpace(src[start:end]); len(text) > 0 && start > 0 && secretEnds[lineEnd(src, start-1)] {
				i := start + bytes.Index(src[start:end], text)
				out = append(out, span{i, i + len(text)})
				secretEnds[end] = true
			}
			next = len(src)
			if nl := bytes.IndexByte(src[end:], '\n'); nl >= 0 {
				next = end + nl + 1
			}
		}
	}
	return mergeSpans(out)
}

// appendSecretValues appends to out the places of the values of the keys
// of block b and its blocks that name a secret; for such a key with no
// value, an empty place just past its colon. names holds what secretName
// said of each key name met so far: a big manifest repeats a few names.
func appendSecretValues(out []span, b parser.Block, names map[string]bool) []span {
	switch b := b.(type) {
	case *parser.Mapping:
		for _, e := range b.Entries {
			secret, known := names[e.Key.Name]
			if !known {
				secret = secretName(e.Key.Name)
				names[e.Key.Name] = secret
			}
			if secret && e.Value != nil {
				out = append(out, span{e.Value.Pos().Offset, e.Value.End().Offset})
			}
			switch {
			case secret && e.Block != nil:
				out = append(out, span{e.Block.Pos().Offset, e.Block.End().Offset})
			case secret && e.Value == nil:
				// Nothing yet: an empty place, which marks the line a
				// secret may go on from.
				c := e.Colon.Offset + 1
				out = append(out, span{c, c})
			case e.Block != nil:
				out = appendSecretValues(out, e.Block, names)
			}
		}
	case *parser.List:
		for _, it := range b.Items {
			if it.Block != nil {
				out = appendSecretValues(out, it.Block, names)
			}
		}
	}
	return out
}

// unplacedSecret looks at the line src[start:end] for a word naming a
// secret followed by blanks, ":" or "=" and a value, and returns the
// place of the value.
func unplacedSecret(src []byte, start, end int) (span, bool) {
	for i := start; i < end; {
		j := i
		for j < end && keyByte(src[j]) {
			j++
		}
		if j == i {
			i++
			continue
		}
		k := j
		for k < end && strings.IndexByte(" \t:=\"'", src[k]) >= 0 {
			k++
		}
		v := end
		for v > k && (src[v-1] == ' ' || src[v-1] == '\t' || src[v-1] == '\r') {
			v--
		}
		if k > j && v > k && secretName(string(src[i:j])) {
			return span{k, v}, true
		}
		i = j
	}
	return span{}, false
}

// keyByte reports whether c can be in a bare key.
func keyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-'
}

// mergeSpans sorts spans and merges those that overlap or touch.
func mergeSpans(spans []span) []span {
	if len(spans) < 2 {
		return spans
	}
	slices.SortFunc(spans, func(a, b span) int { return cmp.Compare(a.start, b.start) })
	out := spans[:1]
	for _, s := range spans[1:] {
		last := &out[len(out)-1]
		if s.start <= last.end {
			last.end = max(last.end, s.end)
			continue
		}
		out = append(out, s)
	}
	return out
}
