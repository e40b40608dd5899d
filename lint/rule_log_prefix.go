package lint

import (
	"strings"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// ruleLogPrefix checks that logPrefix leaves room, within S3's 1024-byte
// key limit, for the "export-log-" and job ID that AWS appends.
var ruleLogPrefix = &Rule{
	Name:     "log-prefix",
	Severity: parser.SeverityError,
	Summary:  `a logPrefix too long for the log key: with "export-log-" and the job ID it must fit in 1024 bytes`,
	Doc: `AWS writes the job's log to logBucket under the key logPrefix, then
"export-log-", then the 5-character job ID. S3 keys are at most 1024 bytes
of UTF-8, so logPrefix can have at most 1008 bytes; a longer one fails
CreateJob with InvalidManifestFieldException. Shorten the prefix (bytes
count, not characters: accented letters take two or more).`,
	Avoid:         "logPrefix: " + longLogPrefixExample + "\n",
	Prefer:        "logPrefix: logs/imports/2026/\n",
	Check:         checkLogPrefix,
	Scope:         ScopeItem,
	ServiceErrors: []string{"InvalidManifestFieldException"},
}

// logKeyRoom is what AWS appends to logPrefix, and the S3 key limit.
const (
	logKeyMax      = 1024
	logKeyInfix    = "export-log-"
	jobIDLen       = 5
	logPrefixLimit = logKeyMax - len(logKeyInfix) - jobIDLen // 1008
)

// longLogPrefixExample is a logPrefix 8 bytes too long.
var longLogPrefixExample = strings.Repeat("archive/", logPrefixLimit/8+1)

// optLogPrefix is the option the rule checks.
var optLogPrefix = schema.Lookup("logPrefix")

func checkLogPrefix(p *Pass) {
	for _, f := range p.fields() {
		e := f.Entry
		if f.In != nil || e.Value == nil || optLogPrefix == nil || f.Option != optLogPrefix {
			continue
		}
		if n := len(e.Value.Text); n > logPrefixLimit {
			p.Reportf(e.Value, "%s is %d bytes; with %q and the %d-character job ID the log key would exceed %d bytes (at most %d)",
				e.Key.Name, n, logKeyInfix, jobIDLen, logKeyMax, logPrefixLimit)
		}
	}
}
