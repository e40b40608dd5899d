package lint

import "bytes"

// A configuration is read with the manifest parser, for which a "#" after
// a value is part of the value (the service's dialect has no end-of-line
// comments, and cutting a value there would lose data). A configuration is
// ours, its values are rule names, levels, kinds and globs, and people
// write it as YAML: "kind: s3-export   # force the job kind". So before
// parsing, each end-of-line comment is blanked out, byte for byte, which
// keeps every position the parser reports.

// stripComments returns src with every end-of-line comment replaced by
// blanks: a "#" that follows a blank, outside a quoted value, up to the
// end of its line. Full-line comments are left to the parser.
func stripComments(src []byte) []byte {
	var out []byte // a copy, made at the first comment
	for start := 0; start < len(src); {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		if i := configCommentStart(src[start:end]); i >= 0 {
			if out == nil {
				out = bytes.Clone(src)
			}
			for k := start + i; k < end && src[k] != '\r'; k++ {
				out[k] = ' '
			}
		}
		start = end + 1
	}
	if out == nil {
		return src
	}
	return out
}

// configCommentStart returns the offset in line of the blank before an
// end-of-line comment, or -1 when the line has none. A line that is a
// comment itself has none.
func configCommentStart(line []byte) int {
	i := skipBlanks(line, 0)
	if i == len(line) || line[i] == '#' {
		return -1
	}
	if line[i] == '-' && (i+1 == len(line) || isBlank(line[i+1])) {
		i = skipBlanks(line, i+1) // a list item
	}
	v := valueStart(line, i)
	if v < len(line) && (line[v] == '"' || line[v] == '\'') {
		v = quoteEnd(line, v)
	}
	for k := v; k < len(line); k++ {
		if line[k] == '#' && k > 0 && isBlank(line[k-1]) {
			return k - 1
		}
	}
	return -1
}

// valueStart returns where the value of the text at line[i:] starts: after
// the colon and blanks of a "key:", or at i when the text is not a key.
func valueStart(line []byte, i int) int {
	k := i
	for k < len(line) && isKeyByte(line[k]) {
		k++
	}
	if k > i && k < len(line) && line[k] == ':' && (k+1 == len(line) || isBlank(line[k+1])) {
		return skipBlanks(line, k+1)
	}
	return i
}

// quoteEnd returns the offset just past the quoted text that starts at
// line[i], or len(line) when the quote is not closed.
func quoteEnd(line []byte, i int) int {
	q := line[i]
	for k := i + 1; k < len(line); k++ {
		switch {
		case q == '"' && line[k] == '\\':
			k++ // an escape: the next byte is not a closing quote
		case line[k] == q && q == '\'' && k+1 < len(line) && line[k+1] == '\'':
			k++ // '' is a quote inside single quotes
		case line[k] == q:
			return k + 1
		}
	}
	return len(line)
}

func skipBlanks(line []byte, i int) int {
	for i < len(line) && isBlank(line[i]) {
		i++
	}
	return i
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\r' }

func isKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-'
}
