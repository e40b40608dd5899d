package main

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/iekit/iekit/format"
	"github.com/iekit/iekit/lint"
	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/request"
	"github.com/iekit/iekit/schema"
)

// This file is the page's only way into iekit: every call the page makes
// to the linter, the formatter and the request builder goes through it.

// Options are the page's settings, as a .ie.yaml would give them.
type Options struct {
	Kind  string            `json:"kind"`  // a job kind; "" infers it from the manifest
	Rules map[string]string `json:"rules"` // rule name -> off, info, warning or error
}

// Finding is a lint finding as the page shows it: byte positions for
// people, UTF-16 offsets (From, To) for the editor.
type Finding struct {
	Rule     string    `json:"rule"`
	Severity string    `json:"severity"`
	Message  string    `json:"message"`
	Line     int       `json:"line"`
	Col      int       `json:"col"`
	EndLine  int       `json:"endLine"`
	EndCol   int       `json:"endCol"`
	From     int       `json:"from"`
	To       int       `json:"to"`
	Fixes    []FixInfo `json:"fixes,omitempty"`
	Related  []Place   `json:"related,omitempty"`
}

// FixInfo names a fix of a finding.
type FixInfo struct {
	Title string `json:"title"`
	Safe  bool   `json:"safe"`
}

// Place is another place a finding points at.
type Place struct {
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Message string `json:"message"`
}

// LintResult is what the page shows after each edit.
type LintResult struct {
	Kind     string    `json:"kind"`   // the job kind, inferred or forced; "unknown" when neither
	Config   string    `json:"config"` // the settings written as a .ie.yaml
	Findings []Finding `json:"findings"`
}

// Lint lints src with the page's settings.
func Lint(src string, opt Options) (*LintResult, error) {
	cfgText, cfg, err := config(opt)
	if err != nil {
		return nil, err
	}
	r := lint.Check("playground.manifest", []byte(src), cfg)
	out := &LintResult{Kind: r.Kind.String(), Config: cfgText, Findings: findings(src, r.Diagnostics)}
	return out, nil
}

// findings converts diagnostics for the page.
func findings(src string, diags parser.Diagnostics) []Finding {
	u16 := utf16Offsets(src)
	out := make([]Finding, 0, len(diags))
	for _, d := range diags {
		f := Finding{
			Rule: d.Rule, Severity: d.Severity.String(), Message: d.Message,
			Line: d.Start.Line, Col: d.Start.Col, EndLine: d.End.Line, EndCol: d.End.Col,
			From: u16(d.Start.Offset), To: u16(d.End.Offset),
		}
		for _, x := range d.Fixes {
			f.Fixes = append(f.Fixes, FixInfo{Title: x.Title, Safe: x.Safe})
		}
		for _, rel := range d.Related {
			f.Related = append(f.Related, Place{Line: rel.Start.Line, Col: rel.Start.Col, Message: rel.Message})
		}
		out = append(out, f)
	}
	return out
}

// utf16Offsets returns a function from byte offsets in src to offsets in
// UTF-16 code units, as the editor counts.
func utf16Offsets(src string) func(int) int {
	ascii := true
	for i := 0; i < len(src); i++ {
		if src[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return func(off int) int { return off }
	}
	// units[i] is the UTF-16 offset of byte i; bytes inside a character
	// count as its start.
	units := make([]int, len(src)+1)
	n := 0
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRuneInString(src[i:])
		for j := i; j < i+size; j++ {
			units[j] = n
		}
		n += utf16.RuneLen(r)
		i += size
	}
	units[len(src)] = n
	return func(off int) int { return units[min(max(off, 0), len(src))] }
}

// config writes the page's settings as a .ie.yaml and reads them with the
// linter's own configuration reader.
func config(opt Options) (string, *lint.Config, error) {
	settings := []string{opt.Kind}
	for name, level := range opt.Rules {
		settings = append(settings, name, level)
	}
	for _, v := range settings {
		if strings.ContainsAny(v, "\r\n") {
			return "", nil, fmt.Errorf("invalid setting %q: one line only", v)
		}
	}
	var b strings.Builder
	if opt.Kind != "" {
		fmt.Fprintf(&b, "kind: %s\n", opt.Kind)
	}
	if len(opt.Rules) > 0 {
		b.WriteString("rules:\n")
		for _, r := range lint.Rules {
			if level, ok := opt.Rules[r.Name]; ok {
				fmt.Fprintf(&b, "    %s: %s\n", r.Name, level)
			}
		}
		// Unknown names too, for the configuration reader to refuse.
		for _, name := range slices.Sorted(maps.Keys(opt.Rules)) {
			if lint.Lookup(name) == nil {
				fmt.Fprintf(&b, "    %s: %s\n", name, opt.Rules[name])
			}
		}
	}
	cfg, diags := lint.ParseConfig(lint.ConfigName, []byte(b.String()))
	if len(diags) > 0 {
		return "", nil, fmt.Errorf("%s:%s", lint.ConfigName, diags[0])
	}
	return b.String(), cfg, nil
}

// Fix applies fix number fix of finding number finding (as Lint listed
// them) and returns the new source.
func Fix(src string, opt Options, finding, fix int) (string, error) {
	_, cfg, err := config(opt)
	if err != nil {
		return "", err
	}
	r := lint.Check("playground.manifest", []byte(src), cfg)
	if finding < 0 || finding >= len(r.Diagnostics) || fix < 0 || fix >= len(r.Diagnostics[finding].Fixes) {
		return "", fmt.Errorf("no fix %d of finding %d: the manifest has changed", fix, finding)
	}
	d := r.Diagnostics[finding]
	d.Fixes = []parser.Fix{d.Fixes[fix]}
	out, _ := lint.ApplyFixes([]byte(src), parser.Diagnostics{d}, true)
	return string(out), nil
}

// FixAll applies every safe fix, and the unsafe ones too when unsafe is
// set, as ie lint -fix and -fix-unsafe do, and returns the new source and
// how many fixes it applied.
func FixAll(src string, opt Options, unsafe bool) (string, int, error) {
	_, cfg, err := config(opt)
	if err != nil {
		return "", 0, err
	}
	out, n := lint.Check("playground.manifest", []byte(src), cfg).Fix(unsafe)
	return string(out), n, nil
}

// FormatResult is the canonical form of a manifest, or why there is none.
type FormatResult struct {
	Text   string    `json:"text"`
	Errors []Finding `json:"errors,omitempty"` // the syntax errors that prevent formatting
}

// Format returns the canonical form of src, as iefmt writes it.
func Format(src string) (*FormatResult, error) {
	out, err := format.Source([]byte(src))
	var syntax *format.SyntaxError
	if errors.As(err, &syntax) {
		// The same errors as the linter reports them, secrets masked.
		var diags parser.Diagnostics
		for _, d := range lint.Check("playground.manifest", []byte(src), nil).Diagnostics {
			if d.Rule == parser.RuleSyntax {
				diags = append(diags, d)
			}
		}
		return &FormatResult{Errors: findings(src, diags)}, nil
	}
	if err != nil {
		return nil, err
	}
	return &FormatResult{Text: string(out)}, nil
}

// RequestOptions say which CreateJob request to show.
type RequestOptions struct {
	Options
	KeepComments bool `json:"keepComments"`
	ValidateOnly bool `json:"validateOnly"`
}

// RequestResult is the unsigned CreateJob request of a manifest in the
// forms ie encode prints.
type RequestResult struct {
	Body    string    `json:"body"`              // the form body, as ie encode prints it
	HTTP    string    `json:"http"`              // the whole request, as ie encode -format http prints it
	Explain string    `json:"explain"`           // each parameter beside its encoding, secrets redacted
	Errors  []Finding `json:"errors,omitempty"`  // the syntax errors that prevent a request
	Problem string    `json:"problem,omitempty"` // why there is no request, other than syntax errors
	Refused bool      `json:"refused"`           // ie encode would refuse the manifest without -force
}

// Request builds the unsigned CreateJob request of src. A browser has no
// credentials, so nothing is signed.
func Request(src string, opt RequestOptions) (*RequestResult, error) {
	_, cfg, err := config(opt.Options)
	if err != nil {
		return nil, err
	}
	r := lint.Check("playground.manifest", []byte(src), cfg)
	ro := request.Options{KeepComments: opt.KeepComments, ValidateOnly: opt.ValidateOnly}
	if cfg.Kind != schema.KindUnknown {
		ro.JobType = cfg.Kind.JobType()
	}
	ps, err := request.Build([]byte(src), ro)
	var syntax parser.Diagnostics
	if errors.As(err, &syntax) {
		syntaxOnly := slices.DeleteFunc(slices.Clone(r.Diagnostics), func(d parser.Diagnostic) bool {
			return d.Rule != parser.RuleSyntax
		})
		return &RequestResult{Errors: findings(src, syntaxOnly), Refused: true}, nil
	}
	if err != nil { // such as a job type that cannot be told
		return &RequestResult{Problem: err.Error(), Refused: true}, nil
	}
	var explain, http strings.Builder
	if err := ps.WriteExplain(&explain, r.Redact); err != nil {
		return nil, err
	}
	if err := (&request.HTTPRequest{Params: ps}).Write(&http); err != nil {
		return nil, err
	}
	return &RequestResult{
		Body: ps.Encode(), HTTP: http.String(), Explain: explain.String(),
		Refused: r.Diagnostics.HasErrors(),
	}, nil
}

// RuleInfo documents a rule for the page.
type RuleInfo struct {
	Name     string `json:"name"`
	Severity string `json:"severity"`
	Summary  string `json:"summary"`
	Help     string `json:"help"` // what ie explain prints
}

// Rules lists every rule of the catalogue with its documentation.
func Rules() []RuleInfo {
	out := make([]RuleInfo, len(lint.Rules))
	for i, r := range lint.Rules {
		out[i] = RuleInfo{Name: r.Name, Severity: r.Severity.String(), Summary: r.Summary, Help: r.Help()}
	}
	return out
}

// Share returns the text a share link may carry: src with its secrets
// redacted, as every output of ie lint has them.
func Share(src string) string {
	return lint.Check("playground.manifest", []byte(src), nil).Redact(src)
}
