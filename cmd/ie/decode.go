package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/iekit/iekit/internal/cli"
	"github.com/iekit/iekit/lint"
	"github.com/iekit/iekit/request"
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
reports every defect at its place in the input: a body that is not
form-encoded, a "%" not followed by two hex digits ("+" is a space),
escapes of control characters or of text that is not UTF-8, a parameter
glued to the value before it (a missing "&"), duplicate, unknown and
missing parameters and those of another action, values the API model
does not allow (JobType, ValidateOnly, MaxJobs), a SignatureMethod that is
not HmacSHA256 or HmacSHA1, a signature of the wrong length, both or
neither of Timestamp and Expires, a malformed timestamp, a Content-Length
that differs from the body, a Host header with a scheme, a request that is
not signed at all. Then it lints the manifest with every
rule; those findings are placed within the manifest, reported as
"FILE (Manifest):line:col". Secrets, and the session token of temporary
credentials, are redacted.

A request signed with Signature Version 4 carries its signature in the
Authorization header: its algorithm, credential scope, signed headers and
signature are checked, and its date against X-Amz-Date. With -verify, the
signature (Version 4 or 2) is computed again with the credentials of the
environment, as ie encode -sign finds them; when it does not hold, what it
should sign is shown (the canonical request and the string to sign), so
that it can be compared with what the sender signed: -signed FILE does
it, for a FILE holding the sender's canonical request (Version 4; botocore
logs it at debug level) or string to sign (Version 2), and says where they
differ. When the signature holds for the request as it was before a
common change (a body encoded again, a rewritten Content-Type or Host),
the finding names the change. The secret is never printed.

Exit status: 0 no errors, 1 errors, 2 usage error or unreadable input, 3
internal error.

Flags:
`

func runDecode(args []string, std stdio) int {
	fs := flag.NewFlagSet("decode", flag.ContinueOnError)
	fs.SetOutput(std.err)
	formatFlag := fs.String("format", "text", "text or json")
	verify := fs.Bool("verify", false, "check the signature with the credentials of the environment")
	signedFile := fs.String("signed", "", "with -verify, a file holding what the sender signed, to compare with the request")
	fs.Usage = func() {
		fmt.Fprint(std.err, decodeUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return cli.ExitOK
		}
		return cli.ExitUsage
	}
	if *formatFlag != "text" && *formatFlag != "json" {
		fmt.Fprintf(std.err, "ie decode: invalid -format %q; use text or json\n", *formatFlag)
		return cli.ExitUsage
	}
	path := "-"
	switch fs.NArg() {
	case 0:
	case 1:
		path = fs.Arg(0)
	default:
		fmt.Fprint(std.err, "usage: ie decode [flags] [FILE|-]\n")
		return cli.ExitUsage
	}
	name, input, err := readInput(path, std.in)
	if err != nil {
		fmt.Fprintf(std.err, "ie: %v\n", err)
		return cli.ExitUsage
	}
	var signed []byte
	if *signedFile != "" {
		if !*verify {
			fmt.Fprint(std.err, "ie decode: -signed goes with -verify\n")
			return cli.ExitUsage
		}
		if signed, err = os.ReadFile(*signedFile); err != nil {
			fmt.Fprintf(std.err, "ie decode: %v\n", err)
			return cli.ExitUsage
		}
	}
	d := request.Decode(input)
	var v *request.Verification
	var diffs []string
	if *verify {
		creds, err := request.LoadCredentials(os.Getenv)
		if err == nil {
			v, err = d.Verify(creds)
		}
		if err != nil {
			// A malformed signature is among the findings, which set the
			// exit status; otherwise nothing could be checked.
			fmt.Fprintf(std.err, "ie decode: cannot verify: %v\n", err)
			if !d.Diagnostics.HasErrors() {
				return cli.ExitUsage
			}
		}
		if v != nil && v.Diagnostic != nil {
			d.Diagnostics = append(d.Diagnostics, *v.Diagnostic)
			d.Diagnostics.Sort()
			if signed != nil {
				diffs = v.Compare(string(signed))
			}
		}
	}
	results := []*lint.Result{{Name: name, Src: input, Diagnostics: d.Diagnostics}}
	manifest, hasManifest := d.Params.Get("Manifest")
	var m *lint.Result
	if hasManifest {
		m = lint.Check(name+" (Manifest)", []byte(manifest), nil)
		results = append(results, m)
	}
	// Values are the sender's: redact secrets, and show control characters
	// rather than send them to the terminal.
	redact := func(s string) string {
		if m != nil {
			s = m.Redact(s)
		}
		return d.Redact(s)
	}

	if *formatFlag == "json" {
		var findings bytes.Buffer
		lint.WriteJSON(&findings, results)
		type param struct {
			Name  string `json:"name"`
			Value string `json:"value"`
		}
		out := struct {
			HTTP       bool            `json:"http"`
			Parameters []param         `json:"parameters"`
			Manifest   *string         `json:"manifest,omitempty"`
			Signature  *verification   `json:"signature,omitempty"`
			Findings   json.RawMessage `json:"findings"`
		}{HTTP: d.HTTP, Parameters: []param{}, Findings: findings.Bytes()}
		if v != nil {
			out.Signature = &verification{v.Version, v.OK, d.Redact(v.CanonicalRequest), v.StringToSign, nil}
			for _, diff := range diffs {
				out.Signature.Differences = append(out.Signature.Differences, d.Redact(diff))
			}
		}
		for _, p := range d.Params {
			out.Parameters = append(out.Parameters, param{p.Name, redact(p.Value)})
		}
		if hasManifest {
			s := redact(manifest)
			out.Manifest = &s
		}
		enc := json.NewEncoder(std.out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		enc.Encode(out)
	} else {
		var b strings.Builder
		b.WriteString("Parameters:\n")
		for _, p := range d.Params {
			if p.Name == "Manifest" {
				fmt.Fprintf(&b, "    %s = (%d bytes, below)\n", p.Name, len(p.Value))
				continue
			}
			fmt.Fprintf(&b, "    %s = %s\n", visible(p.Name, false), visible(redact(p.Value), false))
		}
		if hasManifest {
			b.WriteString("Manifest:\n")
			for _, l := range strings.SplitAfter(visible(redact(manifest), true), "\n") {
				if l != "" {
					b.WriteString("    " + strings.TrimSuffix(l, "\n") + "\n")
				}
			}
		}
		if v != nil {
			writeVerification(&b, v, signed != nil, diffs, d.Redact)
		}
		io.WriteString(std.out, b.String())
		lint.WriteText(std.out, results, lint.TextOptions{})
	}
	for _, r := range results {
		if r.Diagnostics.HasErrors() {
			return cli.ExitFindings
		}
	}
	return cli.ExitOK
}

// verification is the JSON form of a request.Verification.
type verification struct {
	Version          int      `json:"version"`
	Holds            bool     `json:"holds"`
	CanonicalRequest string   `json:"canonicalRequest,omitempty"`
	StringToSign     string   `json:"stringToSign"`
	Differences      []string `json:"differences,omitempty"`
}

// writeVerification says whether the signature holds and, when it does
// not, shows what it should sign and, when compared is set, where that
// differs from what the sender signed, the session token redacted.
func writeVerification(b *strings.Builder, v *request.Verification, compared bool, diffs []string, redact func(string) string) {
	if v.OK {
		fmt.Fprintf(b, "Signature Version %d: holds\n", v.Version)
		return
	}
	fmt.Fprintf(b, "Signature Version %d: does not hold; for this request it should sign\n", v.Version)
	for _, s := range []struct{ title, text string }{{"Canonical request", v.CanonicalRequest}, {"String to sign", v.StringToSign}} {
		if s.text == "" {
			continue
		}
		fmt.Fprintf(b, "%s:\n", s.title)
		for _, l := range strings.Split(s.text, "\n") {
			if l != "" {
				b.WriteString("    " + visible(redact(l), false))
			}
			b.WriteString("\n")
		}
	}
	switch {
	case !compared:
	case len(diffs) == 0:
		b.WriteString("What was signed is what the request gives: another secret signed it\n")
	default:
		b.WriteString("Where the request differs from what was signed:\n")
		for _, d := range diffs {
			b.WriteString("    " + visible(redact(d), false) + "\n")
		}
	}
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
