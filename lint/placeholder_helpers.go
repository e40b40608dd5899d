package lint

import "strings"

// This file finds placeholders: the template text that the placeholder
// rule reports, and that the rules checking the shape of a value skip.
// Words inside a longer value count only in upper case or followed by a
// colon ("TODO", "todo: fill in"): "todo" is also Spanish and Portuguese
// for "all", and a data description may say so.
//
// The placeholders were once these regular expressions, tried in this
// order; a pattern with a group reports that group:
//
//	1. \*{3}[^*]*\*{3}                                    ***Your Bucket***
//	2. (?i)<\s*your\b[^<>]*>                             <your-log-bucket>, anywhere
//	3. ^\s*(<[^<>@]+>)\s*$                                <bucket> as the whole value, but not <jane@example.com>
//	4. (?i)^\s*(todo|tbd|changeme|fixme|replace_me)\s*$   the whole value, in any case
//	5. \b(?:TODO|TBD|CHANGEME|FIXME|REPLACE_ME)\b         anywhere, in upper case
//	6. (?i)\b(?:todo|tbd|changeme|fixme|replace_me)\b\s*: anywhere, followed by a colon
//	7. \b[xX]{3,}\b                                       XXXXX, xxx-xxx-xxxx; never Exxon
//
// The functions below scan bytes instead, and find exactly the same
// spans: every byte the patterns name is ASCII, so a byte of a multi-byte
// character never matches one; \s is [\t\n\f\r ] and \b is the edge of
// a run of [0-9A-Za-z_], as in Go's regexp; and none of the words holds
// a letter whose case folding leaves ASCII (only k and s do, in Go).

// placeholderWords are the words of patterns 4 to 6, in lower case.
var placeholderWords = []string{"todo", "tbd", "changeme", "fixme", "replace_me"}

// placeholderStarts are the letters that start a placeholder word or a
// word of x (patterns 4 to 7), in either case.
var placeholderStarts = byteSet("tTcCfFrRxX")

// placeholderAt returns the byte span of the leftmost placeholder in s;
// when several patterns match at the same offset, the first one in the
// list above gives the span.
func placeholderAt(s string) (i, j int, ok bool) {
	if lead, end, ok := wholePlaceholder(s); ok {
		// No pattern matches in the blanks before lead, and at lead
		// only patterns 1 and 2 come before 3 and 4.
		if j, ok := starsOrTagAt(s, lead); ok {
			return lead, j, true
		}
		return lead, end, true
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !wordBytes[c] {
			if c == '*' || c == '<' {
				if j, ok := starsOrTagAt(s, i); ok {
					return i, j, true
				}
			}
			continue
		}
		// A word starts at i: patterns 5 to 7 may match here, and
		// nothing can start inside the word.
		if placeholderStarts[c] {
			if j, ok := placeholderWordAt(s, i); ok {
				return i, j, true
			}
		}
		for i+1 < len(s) && wordBytes[s[i+1]] {
			i++
		}
	}
	return 0, 0, false
}

// starsOrTagAt matches pattern 1 or 2 at offset i of s, and returns where
// the match ends.
func starsOrTagAt(s string, i int) (end int, ok bool) {
	switch s[i] {
	case '*':
		return starsAt(s, i)
	case '<':
		return yourTagAt(s, i)
	}
	return 0, false
}

// wholePlaceholder reports whether the whole of s, blanks aside, is a
// placeholder (patterns 3 and 4), and the span of that text: it starts
// at lead, past the leading blanks.
func wholePlaceholder(s string) (lead, end int, ok bool) {
	lead, end = 0, len(s)
	for lead < end && isRegexpSpace(s[lead]) {
		lead++
	}
	for end > lead && isRegexpSpace(s[end-1]) {
		end--
	}
	t := s[lead:end]
	switch {
	case t == "":
	case t[0] == '<':
		// Pattern 3: "<", one or more bytes other than "<", ">"
		// and "@", ">".
		if len(t) >= 3 && t[len(t)-1] == '>' && !strings.ContainsAny(t[1:len(t)-1], "<>@") {
			return lead, end, true
		}
	case placeholderStarts[t[0]]:
		// Pattern 4: one of the words, in any case.
		for _, w := range placeholderWords {
			if equalFoldASCII(t, w) {
				return lead, end, true
			}
		}
	}
	return 0, 0, false
}

// starsAt matches pattern 1 at offset i of s: "***", bytes other than
// "*", "***". It returns where the match ends.
func starsAt(s string, i int) (end int, ok bool) {
	if !hasPrefixAt(s, i, "***") {
		return 0, false
	}
	k := i + 3
	for k < len(s) && s[k] != '*' {
		k++
	}
	if !hasPrefixAt(s, k, "***") {
		return 0, false
	}
	return k + 3, true
}

// yourTagAt matches pattern 2 at offset i of s: "<", blanks, "your" in
// any case and not followed by a letter, digit or "_", then bytes other
// than "<" and ">", then ">". It returns where the match ends.
func yourTagAt(s string, i int) (end int, ok bool) {
	k := i + 1
	for k < len(s) && isRegexpSpace(s[k]) {
		k++
	}
	if k+4 > len(s) || !equalFoldASCII(s[k:k+4], "your") || k+4 < len(s) && wordBytes[s[k+4]] {
		return 0, false
	}
	for k += 4; k < len(s); k++ {
		switch s[k] {
		case '>':
			return k + 1, true
		case '<':
			return 0, false
		}
	}
	return 0, false
}

// placeholderWordAt matches patterns 5, 6 and 7 at offset i of s, where
// a word starts, and returns where the first of them to match ends.
func placeholderWordAt(s string, i int) (end int, ok bool) {
	first := lowerASCII(s[i])
	if first == 'x' {
		return xRunAt(s, i) // pattern 7
	}
	for _, w := range placeholderWords {
		end := i + len(w)
		if w[0] != first || end > len(s) || !equalFoldASCII(s[i:end], w) || end < len(s) && wordBytes[s[end]] {
			continue
		}
		if isUpperASCII(s[i:end]) {
			return end, true // pattern 5
		}
		if colon, ok := colonAfter(s, end); ok {
			return colon + 1, true // pattern 6
		}
	}
	return 0, false
}

// colonAfter returns the offset of the ":" that follows offset i of s
// after blanks, if there is one.
func colonAfter(s string, i int) (int, bool) {
	for i < len(s) && isRegexpSpace(s[i]) {
		i++
	}
	return i, i < len(s) && s[i] == ':'
}

// xRunAt matches pattern 7 at offset i of s, the start of a word: three
// or more "x" or "X" that end the word. It returns where the run ends.
func xRunAt(s string, i int) (end int, ok bool) {
	end = i
	for end < len(s) && (s[end] == 'x' || s[end] == 'X') {
		end++
	}
	if end-i < 3 || end < len(s) && wordBytes[s[end]] {
		return 0, false
	}
	return end, true
}

// wordBytes are [0-9A-Za-z_], the characters of a word for \b.
var wordBytes = byteSet("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")

// isRegexpSpace reports whether c is one of [\t\n\f\r ], the blanks of \s.
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// isUpperASCII reports whether s has no lower-case ASCII letter.
func isUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'a' && s[i] <= 'z' {
			return false
		}
	}
	return true
}

// lowerASCII returns c in lower case when it is an ASCII letter, else c.
func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// equalFoldASCII reports whether s is lower, an ASCII word in lower case,
// up to the case of ASCII letters.
func equalFoldASCII(s, lower string) bool {
	if len(s) != len(lower) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if lowerASCII(s[i]) != lower[i] {
			return false
		}
	}
	return true
}

// hasPrefixAt reports whether s has prefix at offset i.
func hasPrefixAt(s string, i int, prefix string) bool {
	return i+len(prefix) <= len(s) && s[i:i+len(prefix)] == prefix
}
