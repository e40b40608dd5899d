package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/iekit/iekit/internal/color"
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

-action picks another operation; GetShippingLabel takes the return
address from the manifest's returnAddress, field by field unless a flag
(-name, -street1, ...) gives it, or from the flags alone without FILE.

With -sign, the request is signed with Signature Version 4 in the
Authorization header, as AWS's SDKs sign it (-signature-version 2 puts a
Version 2 signature in the parameters instead). Credentials come from
AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, or else
from the profile AWS_PROFILE of the shared credentials file
(AWS_SHARED_CREDENTIALS_FILE, or ~/.aws/credentials); never from a flag,
and the secret is never printed. The manifest's accessKeyId must be the
signing key.

The body, -format http and -format curl are what is sent: they carry the
manifest byte for byte, its secrets (pinCode, trueCryptPassword)
included. -explain and -format json are for people: they show secrets
and anything shaped like a secret access key as [redacted].
`

// encodeFlags are the flags of ie encode.
type encodeFlags struct {
	format, action, jobType, jobID, method, stamp, expires, host string
	validateOnly, keepComments, explain, sign, showSTS, force    bool
	signatureVersion                                             int
	address                                                      map[string]*string // the return address flags, by parameter
	optional                                                     request.Params     // -param
	given                                                        map[string]bool    // the flags set on the command line
}

// declare declares the flags on fs.
func (fl *encodeFlags) declare(fs *flag.FlagSet) {
	fs.StringVar(&fl.format, "format", "body", "body, http (the whole request), curl (a command that sends it) or json (the parameters)")
	fs.StringVar(&fl.action, "action", "CreateJob", strings.Join(request.ActionNames(), ", "))
	fs.StringVar(&fl.jobType, "job-type", "", "Import or Export (default: from the manifest's job kind)")
	fs.StringVar(&fl.jobID, "job-id", "", "the job ID, for UpdateJob, GetStatus and CancelJob; job IDs separated by commas for GetShippingLabel")
	fl.address = map[string]*string{}
	for _, name := range request.AddressParams {
		fl.address[name] = fs.String(name, "", "GetShippingLabel: the return address's "+name+" (default: the manifest's returnAddress)")
	}
	fs.Func("param", "an optional parameter of the action, NAME=VALUE, such as MaxJobs=10 for ListJobs (repeatable)", func(s string) error {
		name, value, ok := strings.Cut(s, "=")
		if !ok || name == "" {
			return fmt.Errorf("want NAME=VALUE, not %q", s)
		}
		fl.optional = append(fl.optional, request.Param{Name: name, Value: value})
		return nil
	})
	fs.BoolVar(&fl.validateOnly, "validate-only", false, "ask the service only to validate (ValidateOnly=true)")
	fs.BoolVar(&fl.keepComments, "keep-comments", false, "send the manifest's comments too")
	fs.BoolVar(&fl.explain, "explain", false, "show each parameter decoded beside its encoding, and the manifest line by line")
	fs.BoolVar(&fl.sign, "sign", false, "sign the request with the credentials of the environment")
	fs.IntVar(&fl.signatureVersion, "signature-version", 4, "4 (the Authorization header) or 2 (parameters in the body)")
	fs.StringVar(&fl.method, "signature-method", request.HmacSHA256, "HmacSHA256 or HmacSHA1, for -signature-version 2")
	fs.StringVar(&fl.stamp, "timestamp", "", "sign as of this time (RFC 3339), for reproducible output; default now")
	fs.StringVar(&fl.expires, "expires", "", "send Expires with this time (RFC 3339) instead of Timestamp, for -signature-version 2")
	fs.BoolVar(&fl.showSTS, "show-string-to-sign", false, "print what is signed instead of the request: the string to sign, after the canonical request and a blank line for Version 4")
	fs.BoolVar(&fl.force, "force", false, "encode a manifest even if it has lint errors")
	fs.StringVar(&fl.host, "host", request.Host, "the endpoint's host, such as importexport-fips.us-east-1.amazonaws.com (FIPS) or importexport.us-east-1.api.aws (dual-stack)")
}

// addressOverrides returns the return address fields given by flags.
func (fl *encodeFlags) addressOverrides() map[string]string {
	out := map[string]string{}
	for name, v := range fl.address {
		if fl.given[name] {
			out[name] = *v
		}
	}
	return out
}

// check reports whether the flags go together; it reports why not.
func (fl *encodeFlags) check(e *env) bool {
	fl.given = map[string]bool{}
	e.flags.Visit(func(f *flag.Flag) { fl.given[f.Name] = true })
	switch {
	case !e.oneOf("format", fl.format, "body", "http", "curl", "json"):
		return false
	case (fl.showSTS || fl.stamp != "" || fl.expires != "") && !fl.sign:
		e.fail(ExitUsage, "-show-string-to-sign, -timestamp and -expires go with -sign")
		return false
	case fl.stamp != "" && fl.expires != "":
		e.fail(ExitUsage, "-timestamp and -expires exclude each other: a request carries one of them")
		return false
	case fl.signatureVersion != 4 && fl.signatureVersion != 2:
		e.fail(ExitUsage, "invalid -signature-version %d; use 4 or 2", fl.signatureVersion)
		return false
	case fl.signatureVersion == 4 && (fl.given["signature-method"] || fl.given["expires"]):
		e.fail(ExitUsage, "-signature-method and -expires go with -signature-version 2")
		return false
	case len(fl.addressOverrides()) > 0 && fl.action != "GetShippingLabel":
		e.fail(ExitUsage, "the return address flags go with -action GetShippingLabel")
		return false
	case !validHost(fl.host):
		e.fail(ExitUsage, "invalid -host %q: give a host name alone, such as %s", fl.host, request.Host)
		return false
	}
	return true
}

// validHost reports whether h is a host name, with a port perhaps: letters,
// digits, "-", "." and ":" only, so that it can go in a URL and a header.
func validHost(h string) bool {
	return h != "" && strings.Trim(h, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.:") == ""
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
	in := &encodeInput{name: stdinName, redact: redactParam}
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
		Address: fl.addressOverrides(), Optional: fl.optional,
	})
	if syntax := parser.Diagnostics(nil); errors.As(err, &syntax) {
		e.diagnostics(in.name, in.src, syntax)
		return ExitFindings
	} else if err != nil {
		return e.fail(ExitUsage, "%v", err)
	}
	r := &request.HTTPRequest{Host: fl.host, Params: ps}
	if fl.sign {
		var sts string
		if sts, code = e.sign(r, fl, in.accessKey); code != ExitOK {
			return code
		}
		if fl.showSTS {
			io.WriteString(e.stdout, sts)
			return ExitOK
		}
	}
	return e.writeRequest(r, fl, in.redact)
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
	in.redact = redactParam
	return ExitOK
}

// redactParam returns the value of a request parameter as people see it:
// read as a manifest (which the Manifest parameter is), with its secrets
// masked where they stand, and any word shaped like a secret access key.
func redactParam(s string) string { return string(lint.RedactManifest([]byte(s))) }

// sign signs the request with the credentials of the environment, which
// must be those of the manifest's accessKeyId: Version 2 adds parameters,
// Version 4 headers. It returns what it signed: the string to sign, after
// the canonical request and a blank line for Version 4.
func (e *env) sign(r *request.HTTPRequest, fl encodeFlags, manifestKey string) (string, int) {
	creds, err := request.LoadCredentials(os.Getenv)
	if err != nil {
		return "", e.fail(ExitUsage, "%v", err)
	}
	if manifestKey != "" && manifestKey != creds.AccessKeyID {
		return "", e.fail(ExitFindings, "the manifest's accessKeyId %s is not the signing key %s: the service would answer InvalidAccessKeyIdException", lint.RedactText(manifestKey), lint.RedactText(creds.AccessKeyID))
	}
	opt := request.SignOptions{Method: fl.method, Time: time.Now(), Host: r.Host}
	for _, t := range []struct {
		flag, value string
		expires     bool
	}{{"-timestamp", fl.stamp, false}, {"-expires", fl.expires, true}} {
		if t.value == "" {
			continue
		}
		when, err := time.Parse(time.RFC3339Nano, t.value)
		if err != nil {
			return "", e.fail(ExitUsage, "invalid %s %q: want RFC 3339, such as 2026-11-21T18:00:00Z", t.flag, t.value)
		}
		opt.Time, opt.Expires = when, t.expires
	}
	var sts string
	if fl.signatureVersion == 2 {
		r.Params, sts, err = request.Sign(r.Params, creds, opt)
	} else {
		var v4 *request.V4
		if v4, err = request.SignV4(r.Params.Encode(), creds, opt); err == nil {
			r.Headers, sts = v4.Header, v4.CanonicalRequest+"\n\n"+v4.StringToSign
		}
	}
	if err != nil {
		return "", e.fail(ExitUsage, "%v", err)
	}
	return sts, ExitOK
}

// writeRequest writes the request in the chosen shape. Outputs for people
// show the manifest's secrets redacted; the body, the request and the curl
// command carry them, as they must.
func (e *env) writeRequest(r *request.HTTPRequest, fl encodeFlags, redact func(string) string) int {
	ps := r.Params
	var err error
	switch {
	case fl.explain:
		err = ps.WriteExplain(e.stdout, redact)
	case fl.format == "body":
		body := ps.Encode()
		if color.IsTerminal(e.stdout) {
			body += "\n"
		}
		_, err = io.WriteString(e.stdout, body)
	case fl.format == "http":
		err = r.Write(e.stdout)
	case fl.format == "curl":
		err = r.WriteCurl(e.stdout)
	case fl.format == "json":
		err = ps.WriteJSON(e.stdout, redact)
	}
	if err != nil {
		return e.fail(ExitUsage, "writing the output: %v", err)
	}
	return ExitOK
}
