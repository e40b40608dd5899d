package cli

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
not signed at all. Then it lints the manifest with every rule; those
findings are placed within the manifest, reported as
"FILE (Manifest):line:col", with the manifest's line under each on a
terminal or with -snippets. Secrets, and the session token of temporary
credentials, are redacted. -format json writes it all as one JSON object;
-format sarif writes the findings as a SARIF 2.1.0 log that documents the
decoder's rules beside lint's. "ie rules" lists the decoder's rules, and
"ie explain RULE" explains one.

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
`

func runDecode(e *env, args []string) int {
	format := e.flags.String("format", "text", "text, json or sarif")
	snippets := e.flags.Bool("snippets", false, "show the manifest's source line under each of its findings (the default on a terminal)")
	verify := e.flags.Bool("verify", false, "check the signature with the credentials of the environment")
	signed := e.flags.String("signed", "", "with -verify, a file holding what the sender signed, to compare with the request")
	e.maxSizeFlag()
	e.colorFlag()
	paths, code, ok := e.parse(args, 0, 1)
	switch {
	case !ok:
		return code
	case !e.oneOf("format", *format, "text", "json", "sarif"):
		return ExitUsage
	case *signed != "" && !*verify:
		return e.fail(ExitUsage, "-signed goes with -verify")
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
	if *verify {
		if code := e.verify(r, *signed); code != ExitOK {
			return code
		}
	}
	switch *format {
	case "json":
		err = r.writeJSON(e.stdout)
	case "sarif":
		err = r.writeSARIF(e.stdout)
	default:
		err = r.writeText(e.stdout, e.textOptions(e.stdout, *snippets))
	}
	switch {
	case err != nil:
		return e.fail(ExitUsage, "writing the output: %v", err)
	case r.hasErrors():
		return ExitFindings
	}
	return ExitOK
}
