package request

import (
	"strings"

	"github.com/iekit/iekit/parser"
)

// Rules documents every rule of the decoder's findings, in the order of
// the checks: the body's, its parameters', the headers', then the
// signature's, which Verify computes again. Every finding is an error.
var Rules = []*parser.RuleDoc{
	{
		Name:     RuleFormEncoding,
		Severity: parser.SeverityError,
		Summary:  "a body that is not form-encoded name=value pairs, or a Content-Type that says another type",
		Doc: `The Import/Export API reads a form body: name=value pairs joined by "&",
names and values percent-encoded, sent with Content-Type
application/x-www-form-urlencoded; charset=utf-8. A JSON or XML body, or
text without a single name=value pair, is reported once, at the body,
instead of as a missing parameter for each one it lacks.

Send the parameters as a form, as "ie encode" writes them.`,
		Avoid:  "POST / HTTP/1.1\nHost: importexport.amazonaws.com\nContent-Type: application/x-amz-json-1.1\n\n{\"Action\": \"GetStatus\", \"JobId\": \"ABC12\"}\n",
		Prefer: "POST / HTTP/1.1\nHost: importexport.amazonaws.com\nContent-Type: application/x-www-form-urlencoded; charset=utf-8\n\nAction=GetStatus&JobId=ABC12&Version=2010-06-01\n",
	},
	{
		Name:     RuleBadEscape,
		Severity: parser.SeverityError,
		Summary:  `a "%" not followed by two hex digits`,
		Doc: `In a form-encoded body every "%" starts an escape of one byte, written
with two hex digits. A "%" that was not escaped itself, such as one
typed into a value by hand, makes the service read the next two
characters as an escape, or refuse the request; the decoder keeps the
"%" as it is.

Send a "%" as %25.`,
		Avoid:  "Manifest=archiveComment%3A%20100%%20scanned%0A\n",
		Prefer: "Manifest=archiveComment%3A%20100%25%20scanned%0A\n",
	},
	{
		Name:     RuleControlEscape,
		Severity: parser.SeverityError,
		Summary:  "an escape that decodes to a control character",
		Doc: `An escape such as %00 or %1B decodes to a control character, which has
no place in a parameter: a manifest is text with tabs and line breaks,
and the other parameters are single words. It usually comes from a file
encoded with the wrong tool, or a stray byte.

Remove it; a line break is %0A.`,
		Avoid:  "Manifest=bucket%3A%20photos%00\n",
		Prefer: "Manifest=bucket%3A%20photos%0A\n",
	},
	{
		Name:     RuleInvalidUTF8,
		Severity: parser.SeverityError,
		Summary:  "a name or value that does not decode to UTF-8 text",
		Doc: `The service reads parameters as UTF-8. Text escaped from another
encoding, such as Latin-1, where "é" is the single byte %E9, decodes to
bytes that are not UTF-8, and the manifest's names and addresses arrive
mangled.

Encode the text as UTF-8 before escaping it: "é" is %C3%A9.`,
		Avoid:  "Manifest=name%3A%20Jos%E9%20Garc%EDa%0A\n",
		Prefer: "Manifest=name%3A%20Jos%C3%A9%20Garc%C3%ADa%0A\n",
	},
	{
		Name:     RuleMissingAmpersand,
		Severity: parser.SeverityError,
		Summary:  `a parameter glued to the value before it, with no "&" between`,
		Doc: `Parameters are separated by "&". Without it, the next parameter's name
and "=" become part of the value before it: the service sees one
parameter with a strange value and misses the other. A "=" in a value is
sent as %3D, so a known parameter name followed by a bare "=" inside a
value is such a glued parameter.

Put "&" between the value and the name.`,
		Avoid:  "Action=CreateJobJobType=Import\n",
		Prefer: "Action=CreateJob&JobType=Import\n",
	},
	{
		Name:     RuleDuplicate,
		Severity: parser.SeverityError,
		Summary:  "the same parameter twice",
		Doc: `Each parameter is sent once. With two, which one the service reads is
not defined, and the signature covers both, so a request that works with
one service version may fail with another.

Keep the one you mean.`,
		Avoid:  "JobType=Import&JobType=Export\n",
		Prefer: "JobType=Import\n",
	},
	{
		Name:     RuleUnknown,
		Severity: parser.SeverityError,
		Summary:  "a parameter or action the Import/Export API does not have",
		Doc: `The service refuses a parameter it does not know, and an Action it does
not have. Names are case-sensitive: jobType is not JobType.

Use the parameters of the action, spelled as the API spells them.`,
		Avoid:  "Action=CreateJob&jobType=Import\n",
		Prefer: "Action=CreateJob&JobType=Import\n",
	},
	{
		Name:          RuleMissing,
		ServiceErrors: []string{"MissingParameterException"},
		Severity:      parser.SeverityError,
		Summary:       "a parameter the request needs is absent",
		Doc: `Every request carries Action and Version, and a signature: either
Signature Version 4 headers (Authorization and X-Amz-Date), or the
Signature Version 2 parameters (AWSAccessKeyId, SignatureVersion,
SignatureMethod, Signature, and Timestamp or Expires). Each action has
its own required parameters too, such as JobId for GetStatus or Manifest
for CreateJob. The service refuses a request without them.

"ie encode -sign" builds a complete request.`,
		Avoid:  "Action=GetStatus&Version=2010-06-01&AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&SignatureVersion=2&SignatureMethod=HmacSHA256&Timestamp=2026-11-21T18%3A00%3A00.000Z&Signature=LXEWQrcmsEQBYnyp%2B6wy9chTD7GQPMTbAiWHF5IaSIE%3D\n",
		Prefer: "Action=GetStatus&JobId=ABC12&Version=2010-06-01&AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&SignatureVersion=2&SignatureMethod=HmacSHA256&Timestamp=2026-11-21T18%3A00%3A00.000Z&Signature=LXEWQrcmsEQBYnyp%2B6wy9chTD7GQPMTbAiWHF5IaSIE%3D\n",
	},
	{
		Name:          RuleParamValue,
		ServiceErrors: []string{"InvalidParameterException"},
		Severity:      parser.SeverityError,
		Summary:       "a value the API model does not allow: JobType not Import or Export, ValidateOnly not true or false, MaxJobs not a whole number",
		Doc: `The API model constrains three parameters: JobType is Import or Export
(case-sensitive), ValidateOnly is true or false, MaxJobs is a whole number.
Another value is reported at its place; the service would answer
InvalidParameterException.

Send one of the values the model allows.`,
		Avoid:  "Action=CreateJob&JobType=import&ValidateOnly=yes\n",
		Prefer: "Action=CreateJob&JobType=Import&ValidateOnly=false\n",
	},
	{
		Name:     RuleSignatureMethod,
		Severity: parser.SeverityError,
		Summary:  "SignatureMethod not HmacSHA256 or HmacSHA1, or SignatureVersion not 2",
		Doc: `A request signed with Signature Version 2 in its parameters names the
method, HmacSHA256 or HmacSHA1. Another method, or a signature
pasted into SignatureMethod instead of Signature, makes the service
refuse the request.

Send SignatureVersion=2 and SignatureMethod=HmacSHA256.`,
		Avoid:  "SignatureVersion=2&SignatureMethod=HmacSHA512\n",
		Prefer: "SignatureVersion=2&SignatureMethod=HmacSHA256\n",
	},
	{
		Name:     RuleSignatureLength,
		Severity: parser.SeverityError,
		Summary:  "a Signature that is not Base64, or not as long as its method's",
		Doc: `A signature is the Base64 of an HMAC: 44 characters for HmacSHA256, 28
for HmacSHA1. A signature of the other length was made with the other
method than the one SignatureMethod names, or was cut; one that is not
Base64 was damaged, often by a "+" sent unescaped, which the service
reads as a space.

Sign again, with the method you send, and escape the signature ("+" is
%2B, "/" is %2F, "=" is %3D).`,
		Avoid:  "SignatureMethod=HmacSHA1&Signature=LXEWQrcmsEQBYnyp%2B6wy9chTD7GQPMTbAiWHF5IaSIE%3D\n",
		Prefer: "SignatureMethod=HmacSHA1&Signature=EfatjsUqKYSrqv18O1FlA3hcIHI%3D\n",
	},
	{
		Name:     RuleTimestamp,
		Severity: parser.SeverityError,
		Summary:  "Timestamp or Expires not an ISO 8601 time in UTC, or both sent",
		Doc: `A signed request says when it was made (Timestamp) or until when it is
valid (Expires), never both, as an ISO 8601 time in UTC, such as
2011-06-20T18:49:14.981Z. The service refuses a request whose time it
cannot read, or that is too far from its own clock.

Send one of them, in UTC with a "Z".`,
		Avoid:  "Timestamp=2026-11-21%2018%3A00%3A00\n",
		Prefer: "Timestamp=2026-11-21T18%3A00%3A00.000Z\n",
	},
	{
		Name:     RuleContentLength,
		Severity: parser.SeverityError,
		Summary:  "a Content-Length header that is not the length of the body",
		Doc: `In a whole HTTP request, Content-Length is the number of bytes of the
body. A wrong one makes the server cut the body, or wait for bytes that
never come. A final newline that a file adds after a captured body is
not counted against it.

Send the body's length, or let the HTTP client compute it.`,
		Avoid:  "POST / HTTP/1.1\nHost: importexport.amazonaws.com\nContent-Length: 100\n\nAction=GetStatus&JobId=ABC12\n",
		Prefer: "POST / HTTP/1.1\nHost: importexport.amazonaws.com\nContent-Length: 28\n\nAction=GetStatus&JobId=ABC12\n",
	},
	{
		Name:     RuleHost,
		Severity: parser.SeverityError,
		Summary:  "a Host header with a scheme",
		Doc: `The Host header names the host alone. With a scheme, such as "https://",
it does not match the host the request is sent to, and the string to
sign, which includes the host with either signature version, differs
from the service's.

Send the host name alone.`,
		Avoid:  "POST / HTTP/1.1\nHost: https://importexport.amazonaws.com\n\nAction=GetStatus&JobId=ABC12\n",
		Prefer: "POST / HTTP/1.1\nHost: importexport.amazonaws.com\n\nAction=GetStatus&JobId=ABC12\n",
	},
	{
		Name:     RuleAuthorization,
		Severity: parser.SeverityError,
		Summary:  "a Version 4 Authorization header that is cut short or garbled, or names another algorithm, region, service or an absent header",
		Doc: `A request signed with Signature Version 4 carries its signature in the
Authorization header: the algorithm AWS4-HMAC-SHA256, then Credential
(ACCESS-KEY-ID/DATE/us-east-1/IngestionService/aws4_request: AWS's SDKs
sign Import/Export for the service IngestionService in us-east-1, whatever
the endpoint), SignedHeaders (lower-case names, sorted, separated by ";",
each a header of the request, host among them) and Signature (64
lower-case hex digits). The first defect of the header is reported, at
its place; a request with X-Amz-Date but no Authorization header is
reported too.

Sign for IngestionService in us-east-1, as "ie encode -sign" does.`,
		Avoid:  strings.Replace(exampleV4, "/IngestionService/", "/importexport/", 1),
		Prefer: exampleV4,
	},
	{
		Name:     RuleAmzDate,
		Severity: parser.SeverityError,
		Summary:  "X-Amz-Date missing or malformed, or not the date of the credential scope",
		Doc: `A Version 4 signature is dated by the X-Amz-Date header, written in basic
ISO 8601 in UTC (20261121T180000Z), and the date of its credential scope
is the day of that time. A request without it, with another layout, or
whose credential names another day is reported; the service refuses it.

Send X-Amz-Date as the signature's time, in basic ISO 8601 with a "Z".`,
		Avoid:  strings.Replace(exampleV4, "X-Amz-Date: 20261121T180000Z", "X-Amz-Date: 2026-11-21T18:00:00Z", 1),
		Prefer: exampleV4,
	},
	{
		Name:     RuleSignatureMatch,
		Severity: parser.SeverityError,
		Summary:  "a signature that the credentials of the environment do not give (ie decode -verify)",
		Doc: `With -verify, ie decode computes the request's signature again with the
credentials of the environment, Version 4 or Version 2 as the request is
signed. When it differs, the request was changed after it was signed (a
header, the body, the path) or another secret signed it; what the
signature should sign for the request as received is shown (the
canonical request and the string to sign), to be compared with what the
sender signed (-signed FILE). The secret is never shown.

Sign the request as it is sent, and change nothing after signing. The
examples are signed with AWS's documented example credentials
(AKIAIOSFODNN7EXAMPLE); the one to avoid asks for another job than the
one signed.`,
		Avoid:  strings.Replace(exampleV4, "JobId=ABC12", "JobId=ABC13", 1),
		Prefer: exampleV4,
	},
}

// exampleV4 is a GetStatus request signed with Signature Version 4 by
// AWS's documented example credentials, the example of the rules about
// Version 4 signatures.
const exampleV4 = "POST / HTTP/1.1\nHost: importexport.amazonaws.com\nContent-Type: application/x-www-form-urlencoded; charset=utf-8\nX-Amz-Date: 20261121T180000Z\n" +
	"Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261121/us-east-1/IngestionService/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=7a0fdcff9f4178df9874eb64d886526ed5598940018d8810c9fcc47fd3763bc8\n" +
	"\nAction=GetStatus&JobId=ABC12&Version=2010-06-01\n"

// LookupRule returns the documentation of the decoder's rule named name,
// or nil.
func LookupRule(name string) *parser.RuleDoc {
	for _, r := range Rules {
		if r.Name == name {
			return r
		}
	}
	return nil
}
