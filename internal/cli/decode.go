package cli

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

var decodeCommand = &command{
	name:    "decode",
	summary: "take apart a captured request and find what is wrong with it",
	usage:   decodeUsage,
	run:     runDecode,
}

const decodeUsage = `usage: ie decode [flags] [FILE|-]

Decode reads a form-encoded Import/Export request body, or a whole HTTP
request (request line, headers, a blank line, the body), from FILE or
standard input. It prints the parameters and the manifest they carry, and
reports every defect at its place in the input: a "%" not followed by two
hex digits, escapes of control characters or of text that is not UTF-8, a
parameter glued to the value before it (a missing "&"), duplicate, unknown
and missing parameters, a SignatureMethod that is not HmacSHA256 or
HmacSHA1, a signature of the wrong length, both or neither of Timestamp
and Expires, a malformed timestamp, a Content-Length that differs from the
body, a Host header with a scheme. Then it lints the manifest with every
rule; those findings are placed within the manifest, reported as
"FILE (Manifest):line:col", with the manifest's line under each on a
terminal or with -snippets. Secrets are redacted. -format json writes it
all as one JSON object; -format sarif writes the findings as a SARIF
2.1.0 log that documents the decoder's rules beside lint's. "ie rules"
lists the decoder's rules, and "ie explain RULE" explains one.

Exit status: 0 no errors, 1 errors, 2 usage error or unreadable input, 3
internal error.
`

func runDecode(e *env, args []string) int {
	format := e.flags.String("format", "text", "text, json or sarif")
	snippets := e.flags.Bool("snippets", false, "show the manifest's source line under each of its findings (the default on a terminal)")
	e.maxSizeFlag()
	paths, code, ok := e.parse(args, 0, 1)
	switch {
	case !ok:
		return code
	case !e.oneOf("format", *format, "text", "json", "sarif"):
		return ExitUsage
	}
	path := "-"
	if len(paths) == 1 {
		path = paths[0]
	}
	name, input, err := e.readInput(path)
	if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	r := newDecodeReport(name, input)
	switch *format {
	case "json":
		err = r.writeJSON(e.stdout)
	case "sarif":
		err = r.writeSARIF(e.stdout)
	default:
		err = r.writeText(e.stdout, textOptions(e.stdout, *snippets))
	}
	switch {
	case err != nil:
		return e.fail(ExitUsage, "writing the output: %v", err)
	case r.hasErrors():
		return ExitFindings
	}
	return ExitOK
}

// visible escapes what a terminal would act on rather than show: control
// characters (C0 but tab, and newline where keepNewlines; DEL; C1) and
// bytes that are not UTF-8, written as \xNN or \uNNNN.
func visible(s string, keepNewlines bool) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\t', r == '\n' && keepNewlines:
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r >= 0x80 && r < 0xa0:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}
