package lint

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/iekit/iekit/parser"
)

// Redacted is what every output shows in place of a secret.
const Redacted = "[redacted]"

// redactor masks the secrets of one manifest by their places (see
// secretSpans): a secret is masked where it stands and nowhere else, so
// that a pinCode of 2010 leaves "Version = 2010-06-01" alone, which both
// keeps that text right and keeps the PIN from being inferred. It finds
// the places when it is first used, so that a manifest with nothing to
// print, such as a clean one, never pays for the search. The zero
// redactor masks nothing.
type redactor struct{ *lazySpans }

// lazySpans finds the places of a manifest's secrets on first use.
type lazySpans struct {
	once   sync.Once
	file   *parser.File
	src    []byte
	syntax parser.Diagnostics
	spans  []span
}

// newRedactor returns the redactor of the secrets of f, parsed from src
// with the syntax errors given.
func newRedactor(f *parser.File, src []byte, syntax parser.Diagnostics) redactor {
	return redactor{&lazySpans{file: f, src: src, syntax: syntax}}
}

// places returns the places of the secrets, sorted and merged.
func (r redactor) places() []span {
	if r.lazySpans == nil {
		return nil
	}
	r.once.Do(func() { r.spans = secretSpans(r.file, r.src, r.syntax) })
	return r.spans
}

// from returns the places of the secrets that end after offset, in order.
func (r redactor) from(offset int) []span {
	places := r.places()
	i, _ := slices.BinarySearchFunc(places, offset, func(s span, offset int) int {
		return cmp.Compare(s.end, offset+1)
	})
	return places[i:]
}

// mask returns s, the bytes of the source from offset base on, with every
// part of a secret in it replaced by Redacted. A secret that runs over
// several lines is masked on each after its indentation, so the lines
// stay lines.
func (r redactor) mask(s string, base int) string {
	var b strings.Builder
	done := 0 // s[:done] is written
	for _, sp := range r.from(base) {
		i, j := max(sp.start-base, done), min(sp.end-base, len(s))
		if j <= i {
			if sp.start-base >= len(s) {
				break
			}
			continue
		}
		b.WriteString(s[done:i])
		for k := i; k < j; {
			nl := strings.IndexByte(s[k:j], '\n')
			if nl < 0 {
				nl = j - k
			}
			seg := s[k : k+nl]
			text := strings.TrimLeft(seg, " \t") // the indentation stays
			b.WriteString(seg[:len(seg)-len(text)])
			if strings.TrimRight(text, "\r") != "" {
				b.WriteString(Redacted)
			}
			if k+nl < j {
				if nl > 0 && s[k+nl-1] == '\r' {
					b.WriteByte('\r')
				}
				b.WriteByte('\n')
			}
			k += nl + 1
		}
		done = j
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// secretAt reports whether any byte of [start, end) is part of a secret.
func (r redactor) secretAt(start, end int) bool {
	for _, sp := range r.from(start) {
		if sp.start < end && start < sp.end || start == end && sp.start <= start && start < sp.end {
			return true
		}
		if sp.start >= end {
			break
		}
	}
	return false
}

// Text returns s, text that is not at a known place of the source (an
// error message, a request parameter), with every word shaped like a
// secret access key masked.
func (r redactor) Text(s string) string {
	words := secretWords(s)
	if len(words) == 0 {
		return s
	}
	var b strings.Builder
	done := 0
	for _, w := range words {
		b.WriteString(s[done:w[0]])
		b.WriteString(Redacted)
		done = w[1]
	}
	b.WriteString(s[done:])
	return b.String()
}

// Diagnostic returns d as it may be shown: its message, related messages
// and fix titles with every secret they quote masked (see message), its
// data masked likewise, and without the fixes that would edit a secret
// or carry one (see safeFixes).
func (r redactor) Diagnostic(d parser.Diagnostic) parser.Diagnostic {
	lines := r.linesOf(d)
	d.Message = r.message(d.Message, lines)
	d.Related = append([]parser.Related(nil), d.Related...)
	for i := range d.Related {
		d.Related[i].Message = r.message(d.Related[i].Message, lines)
	}
	if d.Data != nil {
		data := *d.Data
		data.Value = r.Text(r.excerpt(data.Value, lines))
		data.Keys = append([]string(nil), data.Keys...)
		for i, k := range data.Keys {
			data.Keys[i] = r.Text(r.excerpt(k, lines))
		}
		d.Data = &data
	}
	d.Fixes = r.safeFixes(d.Fixes)
	for i := range d.Fixes {
		d.Fixes[i].Title = r.message(d.Fixes[i].Title, lines)
	}
	return d
}

// linesOf returns the source lines a finding is about, as spans: those
// of its own span and of its related places, where the text its message
// quotes comes from.
func (r redactor) linesOf(d parser.Diagnostic) []span {
	src := r.src
	around := func(start, end int) span {
		start, end = min(start, len(src)), min(max(start, end), len(src))
		return span{lineStart(src, start), lineEnd(src, end)}
	}
	out := []span{around(d.Start.Offset, d.End.Offset)}
	for _, rel := range d.Related {
		out = append(out, around(rel.Start.Offset, rel.End.Offset))
	}
	return out
}

// message returns msg with each quoted excerpt of the source in it
// masked (see excerpt) and every word shaped like a secret masked.
func (r redactor) message(msg string, lines []span) string {
	var b strings.Builder
	done := 0 // msg[:done] is written
	for i := 0; i < len(msg); {
		q := strings.IndexByte(msg[i:], '"')
		if q < 0 {
			break
		}
		at := i + q
		quoted, err := strconv.QuotedPrefix(msg[at:])
		if err != nil {
			i = at + 1
			continue
		}
		text, _ := strconv.Unquote(quoted)
		if masked := r.excerpt(text, lines); masked != text {
			b.WriteString(msg[done:at])
			b.WriteString(strconv.Quote(masked))
			done = at + len(quoted)
		}
		i = at + len(quoted)
	}
	if done == 0 {
		return r.Text(msg)
	}
	b.WriteString(msg[done:])
	return r.Text(b.String())
}

// excerpt returns text, which a message quotes from the source lines
// given, with the secrets in it masked by their places: where text stands
// over a secret on those lines, the parts of it that are the secret are
// masked. Text that holds a secret of those lines, or is part of one, but
// does not stand there as written (an escape decoded, a cut marked "…")
// is masked whole. Only lines that hold a secret are searched, so most
// findings cost nothing here.
func (r redactor) excerpt(text string, lines []span) string {
	t := strings.TrimSuffix(text, "…")
	if len(t) <= 2 && strings.IndexFunc(t, isAlnum) < 0 {
		return text // too little to tell anything, as the " #" of a finding
	}
	var secrets []span // those on the lines
	for _, l := range lines {
		for _, sp := range r.from(l.start) {
			if sp.start >= l.end {
				break
			}
			secrets = append(secrets, sp)
		}
	}
	if len(secrets) == 0 {
		return text
	}
	for _, sp := range secrets {
		// Where t would overlap sp.
		lo, hi := max(sp.start-len(t)+1, 0), min(sp.end+len(t)-1, len(r.src))
		if k := strings.Index(string(r.src[lo:hi]), t); k >= 0 {
			return r.mask(t, lo+k) + text[len(t):]
		}
	}
	for _, l := range lines {
		if strings.Contains(string(r.src[l.start:l.end]), t) {
			return text // it stands on the lines, clear of every secret
		}
	}
	for _, sp := range secrets {
		secret := string(r.src[sp.start:sp.end])
		if u, err := strconv.Unquote(secret); err == nil {
			secret = u
		}
		if strings.Contains(secret, t) || strings.Contains(t, secret) {
			return Redacted
		}
	}
	return text
}

// isAlnum reports whether c is a letter or a digit.
func isAlnum(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }

// safeFixes returns the fixes that may be shown and applied: none edits
// part of a secret (a fix may remove one whole, never cut or change it)
// and none writes a secret or the mask.
func (r redactor) safeFixes(fixes []parser.Fix) []parser.Fix {
	var out []parser.Fix
	for _, f := range fixes {
		if r.fixSafe(f) {
			out = append(out, f)
		}
	}
	return out
}

// fixSafe reports whether fix f may be shown and applied (see safeFixes).
func (r redactor) fixSafe(f parser.Fix) bool {
	for _, e := range f.Edits {
		if len(secretWords(e.NewText)) > 0 || strings.Contains(e.NewText, Redacted) {
			return false
		}
		for _, sp := range r.from(e.Start - 1) {
			if sp.start > e.End {
				break
			}
			touches := sp.start < e.End && e.Start < sp.end || e.Start == e.End && sp.start < e.Start && e.Start < sp.end
			if !touches {
				continue
			}
			if sp.start < e.Start || e.End < sp.end {
				return false // the edit cuts the secret
			}
			if strings.Contains(e.NewText, string(r.src[sp.start:sp.end])) {
				return false // the edit writes the secret again
			}
		}
	}
	return true
}
