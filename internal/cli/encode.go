package cli

import (
	"errors"
	"flag"
	"io"
	"os"
	"time"

	"github.com/iekit/iekit/lint"
	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/request"
)

var encodeCommand = &command{
	name:    "encode",
	summary: "show the CreateJob request that sends a manifest, signed or not",
	usage:   encodeUsage,
	run:     runEncode,
}

const encodeUsage = `usage: ie encode [flags] FILE

Encode prints the request that sends a manifest to AWS Import/Export: by
default the CreateJob form body, exactly as it goes on the wire (names and
values percent-encoded, upper-case hex, a space as %20). The manifest is
sent in its canonical form (as iefmt writes it), without its comments
unless -keep-comments. A manifest with lint errors is refused (exit 1)
unless -force.

With -sign, the request is signed with Signature Version 2. Credentials
come from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN,
or else from the profile AWS_PROFILE of the shared credentials file
(AWS_SHARED_CREDENTIALS_FILE, or ~/.aws/credentials); never from a flag,
and the secret is never printed. The manifest's accessKeyId must be the
signing key.
`

// encodeFlags are the flags of ie encode.
type encodeFlags struct {
	format, action, jobType, jobID, method, stamp, expires    string
	validateOnly, keepComments, explain, sign, showSTS, force bool
}

// declare declares the flags on fs.
func (fl *encodeFlags) declare(fs *flag.FlagSet) {
	fs.StringVar(&fl.format, "format", "body", "body, http (the whole request), curl (a command that sends it) or json (the parameters)")
	fs.StringVar(&fl.action, "action", "CreateJob", "CreateJob, UpdateJob, GetStatus, CancelJob or ListJobs")
	fs.StringVar(&fl.jobType, "job-type", "", "Import or Export (default: from the manifest's job kind)")
	fs.StringVar(&fl.jobID, "job-id", "", "the job ID, for UpdateJob, GetStatus and CancelJob")
	fs.BoolVar(&fl.validateOnly, "validate-only", false, "ask the service only to validate (ValidateOnly=true)")
	fs.BoolVar(&fl.keepComments, "keep-comments", false, "send the manifest's comments too")
	fs.BoolVar(&fl.explain, "explain", false, "show each parameter decoded beside its encoding, and the manifest line by line")
	fs.BoolVar(&fl.sign, "sign", false, "sign the request (Signature Version 2) with the credentials of the environment")
	fs.StringVar(&fl.method, "signature-method", request.HmacSHA256, "HmacSHA256 or HmacSHA1")
	fs.StringVar(&fl.stamp, "timestamp", "", "sign as of this time (RFC 3339), for reproducible output; default now")
	fs.StringVar(&fl.expires, "expires", "", "send Expires with this time (RFC 3339) instead of Timestamp")
	fs.BoolVar(&fl.showSTS, "show-string-to-sign", false, "print the string to sign instead of the request")
	fs.BoolVar(&fl.force, "force", false, "encode a manifest even if it has lint errors")
}

// check reports whether the flags go together; it reports why not.
func (fl *encodeFlags) check(e *env) bool {
	switch {
	case !e.oneOf("format", fl.format, "body", "http", "curl", "json"):
		return false
	case (fl.showSTS || fl.stamp != "" || fl.expires != "") && !fl.sign:
		e.fail(ExitUsage, "-show-string-to-sign, -timestamp and -expires go with -sign")
		return false
	case fl.stamp != "" && fl.expires != "":
		e.fail(ExitUsage, "-timestamp and -expires exclude each other: a request carries one of them")
		return false
	}
	return true
}

// encodeInput is the manifest a request carries.
type encodeInput struct {
	name      string
	src       []byte
	accessKey string              // its accessKeyId, "" for none
	redact    func(string) string // hides its secrets from people
}

func runEncode(e *env, args []string) int {
	var fl encodeFlags
	fl.declare(e.flags)
	e.maxSizeFlag()
	paths, code, ok := e.parse(args, 0, 1)
	switch {
	case !ok:
		return code
	case !fl.check(e):
		return ExitUsage
	}
	in := &encodeInput{name: stdinName, redact: func(s string) string { return s }}
	if len(paths) == 1 {
		if code := e.readManifest(paths[0], fl.force, in); code != ExitOK {
			return code
		}
	} else if fl.action == "CreateJob" || fl.action == "UpdateJob" {
		return e.usageError("%s sends a manifest: name its FILE", fl.action)
	}
	ps, err := request.Build(in.src, request.Options{
		Action: fl.action, JobType: fl.jobType, JobID: fl.jobID,
		ValidateOnly: fl.validateOnly, KeepComments: fl.keepComments,
	})
	if syntax := parser.Diagnostics(nil); errors.As(err, &syntax) {
		e.diagnostics(in.name, syntax)
		return ExitFindings
	} else if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	if fl.sign {
		var sts string
		if ps, sts, code = e.sign(ps, fl, in.accessKey); code != ExitOK {
			return code
		}
		if fl.showSTS {
			io.WriteString(e.stdout, sts)
			return ExitOK
		}
	}
	return e.writeRequest(ps, fl, in.redact)
}

// readManifest reads and lints the manifest at path, with the
// configuration that governs it, as ie lint finds them. A manifest with
// lint errors is refused unless force.
func (e *env) readManifest(path string, force bool, in *encodeInput) int {
	targets, problems := lint.Expand([]string{path}, lint.Options{Stdin: e.stdin, StdinName: stdinName, MaxSize: e.maxSize})
	if code := e.problems(problems); code != ExitOK {
		return code
	}
	if len(targets) != 1 {
		return e.fail(ExitUsage, "%s is not one manifest file", path)
	}
	src, err := targets[0].Read()
	if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	in.name, in.src = targets[0].Path, src
	res := lint.Check(in.name, src, targets[0].Config)
	if res.Diagnostics.HasErrors() && !force {
		lint.WriteText(e.stderr, []*lint.Result{res}, lint.TextOptions{})
		return e.fail(ExitFindings, "%s has errors; fix them, or encode anyway with -force", in.name)
	}
	if k := res.File.Body.Lookup("accessKeyId"); k != nil && k.Value != nil {
		in.accessKey = k.Value.Text
	}
	in.redact = res.Redact
	return ExitOK
}

// sign signs the request with the credentials of the environment, which
// must be those of the manifest's accessKeyId. It returns the signed
// request and the string it signed.
func (e *env) sign(ps request.Params, fl encodeFlags, manifestKey string) (request.Params, string, int) {
	creds, err := request.LoadCredentials(os.Getenv)
	if err != nil {
		return nil, "", e.fail(ExitUsage, "%v", err)
	}
	if manifestKey != "" && manifestKey != creds.AccessKeyID {
		return nil, "", e.fail(ExitFindings, "the manifest's accessKeyId %s is not the signing key %s: the service would answer InvalidAccessKeyIdException", manifestKey, creds.AccessKeyID)
	}
	opt := request.SignOptions{Method: fl.method, Time: time.Now()}
	for _, t := range []struct {
		flag, value string
		expires     bool
	}{{"-timestamp", fl.stamp, false}, {"-expires", fl.expires, true}} {
		if t.value == "" {
			continue
		}
		when, err := time.Parse(time.RFC3339Nano, t.value)
		if err != nil {
			return nil, "", e.fail(ExitUsage, "invalid %s %q: want RFC 3339, such as 2026-11-21T18:00:00Z", t.flag, t.value)
		}
		opt.Time, opt.Expires = when, t.expires
	}
	signed, sts, err := request.Sign(ps, creds, opt)
	if err != nil {
		return nil, "", e.fail(ExitUsage, "%v", err)
	}
	return signed, sts, ExitOK
}

// writeRequest writes the request in the chosen shape. Outputs for people
// show the manifest's secrets redacted; the body, the request and the curl
// command carry them, as they must.
func (e *env) writeRequest(ps request.Params, fl encodeFlags, redact func(string) string) int {
	var err error
	switch {
	case fl.explain:
		err = ps.WriteExplain(e.stdout, redact)
	case fl.format == "body":
		body := ps.Encode()
		if isTerminal(e.stdout) {
			body += "\n"
		}
		_, err = io.WriteString(e.stdout, body)
	case fl.format == "http":
		err = (&request.HTTPRequest{Params: ps}).Write(e.stdout)
	case fl.format == "curl":
		err = (&request.HTTPRequest{Params: ps}).WriteCurl(e.stdout)
	case fl.format == "json":
		err = ps.WriteJSON(e.stdout, redact)
	}
	if err != nil {
		return e.fail(ExitUsage, "writing the output: %v", err)
	}
	return ExitOK
}
