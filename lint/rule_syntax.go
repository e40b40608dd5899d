package lint

import "github.com/iekit/iekit/parser"

// ruleSyntax stands for the parser's findings: it checks nothing itself,
// and exists so that syntax errors have docs, a place in "ie rules" and
// SARIF metadata like every other rule.
var ruleSyntax = &Rule{
	Name:     parser.RuleSyntax,
	Severity: parser.SeverityError,
	Summary:  "malformed lines, bad indentation, tabs, bad quoting, bytes that are not UTF-8 text",
	Doc: `The manifest must parse before anything else can be said about it. This
rule reports lines that are neither "key: value", "- item" nor a comment,
indentation that matches no enclosing block, tabs in indentation, a key
with both a value and an indented block, unterminated quotes and bad
escapes, and bytes that are not UTF-8 text. The service answers such a
manifest with MalformedManifestException. Syntax errors cannot be
suppressed or turned off.

Lines end with LF or CRLF; a lone CR inside a line is a blank. A file
whose line endings are CR only (as classic Mac OS wrote them) has no LF at
all and would read as one line, so it is reported at its first CR, and
nothing else: every other finding would be about a file read wrong. The
fix turns each CR into LF.`,
	Avoid:         "returnAddress:\n    name: Jane Doe\n   city: Seattle\n",
	Prefer:        "returnAddress:\n    name: Jane Doe\n    city: Seattle\n",
	ServiceErrors: []string{"MalformedManifestException"},
}
