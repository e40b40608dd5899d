package request

// RuleDoc documents a rule of the decoder: a one-line summary, for a
// table of rules, and the documentation ie explain prints.
type RuleDoc struct {
	Name, Summary, Doc string
}

// RuleDocs documents the decoder's rules about Signature Version 4
// requests, their bodies, their parameters' values and their
// verification.
var RuleDocs = []RuleDoc{{
	Name:    RuleFormEncoding,
	Summary: "a body that is not form-encoded name=value pairs, or a Content-Type that says another type",
	Doc: `The Import/Export API reads a form body: name=value pairs joined by "&",
names and values percent-encoded, sent with Content-Type
application/x-www-form-urlencoded; charset=utf-8. A JSON or XML body, or
text without a single name=value pair, is reported once, at the body,
instead of as a missing parameter for each one it lacks.

Avoid:
    Content-Type: application/x-amz-json-1.1

    {"Action": "GetStatus", "JobId": "ABC12"}

Prefer:
    Content-Type: application/x-www-form-urlencoded; charset=utf-8

    Action=GetStatus&JobId=ABC12&Version=2010-06-01`,
}, {
	Name:    RuleAuthorization,
	Summary: "a Version 4 Authorization header that is cut short or garbled, or names another algorithm, region, service or an absent header",
	Doc: `A request signed with Signature Version 4 carries its signature in the
Authorization header: the algorithm AWS4-HMAC-SHA256, then Credential
(ACCESS-KEY-ID/DATE/us-east-1/IngestionService/aws4_request: AWS's SDKs
sign Import/Export for the service IngestionService in us-east-1, whatever
the endpoint), SignedHeaders (lower-case names, sorted, separated by ";",
each a header of the request, host among them) and Signature (64
lower-case hex digits). The first defect of the header is reported, at
its place; a request with X-Amz-Date but no Authorization header is
reported too.

Avoid:
    Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261121/us-east-1/importexport/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=7a0f

Prefer:
    Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261121/us-east-1/IngestionService/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=7a0fdcff9f4178df9874eb64d886526ed5598940018d8810c9fcc47fd3763bc8`,
}, {
	Name:    RuleAmzDate,
	Summary: "X-Amz-Date missing or malformed, or not the date of the credential scope",
	Doc: `A Version 4 signature is dated by the X-Amz-Date header, written in basic
ISO 8601 in UTC (20261121T180000Z), and the date of its credential scope
is the day of that time. A request without it, with another layout, or
whose credential names another day is reported; the service refuses it.

Avoid:
    X-Amz-Date: 2026-11-21T18:00:00Z

Prefer:
    X-Amz-Date: 20261121T180000Z`,
}, {
	Name:    RuleSignatureMatch,
	Summary: "a signature that the credentials of the environment do not give (ie decode -verify)",
	Doc: `With -verify, ie decode computes the request's signature again with the
credentials of the environment, Version 4 or Version 2 as the request is
signed. When it differs, the request was changed after it was signed (a
header, the body, the path) or another secret signed it; what the
signature should sign for the request as received is shown (the
canonical request and the string to sign), to be compared with what the
sender signed. The secret is never shown.`,
}, {
	Name:    RuleParamValue,
	Summary: "a value the API model does not allow: JobType not Import or Export, ValidateOnly not true or false, MaxJobs not a whole number",
	Doc: `The API model constrains three parameters: JobType is Import or Export
(case-sensitive), ValidateOnly is true or false, MaxJobs is a whole number.
Another value is reported at its place; the service would answer
InvalidParameterException.

Avoid:
    Action=CreateJob&JobType=import&ValidateOnly=yes&...

Prefer:
    Action=CreateJob&JobType=Import&ValidateOnly=false&...`,
}}
