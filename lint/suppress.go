package lint

import (
	"bytes"
	"strings"

	"github.com/iekit/iekit/parser"
)

// The keywords of suppression comments, as written after "#".
const (
	Directive     = "ie:ignore"      // "# ie:ignore RULE": silences RULE on the entry below, its block included
	DirectiveFile = "ie:ignore-file" // "# ie:ignore-file RULE": silences RULE in the whole file
)

// directive is a suppression comment: "# ie:ignore RULE[,RULE…] [-- reason]"
// silences the rules on the entry or item that follows it, block included;
// "# ie:ignore-file RULE[,RULE…]" silences them in the whole file.
type directive struct {
	comment    *parser.Comment
	file       bool
	rules      []ruleRef
	start, end int // the offsets the directive covers; empty when nothing follows it
}

// ruleRef is a rule named by a directive, and where.
type ruleRef struct {
	name       string
	start, end parser.Pos
	used       bool
}

// mayHoldDirective reports whether a line of src holds Directive after a
// "#", as a suppression comment does: most manifests have few "#", so
// looking for them first is quicker than looking for the keyword.
func mayHoldDirective(src []byte) bool {
	for i := 0; ; {
		hash := bytes.IndexByte(src[i:], '#')
		if hash < 0 {
			return false
		}
		i += hash + 1
		end := bytes.IndexByte(src[i:], '\n')
		if end < 0 {
			end = len(src) - i
		}
		if bytes.Contains(src[i:i+end], []byte(Directive)) {
			return true
		}
		i += end
	}
}

// directives finds the suppression comments of a manifest.
func directives(f *parser.File) []*directive {
	var out []*directive
	add := func(comments []*parser.Comment, start, end int) {
		for _, c := range comments {
			if d := parseDirective(c); d != nil {
				if !d.file {
					d.start, d.end = start, end
				}
				out = append(out, d)
			}
		}
	}
	parser.Inspect(f, func(n parser.Node) bool {
		switch n := n.(type) {
		case *parser.Entry:
			add(n.Comments, n.Pos().Offset, n.End().Offset)
		case *parser.Item:
			add(n.Comments, n.Pos().Offset, n.End().Offset)
		case *parser.Mapping:
			add(n.Trailing, 0, 0)
		case *parser.List:
			add(n.Trailing, 0, 0)
		}
		return true
	})
	return out
}

// parseDirective reads a comment as a directive, or returns nil.
func parseDirective(c *parser.Comment) *directive {
	rest := c.Text[1:]
	at := 1 + len(rest) - len(strings.TrimLeft(rest, " \t")) // where the keyword starts
	d := &directive{comment: c}
	switch {
	case hasWord(c.Text[at:], DirectiveFile):
		d.file, at = true, at+len(DirectiveFile)
	case hasWord(c.Text[at:], Directive):
		at += len(Directive)
	default:
		return nil
	}
	body := c.Text[at:]
	if i := strings.Index(body, " --"); i >= 0 {
		body = body[:i]
	}
	for _, part := range strings.Split(body, ",") {
		if name := strings.TrimSpace(part); name != "" {
			start := c.Pos().Advance(at + strings.Index(part, name))
			d.rules = append(d.rules, ruleRef{name: name, start: start, end: start.Advance(len(name))})
		}
		at += len(part) + 1
	}
	return d
}

// hasWord reports whether s starts with word followed by a blank or
// nothing.
func hasWord(s, word string) bool {
	return strings.HasPrefix(s, word) && (len(s) == len(word) || s[len(word)] == ' ' || s[len(word)] == '\t')
}

// covers reports whether the directive silences rule at offset.
func (d *directive) covers(rule string, offset int) bool {
	return (d.file || d.start <= offset && offset < d.end) && d.names(rule)
}

func (d *directive) names(rule string) bool {
	for _, r := range d.rules {
		if r.name == rule {
			return true
		}
	}
	return false
}

// suppress drops the findings the directives silence (never syntax
// errors) and marks the directives' rules that silenced something.
func suppress(diags parser.Diagnostics, ds []*directive) parser.Diagnostics {
	if len(ds) == 0 {
		return diags
	}
	kept := diags[:0]
	for _, d := range diags {
		silenced := false
		if d.Rule != parser.RuleSyntax {
			for _, dir := range ds {
				if dir.covers(d.Rule, d.Start.Offset) {
					silenced = true
					dir.markUsed(d.Rule)
				}
			}
		}
		if !silenced {
			kept = append(kept, d)
		}
	}
	return kept
}

func (d *directive) markUsed(rule string) {
	for i := range d.rules {
		if d.rules[i].name == rule {
			d.rules[i].used = true
		}
	}
}

// unusedSuppressions reports what the directives got wrong: rules that do
// not exist, syntax (which cannot be silenced), a directive naming no rule,
// and rules that silenced nothing. Rules the configuration turns off are
// not reported as unused: there was nothing left to silence.
func unusedSuppressions(ds []*directive, cfg *Config) parser.Diagnostics {
	var out parser.Diagnostics
	report := func(start, end parser.Pos, msg string) {
		out = append(out, parser.Diagnostic{
			Start: start, End: end, Severity: ruleUnusedSuppression.Severity,
			Rule: ruleUnusedSuppression.Name, Message: msg,
		})
	}
	for _, d := range ds {
		keyword := Directive
		if d.file {
			keyword = DirectiveFile
		}
		if len(d.rules) == 0 {
			report(d.comment.Pos(), d.comment.End(), keyword+" names no rule; write "+keyword+" RULE[,RULE]")
		}
		for _, r := range d.rules {
			switch {
			case r.name == parser.RuleSyntax:
				report(r.start, r.end, "syntax errors cannot be suppressed: fix the syntax")
			case Lookup(r.name) == nil:
				report(r.start, r.end, "unknown rule "+quote(r.name)+" in "+keyword+DidYouMean(r.name, RuleNames()))
			case r.used || cfg.Rules[r.name] == LevelOff:
			case !d.file && d.start == d.end:
				report(r.start, r.end, keyword+" "+r.name+" silences nothing: no entry follows it in its block")
			default:
				report(r.start, r.end, keyword+" "+r.name+" silenced nothing")
			}
		}
	}
	return out
}

// Suppression returns the fix that silences finding d where it is: a
// "# ie:ignore RULE" line above the innermost entry or item holding d's
// start, at its indentation. It is false for a syntax error, which
// cannot be silenced, and where no entry holds the finding.
func (r *Result) Suppression(d parser.Diagnostic) (parser.Fix, bool) {
	if d.Rule == parser.RuleSyntax || d.Rule == "" {
		return parser.Fix{}, false
	}
	var holder parser.Node
	parser.Inspect(r.File, func(n parser.Node) bool {
		switch n.(type) {
		case *parser.Entry, *parser.Item:
			if n.Pos().Offset <= d.Start.Offset && d.Start.Offset < max(n.End().Offset, n.Pos().Offset+1) {
				holder = n
			}
		}
		return true
	})
	if holder == nil {
		return parser.Fix{}, false
	}
	at := lineStart(r.Src, holder.Pos().Offset)
	indent := r.Src[at:holder.Pos().Offset]
	indent = indent[:len(indent)-len(bytes.TrimLeft(indent, " \t"))]
	text := string(indent) + "# " + Directive + " " + d.Rule + lineEnding(r.Src)
	return parser.Fix{Title: "ignore " + d.Rule + " here", Edits: []parser.TextEdit{{Start: at, End: at, NewText: text}}}, true
}
