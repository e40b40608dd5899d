package lint

import (
	"fmt"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// Rule is one check of the catalogue.
type Rule struct {
	Name     string          // stable, kebab-case: tools and suppression comments use it
	Severity parser.Severity // the default severity of its findings
	Summary  string          // one line, for "ie rules"
	Doc      string          // why the rule exists, one or two paragraphs
	Avoid    string          // a manifest fragment the rule reports
	Prefer   string          // the same fragment, fixed
	Check    func(*Pass)
	Scope    Scope // what its findings depend on (see Scope)

	// ServiceErrors are the service's error codes the rule anticipates
	// (see parser.RuleDoc and schema.ServiceErrors).
	ServiceErrors []string
}

// Help returns the rule's documentation for people, as "ie explain"
// prints it and SARIF viewers and editors show it: its name and default
// severity, what it reports, why, and a fragment to avoid beside the one
// to prefer.
func (r *Rule) Help() string { return r.RuleDoc().Help() }

// RuleDoc returns the documentation part of the rule.
func (r *Rule) RuleDoc() *parser.RuleDoc {
	return &parser.RuleDoc{Name: r.Name, Severity: r.Severity, Summary: r.Summary, Doc: r.Doc, Avoid: r.Avoid, Prefer: r.Prefer, ServiceErrors: r.ServiceErrors}
}

// Scope says what the findings of a rule depend on, so that an editor
// that lints a document after each change (Incremental) knows which it
// may keep.
type Scope uint8

const (
	// ScopeDocument is a rule whose findings may depend on the whole
	// manifest: it runs over all of it every time.
	ScopeDocument Scope = iota
	// ScopeItem is a rule whose findings about an item of a top-level
	// list, such as an operations item, depend on that item and on the
	// text outside the top-level lists only; whose findings outside the
	// items do not depend on the items; each of whose findings lies,
	// with its related places and fixes, within one item or outside them
	// all; and whose messages name no line, as an item keeps its findings
	// when lines above it come or go. It runs again for the items whose
	// text changed only (incremental.go; TestItemScope checks the rules
	// that say so).
	ScopeItem
)

// Pass is what a rule sees of one manifest, and where it reports.
type Pass struct {
	File    *parser.File
	Src     []byte
	Kind    schema.Kind     // KindUnknown when no kind could be inferred or forced
	Markers []schema.Marker // what the kind was inferred from
	Forced  bool            // the kind was given by a flag or the configuration
	Region  string          // the region of an S3 job's buckets, from the configuration; "" when not known

	rule      *Rule
	newline   string // the line ending of the source (lineEnding), which fixes that add lines write
	lines     int    // how many lines the tree holds at most, to size the index; 0 for all of Src
	diags     parser.Diagnostics
	idx       *index          // what many rules walk, built by the first that asks (index.go)
	fieldList []schema.Field  // the fields, found by the first rule that asks (index.go)
	fac       *facilityAnswer // which facility serves the job, told by the first rule that asks (facility.go)
}

// Reportf reports a finding about node n, at the rule's default severity.
func (p *Pass) Reportf(n parser.Node, format string, args ...any) {
	p.Report(parser.Diagnostic{Start: n.Pos(), End: n.End(), Message: fmt.Sprintf(format, args...)})
}

// Report reports d. The rule's name is filled in, and so is its default
// severity when d has none.
func (p *Pass) Report(d parser.Diagnostic) {
	d.Rule = p.rule.Name
	if d.Severity == parser.SeverityInvalid {
		d.Severity = p.rule.Severity
	}
	p.diags = append(p.diags, d)
}

// Top returns the top-level mapping of the manifest.
func (p *Pass) Top() *parser.Mapping { return p.File.Body }
