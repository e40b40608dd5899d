package lint

import (
	"strings"
	"sync"

	"github.com/iekit/iekit/internal/visible"
	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// Result is the outcome of linting one manifest. A Result made by hand
// with no File holds findings about a source that is not a manifest, such
// as a request body; the reports show its lines as they are.
type Result struct {
	Name        string
	Src         []byte
	File        *parser.File
	Kind        schema.Kind
	Config      *Config
	Diagnostics parser.Diagnostics // sorted, secrets redacted, capped per rule; syntax errors included

	raw        parser.Diagnostics // as the rules reported them, for fixing
	fields     []schema.Field     // the schema's view of the manifest, made when the rules or Fields first need it
	fieldsOnce sync.Once
	redact     redactor
	lines      []int // the offsets where lines start, computed on first use
	// keys and fps are the key path and the fingerprint of each finding,
	// in the order of Diagnostics, computed on first use (baseline.go).
	keys, fps []string
}

// Check parses and lints one manifest: every rule at its default
// severity, then the configuration's levels, then the suppression
// comments, then the cap on the findings of a rule (Config.MaxFindings).
// A nil cfg is the default configuration.
func Check(name string, src []byte, cfg *Config) *Result {
	f, syntax := parser.Parse(name, src)
	return CheckFile(f, syntax, src, cfg)
}

// CheckFile lints a manifest already parsed: f and syntax are what
// parser.Parse, or a parser.Document, made of src. Check is CheckFile
// after Parse; an editor that keeps a document's parse between edits
// lints with CheckFile. The Result's Name is f's.
func CheckFile(f *parser.File, syntax parser.Diagnostics, src []byte, cfg *Config) *Result {
	if cfg == nil {
		cfg = Default()
	}
	p := newPass(f, src, cfg)
	for _, rule := range Rules {
		p.run(rule)
	}
	return p.result(syntax, cfg)
}

// newPass returns the pass of the rules over f, parsed from src, with the
// job kind inferred from it unless cfg forces one.
func newPass(f *parser.File, src []byte, cfg *Config) *Pass {
	inferred, markers := schema.Infer(f)
	p := &Pass{File: f, Src: src, Kind: inferred, Markers: markers, Region: cfg.Region, newline: lineEnding(src)}
	if cfg.Kind != schema.KindUnknown {
		p.Kind, p.Forced = cfg.Kind, true
	}
	return p
}

// runScope runs the rules of the scope given over the pass, in catalogue
// order.
func (p *Pass) runScope(scope Scope) {
	for _, rule := range Rules {
		if rule.Scope == scope {
			p.run(rule)
		}
	}
}

// run runs rule over the pass.
func (p *Pass) run(rule *Rule) {
	if rule.Check != nil {
		p.rule = rule
		rule.Check(p)
	}
}

// result makes the Result of the pass once the rules ran: the findings
// given the configuration's levels, filtered by the suppression comments,
// joined by the syntax errors, sorted, redacted and capped.
func (p *Pass) result(syntax parser.Diagnostics, cfg *Config) *Result {
	f, src := p.File, p.Src
	var ds []*directive
	if mayHoldDirective(src) { // else no comment can be a directive
		ds = directives(f)
	}
	diags := suppress(cfg.apply(p.diags), ds)
	diags = append(diags, cfg.apply(unusedSuppressions(ds, cfg))...)
	diags = append(diags, syntax...)
	if d, ok := crOnly(src); ok {
		diags = parser.Diagnostics{d} // the rest is about a file read wrong
	}
	diags.Sort()

	r := &Result{Name: f.Name, Src: src, File: f, Kind: p.Kind, Config: cfg, raw: diags, redact: newRedactor(f, src, syntax)}
	r.fields = p.fieldList // the rules' view, when they made it
	for i, d := range diags {
		if len(d.Fixes) > 0 {
			// No fix may edit a secret or write one, shown or applied.
			diags[i].Fixes = r.redact.safeFixes(d.Fixes)
		}
	}
	shown := diags.Capped(cfg.maxFindings())
	r.Diagnostics = make(parser.Diagnostics, len(shown))
	for i, d := range shown {
		r.Diagnostics[i] = r.redact.Diagnostic(d)
	}
	return r
}

// apply gives findings the levels the configuration sets: it drops the
// rules turned off and overrides the severity of the others.
func (c *Config) apply(diags parser.Diagnostics) parser.Diagnostics {
	if len(c.Rules) == 0 {
		return diags
	}
	kept := diags[:0]
	for _, d := range diags {
		switch c.Rules[d.Rule] {
		case LevelOff:
			continue
		case LevelError:
			d.Severity = parser.SeverityError
		case LevelWarning:
			d.Severity = parser.SeverityWarning
		case LevelInfo:
			d.Severity = parser.SeverityInfo
		}
		kept = append(kept, d)
	}
	return kept
}

// Fix returns the source with the fixes of the findings applied: the safe
// ones, and the unsafe ones too when unsafe is set; and how many were.
func (r *Result) Fix(unsafe bool) ([]byte, int) {
	return ApplyFixes(r.Src, r.raw, unsafe)
}

// Release drops what only fixes and editors read, the tree, the schema's
// view and the findings as the rules made them, so that a run over many
// files holds only what its reports print: the source, the findings and
// the means to redact what is shown of the source. After it, File,
// Fields and Fix have nothing to work from.
func (r *Result) Release() {
	if len(r.Diagnostics) == 0 {
		r.redact = redactor{} // no report prints a line of a file without findings
	} else {
		r.rawLine(1)      // the line index, which needs the tree to skip a BOM
		r.fingerprints()  // which need the tree for the findings' key paths
		r.redact.places() // the places of the secrets, which need the tree
		r.redact.file, r.redact.syntax = nil, nil
	}
	r.File, r.fields, r.raw = nil, nil, nil
}

// Fields returns the schema's view of the manifest that the rules
// shared: each entry whose place the schema knows, with its option and
// block (see schema.Fields). It holds the manifest's text, secrets
// included: redact what is shown of it.
func (r *Result) Fields() []schema.Field {
	r.fieldsOnce.Do(func() {
		if r.fields == nil && r.File != nil {
			r.fields = schema.Fields(r.File.Body)
		}
	})
	return r.fields
}

// Redact returns s for printing: the manifest's source masked where its
// secrets stand (see Redacted), or any other text, such as a request
// parameter, read as a manifest and masked likewise (see RedactManifest).
func (r *Result) Redact(s string) string {
	if s == string(r.Src) {
		return string(r.Redacted())
	}
	return string(RedactManifest([]byte(s)))
}

// Redacted returns the source with each secret masked where it stands,
// line for line: what any output made of the source, such as a diff,
// shows of it.
func (r *Result) Redacted() []byte {
	if len(r.redact.places()) == 0 {
		return r.Src
	}
	return []byte(r.redact.mask(string(r.Src), 0))
}

// Line returns the text of line n (1-based) without its line ending, as
// it is shown under a finding: the secrets on it masked, control
// characters escaped (see package visible).
func (r *Result) Line(n int) string {
	start, line := r.lineAt(n)
	return visible.Line(r.redact.mask(line, start))
}

// SyntaxError returns the syntax errors of the manifest as an error,
// redacted as Diagnostics are, or nil when it has none.
func (r *Result) SyntaxError() error {
	var syntax parser.Diagnostics
	for _, d := range r.Diagnostics {
		if d.Rule == parser.RuleSyntax {
			syntax = append(syntax, d)
		}
	}
	return syntax.Err()
}

// RedactNode returns text, what node n (a key or a scalar) holds, as
// outputs may show it: masked where its place holds a secret (whole,
// when text is not written as it stands, as a quoted value is not), else
// with the words shaped like a secret access key masked.
func (r *Result) RedactNode(n parser.Node, text string) string {
	start, end := n.Pos().Offset, n.End().Offset
	if !r.redact.secretAt(start, end) {
		return r.redact.Text(text)
	}
	if end <= len(r.Src) && text == string(r.Src[start:end]) {
		return r.redact.mask(text, start)
	}
	return Redacted
}

// RedactText returns s, text that is not a manifest's source, with every
// word shaped like a secret access key masked.
func RedactText(s string) string { return redactor{}.Text(s) }

// RedactManifest returns src, a manifest's text, with each of its secrets
// masked where it stands (see Result.Redacted), without linting it.
func RedactManifest(src []byte) []byte {
	f, syntax := parser.Parse("", src)
	return []byte(newRedactor(f, src, syntax).mask(string(src), 0))
}

// RedactDiagnostics returns the diagnostics about src, a manifest's text,
// as every output shows them: redacted as Result.Diagnostics are, for the
// commands that print syntax errors without linting.
func RedactDiagnostics(src []byte, diags parser.Diagnostics) parser.Diagnostics {
	f, syntax := parser.Parse("", src)
	r := newRedactor(f, src, syntax)
	out := make(parser.Diagnostics, len(diags))
	for i, d := range diags {
		out[i] = r.Diagnostic(d)
	}
	return out
}

// rawLine returns line n as it is, secrets included: only for measuring.
func (r *Result) rawLine(n int) string {
	_, line := r.lineAt(n)
	return line
}

// lineAt returns the offset where line n starts and its text as it is,
// secrets included, without its line ending.
func (r *Result) lineAt(n int) (int, string) {
	if r.lines == nil {
		start := 0
		if r.File != nil {
			start = r.File.Pos().Offset // past a BOM
		}
		r.lines = []int{start}
		for i := start; i < len(r.Src); i++ {
			if r.Src[i] == '\n' {
				r.lines = append(r.lines, i+1)
			}
		}
	}
	if n < 1 || n > len(r.lines) {
		return 0, ""
	}
	start, end := r.lines[n-1], len(r.Src)
	if n < len(r.lines) {
		end = r.lines[n] - 1 // the "\n" that ends the line
	}
	return start, strings.TrimSuffix(string(r.Src[start:end]), "\r")
}
