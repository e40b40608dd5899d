package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/iekit/iekit/format"
	"github.com/iekit/iekit/internal/cli"
	"github.com/iekit/iekit/lint"
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

Flags:
`

func runEncode(args []string, std stdio) int {
	fs := flag.NewFlagSet("encode", flag.ContinueOnError)
	fs.SetOutput(std.err)
	formatFlag := fs.String("format", "body", "body, http (the whole request), curl (a command that sends it) or json (the parameters)")
	action := fs.String("action", "CreateJob", strings.Join(request.ActionNames(), ", "))
	jobType := fs.String("job-type", "", "Import or Export (default: from the manifest's job kind)")
	jobID := fs.String("job-id", "", "the job ID, for UpdateJob, GetStatus and CancelJob; job IDs separated by commas for GetShippingLabel")
	address := map[string]*string{}
	for _, name := range request.AddressParams {
		address[name] = fs.String(name, "", "GetShippingLabel: the return address's "+name+" (default: the manifest's returnAddress)")
	}
	var optional request.Params
	fs.Func("param", "an optional parameter of the action, NAME=VALUE, such as MaxJobs=10 for ListJobs (repeatable)", func(s string) error {
		name, value, ok := strings.Cut(s, "=")
		if !ok || name == "" {
			return fmt.Errorf("want NAME=VALUE, not %q", s)
		}
		optional = append(optional, request.Param{Name: name, Value: value})
		return nil
	})
	validateOnly := fs.Bool("validate-only", false, "ask the service only to validate (ValidateOnly=true)")
	keepComments := fs.Bool("keep-comments", false, "send the manifest's comments too")
	explain := fs.Bool("explain", false, "show each parameter decoded beside its encoding, and the manifest line by line")
	sign := fs.Bool("sign", false, "sign the request with the credentials of the environment")
	version := fs.Int("signature-version", 4, "4 (the Authorization header) or 2 (parameters in the body)")
	method := fs.String("signature-method", request.HmacSHA256, "HmacSHA256 or HmacSHA1, for -signature-version 2")
	stamp := fs.String("timestamp", "", "sign as of this time (RFC 3339), for reproducible output; default now")
	expires := fs.String("expires", "", "send Expires with this time (RFC 3339) instead of Timestamp, for -signature-version 2")
	showSTS := fs.Bool("show-string-to-sign", false, "print what is signed instead of the request: the string to sign, after the canonical request and a blank line for Version 4")
	force := fs.Bool("force", false, "encode a manifest even if it has lint errors")
	host := fs.String("host", request.Host, "the endpoint's host, such as importexport-fips.us-east-1.amazonaws.com (FIPS) or importexport.us-east-1.api.aws (dual-stack)")
	fs.Usage = func() {
		fmt.Fprint(std.err, encodeUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return cli.ExitOK
		}
		return cli.ExitUsage
	}
	fail := func(code int, format string, a ...any) int {
		fmt.Fprintf(std.err, "ie encode: "+format+"\n", a...)
		return code
	}
	switch *formatFlag {
	case "body", "http", "curl", "json":
	default:
		return fail(cli.ExitUsage, "invalid -format %q; use body, http, curl or json", *formatFlag)
	}
	if (*showSTS || *stamp != "" || *expires != "") && !*sign {
		return fail(cli.ExitUsage, "-show-string-to-sign, -timestamp and -expires go with -sign")
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	switch {
	case *version != 4 && *version != 2:
		return fail(cli.ExitUsage, "invalid -signature-version %d; use 4 or 2", *version)
	case *version == 4 && (given["signature-method"] || given["expires"]):
		return fail(cli.ExitUsage, "-signature-method and -expires go with -signature-version 2")
	}
	overrides := map[string]string{}
	for name, v := range address {
		if given[name] {
			overrides[name] = *v
		}
	}
	if len(overrides) > 0 && *action != "GetShippingLabel" {
		return fail(cli.ExitUsage, "the return address flags go with -action GetShippingLabel")
	}
	if !validHost(*host) {
		return fail(cli.ExitUsage, "invalid -host %q: give a host name alone, such as %s", *host, request.Host)
	}
	if *stamp != "" && *expires != "" {
		return fail(cli.ExitUsage, "-timestamp and -expires exclude each other: a request carries one of them")
	}
	needsManifest := *action == "CreateJob" || *action == "UpdateJob"
	var headers []request.Header
	var src []byte
	var manifestKey string
	redact := func(s string) string { return s }
	input := "<stdin>"
	switch {
	case fs.NArg() == 1:
		// The file, and the configuration that governs it, as ie lint finds them.
		targets, problems := lint.Expand(fs.Args(), lint.Options{Stdin: std.in})
		for _, p := range problems {
			for _, d := range p.Diags {
				fmt.Fprintf(std.err, "%s:%s\n", p.Path, d)
			}
			if p.Err != nil {
				return fail(cli.ExitUsage, "%v", p.Err)
			}
		}
		if len(problems) > 0 {
			return cli.ExitUsage
		}
		if len(targets) != 1 {
			return fail(cli.ExitUsage, "%s is not one manifest file", fs.Arg(0))
		}
		data, err := targets[0].Read()
		if err != nil {
			return fail(cli.ExitUsage, "%v", err)
		}
		name := targets[0].Path
		src, input = data, name
		res := lint.Check(name, src, targets[0].Config)
		if res.Diagnostics.HasErrors() && !*force {
			lint.WriteText(std.err, []*lint.Result{res}, lint.TextOptions{})
			return fail(cli.ExitFindings, "%s has errors; fix them, or encode anyway with -force", name)
		}
		if e := res.File.Body.Lookup("accessKeyId"); e != nil && e.Value != nil {
			manifestKey = e.Value.Text
		}
		redact = res.Redact
	case fs.NArg() == 0 && !needsManifest:
		// GetShippingLabel takes the return address from a manifest, or
		// from the flags alone.
	default:
		return fail(cli.ExitUsage, "usage: ie encode [flags] FILE")
	}
	ps, err := request.Build(src, request.Options{
		Action: *action, JobType: *jobType, JobID: *jobID,
		ValidateOnly: *validateOnly, KeepComments: *keepComments, Address: overrides, Optional: optional,
	})
	var syntax *format.SyntaxError
	if errors.As(err, &syntax) {
		return fail(cli.ExitFindings, "%s:%v", input, err)
	} else if err != nil {
		return fail(cli.ExitUsage, "%v", err)
	}
	if *sign {
		creds, err := request.LoadCredentials(os.Getenv)
		if err != nil {
			return fail(cli.ExitUsage, "%v", err)
		}
		if manifestKey != "" && manifestKey != creds.AccessKeyID {
			return fail(cli.ExitFindings, "the manifest's accessKeyId %s is not the signing key %s: the service would answer InvalidAccessKeyIdException", manifestKey, creds.AccessKeyID)
		}
		opt := request.SignOptions{Method: *method, Time: time.Now(), Host: *host}
		for _, t := range []struct {
			flag, value string
			expires     bool
		}{{"-timestamp", *stamp, false}, {"-expires", *expires, true}} {
			if t.value == "" {
				continue
			}
			when, err := time.Parse(time.RFC3339Nano, t.value)
			if err != nil {
				return fail(cli.ExitUsage, "invalid %s %q: want RFC 3339, such as 2026-11-21T18:00:00Z", t.flag, t.value)
			}
			opt.Time, opt.Expires = when, t.expires
		}
		var sts string
		if *version == 2 {
			ps, sts, err = request.Sign(ps, creds, opt)
		} else {
			var v4 *request.V4
			if v4, err = request.SignV4(ps.Encode(), creds, opt); err == nil {
				headers, sts = v4.Header, v4.CanonicalRequest+"\n\n"+v4.StringToSign
			}
		}
		if err != nil {
			return fail(cli.ExitUsage, "%v", err)
		}
		if *showSTS {
			io.WriteString(std.out, sts)
			return cli.ExitOK
		}
	}
	// Outputs for people show the manifest's secrets redacted; the body,
	// the request and the curl command carry them, as they must.
	if *explain {
		writeExplain(std.out, ps, redact)
		return cli.ExitOK
	}
	body := ps.Encode()
	var extra strings.Builder // the signature's headers, for http and curl
	for _, h := range headers {
		if *formatFlag == "http" {
			fmt.Fprintf(&extra, "%s: %s\r\n", h.Name, h.Value)
		} else {
			fmt.Fprintf(&extra, " -H '%s: %s'", h.Name, h.Value) // no "'" in a header ie writes
		}
	}
	switch *formatFlag {
	case "body":
		io.WriteString(std.out, body)
		if isTerminal(std.out) {
			io.WriteString(std.out, "\n")
		}
	case "http":
		fmt.Fprintf(std.out, "POST / HTTP/1.1\r\nHost: %s\r\nContent-Type: application/x-www-form-urlencoded; charset=utf-8\r\nContent-Length: %d\r\n%s\r\n%s",
			*host, len(body), extra.String(), body)
	case "curl":
		// The body holds no quote: "'" is %27 once encoded.
		fmt.Fprintf(std.out, "curl -sS -X POST 'https://%s/' -H 'Content-Type: application/x-www-form-urlencoded; charset=utf-8'%s --data-binary '%s'\n",
			*host, extra.String(), body)
	case "json":
		writeParamsJSON(std.out, ps, redact)
	}
	return cli.ExitOK
}

// validHost reports whether h is a host name, with a port perhaps: letters,
// digits, "-", "." and ":" only, so that it can go in a URL and a header.
func validHost(h string) bool {
	return h != "" && strings.Trim(h, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.:") == ""
}

// writeExplain shows each parameter decoded beside its encoding, and the
// manifest line by line beside the encoding of each line.
func writeExplain(w io.Writer, ps request.Params, redact func(string) string) {
	for _, p := range ps {
		p.Value = redact(p.Value)
		if p.Name == "Manifest" {
			fmt.Fprintf(w, "%s =\n", p.Name)
			lines := strings.SplitAfter(p.Value, "\n")
			width := 0
			for _, l := range lines {
				width = max(width, len(strings.TrimSuffix(l, "\n")))
			}
			for _, l := range lines {
				if l != "" {
					fmt.Fprintf(w, "    %-*s  %s\n", width, strings.TrimSuffix(l, "\n"), request.Escape(l))
				}
			}
			continue
		}
		fmt.Fprintf(w, "%s = %s\n    %s=%s\n", p.Name, p.Value, request.Escape(p.Name), request.Escape(p.Value))
	}
}

// writeParamsJSON writes the parameters as one JSON object, in order.
func writeParamsJSON(w io.Writer, ps request.Params, redact func(string) string) {
	var b strings.Builder
	b.WriteString("{\n")
	for i, p := range ps {
		name, _ := json.Marshal(p.Name)
		value, _ := json.Marshal(redact(p.Value))
		fmt.Fprintf(&b, "  %s: %s", name, value)
		if i < len(ps)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("}\n")
	io.WriteString(w, b.String())
}
