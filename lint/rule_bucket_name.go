package lint

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// ruleBucketName checks the values of bucket-name options (bucket,
// logBucket, exportBucket: every option of type BucketName) against the
// S3 naming rules of spec §3.5.
var ruleBucketName = &Rule{
	Name:     "bucket-name",
	Severity: parser.SeverityError,
	Summary:  "a bucket name that breaks the S3 naming rules; legacy us-east-1 names warn, dotted names get a note",
	Doc: `S3 bucket names are 3 to 63 characters of lower-case letters, digits, "."
and "-", begin and end with a letter or digit, have no "..", "-." or ".-",
are not shaped like an IP address, and avoid the prefixes and suffixes S3
reserves (xn--, sthree-, amzn-s3-demo-, -s3alias, --ol-s3, .mrap, --x-s3,
--table-s3). No bucket can have such a name, so a manifest naming one fails
with NoSuchBucketException or InvalidManifestFieldException: the rule
reports each broken rule once.

Buckets created in us-east-1 before March 2018 could have up to 255
characters, upper case and "_". A name that breaks only those rules is a
warning: the bucket may exist, but the name is not DNS-compatible and
CreateJob answers with a WarningMessage. A valid name with dots works, but
virtual-hosted HTTPS requests to it fail certificate checks: a note.`,
	Avoid:         "bucket: Photos_2026..archive\n",
	Prefer:        "bucket: photos-2026-archive\n",
	Check:         checkBucketName,
	Scope:         ScopeItem,
	ServiceErrors: []string{"InvalidManifestFieldException"},
}

// bucketReservedPrefixes and bucketReservedSuffixes are the affixes S3
// keeps for its own names.
var (
	bucketReservedPrefixes = []string{"xn--", "sthree-", "amzn-s3-demo-"}
	bucketReservedSuffixes = []string{"-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"}
)

func checkBucketName(p *Pass) {
	for _, f := range p.fields() {
		if f.Is(schema.BucketName) {
			checkBucketValue(p, f.Entry)
		}
	}
}

// checkBucketValue checks the value of one bucket-name entry.
func checkBucketValue(p *Pass, e *parser.Entry) {
	v := checkable(e)
	if v == nil {
		return
	}
	name := v.Text
	errs, legacy := bucketNameProblems(name)
	switch {
	case len(errs) > 0:
		for _, msg := range errs {
			p.Report(parser.Diagnostic{Start: v.Pos(), End: v.End(), Message: bucketMessage(e.Key.Name, name, msg)})
		}
	case legacy:
		p.Report(parser.Diagnostic{Start: v.Pos(), End: v.End(), Severity: parser.SeverityWarning,
			Message: bucketMessage(e.Key.Name, name, "is valid only for a legacy us-east-1 bucket: it is not DNS-compatible, and CreateJob answers with a WarningMessage")})
	case strings.Contains(name, "."):
		p.Report(parser.Diagnostic{Start: v.Pos(), End: v.End(), Severity: parser.SeverityInfo,
			Message: bucketMessage(e.Key.Name, name, "has dots: virtual-hosted HTTPS requests to it fail certificate checks")})
	}
}

// bucketMessage returns a message about name, the bucket name under key:
// `bucket name "NAME"` followed by says, or "the bucket name" followed
// by says when the name must never be shown. A big manifest can have a
// finding for every bucket, so the message is joined, not formatted.
func bucketMessage(key, name, says string) string {
	if neverEcho(key, name) {
		return "the bucket name " + says
	}
	return "bucket name " + strconv.Quote(name) + " " + says
}

// bucketNameProblems returns what is wrong with name, one phrase per
// broken rule, when no bucket can have it; otherwise none, and legacy
// reports whether the name is valid only for a legacy us-east-1 bucket.
func bucketNameProblems(name string) (errs []string, legacy bool) {
	if plainBucketName(name) {
		return nil, false // most names: nothing to say
	}
	return bucketNameRules(name)
}

// bucketNameRules is bucketNameProblems the long way: it tries each rule
// in turn.
func bucketNameRules(name string) (errs []string, legacy bool) {
	var upper, underscore, other bool
	var bad []rune // characters other than lower-case letters, digits, "." and "-"
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '.', r == '-':
		case r >= 'A' && r <= 'Z':
			upper = true
		default:
			underscore = underscore || r == '_'
			other = other || r != '_'
			if !slices.Contains(bad, r) {
				bad = append(bad, r)
			}
		}
	}
	n := utf8.RuneCountInString(name)
	// The messages that need building are built only for a finding.
	lengthMsg := func() string { return fmt.Sprintf("is %d characters long: a bucket name has 3 to 63", n) }
	charsMsg := func() string {
		return "has " + badCharsPhrase(upper, bad) + `: only lower-case letters, digits, "." and "-" are allowed`
	}

	var hard []string // rules that even a legacy name cannot break
	if n < 3 || n > 255 {
		hard = append(hard, lengthMsg())
	}
	if other {
		hard = append(hard, charsMsg())
	}
	if first, last := bucketEdgeOK(name, 0), bucketEdgeOK(name, len(name)-1); !first || !last {
		switch {
		case !first && !last:
			hard = append(hard, "must start and end with a letter or digit")
		case !first:
			hard = append(hard, "must start with a letter or digit")
		default:
			hard = append(hard, "must end with a letter or digit")
		}
	}
	if strings.Contains(name, "..") {
		hard = append(hard, `has two dots in a row ("..")`)
	}
	if strings.Contains(name, "-.") || strings.Contains(name, ".-") {
		hard = append(hard, `has a dash next to a dot ("-." or ".-")`)
	}
	if ipv4Shaped(name) {
		hard = append(hard, "is shaped like an IP address")
	}
	for _, pre := range bucketReservedPrefixes {
		if strings.HasPrefix(name, pre) {
			hard = append(hard, fmt.Sprintf("starts with %q, a prefix S3 reserves", pre))
		}
	}
	for _, suf := range bucketReservedSuffixes {
		if strings.HasSuffix(name, suf) {
			hard = append(hard, fmt.Sprintf("ends with %q, a suffix S3 reserves", suf))
		}
	}
	long := n > 63 && n <= 255
	soft := long || upper || underscore // what a legacy us-east-1 name may have
	if len(hard) == 0 {
		return nil, soft
	}
	// No bucket at all can have the name: the legacy allowances count too.
	if long {
		hard = append([]string{lengthMsg()}, hard...)
	}
	if !other && (upper || underscore) {
		hard = append(hard, charsMsg())
	}
	return hard, false
}

// plainBucketName reports whether name breaks none of the rules of
// bucketNameProblems and needs none of the legacy allowances, in one pass
// over its bytes: 3 to 63 lower-case letters, digits, "." and "-", a
// letter or digit at each end, no "." beside a "." or a "-", not shaped
// like an IP address, no reserved prefix or suffix. The other names take
// the long way, which says what is wrong with them.
func plainBucketName(name string) bool {
	if len(name) < 3 || len(name) > 63 {
		return false
	}
	ip := true // only digits and dots so far: maybe shaped like an IP address
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case c >= '0' && c <= '9':
		case c >= 'a' && c <= 'z':
			ip = false
		case c == '.' || c == '-':
			if i == 0 || i == len(name)-1 || name[i-1] == '.' || c == '.' && name[i-1] == '-' {
				return false
			}
			ip = ip && c == '.'
		default:
			return false
		}
	}
	if ip && ipv4Shaped(name) {
		return false
	}
	for _, pre := range bucketReservedPrefixes {
		if strings.HasPrefix(name, pre) {
			return false
		}
	}
	for _, suf := range bucketReservedSuffixes {
		if strings.HasSuffix(name, suf) {
			return false
		}
	}
	return true
}

// badCharsPhrase names the characters a bucket name cannot have, such as
// `upper-case letters and "_"`.
func badCharsPhrase(upper bool, bad []rune) string {
	var parts []string
	if upper {
		parts = append(parts, "upper-case letters")
	}
	for _, r := range bad {
		parts = append(parts, strconv.Quote(string(r)))
	}
	return joinAnd(parts)
}

// bucketEdgeOK reports whether the byte at i is a letter or a digit (upper
// case counts: the character rule reports it).
func bucketEdgeOK(name string, i int) bool {
	if i < 0 || i >= len(name) {
		return true // too short: the length rule reports it
	}
	c := name[i]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// ipv4Shaped reports whether s is four dot-separated groups of 1 to 3
// digits, as 192.168.5.4.
func ipv4Shaped(s string) bool {
	if strings.Count(s, ".") != 3 {
		return false
	}
	for part := range strings.SplitSeq(s, ".") {
		if len(part) < 1 || len(part) > 3 || strings.Trim(part, "0123456789") != "" {
			return false
		}
	}
	return true
}
