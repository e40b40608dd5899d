package lsp

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/iekit/iekit/parser"
	"go.lsp.dev/protocol"
)

// CodeAction offers, for the findings in the requested range, their lint
// fixes as quick fixes (the safe ones preferred) and "ignore RULE here";
// and, when the client asks for source actions, one action applying every
// safe fix.
func (s *server) CodeAction(_ context.Context, params *protocol.CodeActionParams) ([]protocol.CodeAction, error) {
	d, err := s.snapshot(params.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	start, err := d.m.offset(params.Range.Start)
	if err != nil {
		return nil, err
	}
	end, err := d.m.offset(params.Range.End)
	if err != nil {
		return nil, err
	}
	out := []protocol.CodeAction{}
	if wantsKind(params.Context.Only, protocol.QuickFix) {
		out = append(out, quickFixes(d, start, end)...)
	}
	if wantsKind(params.Context.Only, fixAllKind) && len(params.Context.Only) > 0 {
		if a := fixAll(d); a != nil {
			out = append(out, *a)
		}
	}
	return out, nil
}

// wantsKind reports whether the kinds the client asked for (all when none)
// take in kind: a kind is asked for by itself or by a prefix of it, as
// "source" asks for "source.fixAll.ie".
func wantsKind(only []protocol.CodeActionKind, kind protocol.CodeActionKind) bool {
	if len(only) == 0 {
		return true
	}
	for _, o := range only {
		if kind == o || strings.HasPrefix(string(kind), string(o)+".") {
			return true
		}
	}
	return false
}

// quickFixes returns the quick fixes of the findings that overlap the
// bytes [start, end]: each finding's fixes, then the one that silences it.
// A fix that several findings carry, such as the one adding every key a
// block lacks, is one action listing them all.
func quickFixes(d *document, start, end int) []protocol.CodeAction {
	out := []protocol.CodeAction{}
	pds := diagnostics(d)    // in the order of d.result.Diagnostics
	seen := map[string]int{} // the actions made so far, by their fix
	for i, x := range d.result.Diagnostics {
		if x.Start.Offset > end || x.End.Offset < start {
			continue
		}
		fixes := x.Fixes
		if f, ok := d.result.Suppression(x); ok {
			fixes = append(slices.Clip(fixes), f)
		}
		for _, f := range fixes {
			key := fmt.Sprint(f.Title, f.Edits)
			if at, ok := seen[key]; ok {
				out[at].Diagnostics = append(out[at].Diagnostics, pds[i])
				continue
			}
			seen[key] = len(out)
			out = append(out, quickFix(d, f, pds[i]))
		}
	}
	return out
}

// quickFix returns the quick fix that applies f, a fix of finding diag;
// safe fixes are preferred.
func quickFix(d *document, f parser.Fix, diag protocol.Diagnostic) protocol.CodeAction {
	edits := make([]protocol.TextEdit, 0, len(f.Edits))
	for _, e := range f.Edits {
		edits = append(edits, protocol.TextEdit{Range: d.m.rng(e.Start, e.End), NewText: e.NewText})
	}
	return protocol.CodeAction{
		Title:       f.Title,
		Kind:        protocol.QuickFix,
		Diagnostics: []protocol.Diagnostic{diag},
		IsPreferred: f.Safe,
		Edit:        &protocol.WorkspaceEdit{Changes: map[protocol.DocumentURI][]protocol.TextEdit{d.uri: edits}},
	}
}

// fixAll returns the action that applies every safe fix, or nil when
// none changes anything.
func fixAll(d *document) *protocol.CodeAction {
	src, n := d.result.Fix(false)
	if n == 0 || string(src) == d.text {
		return nil
	}
	return &protocol.CodeAction{
		Title: "fix all safe ie findings",
		Kind:  fixAllKind,
		Edit: &protocol.WorkspaceEdit{Changes: map[protocol.DocumentURI][]protocol.TextEdit{
			d.uri: {{Range: d.m.rng(0, len(d.text)), NewText: string(src)}},
		}},
	}
}

// data returns what a diagnostic's data carries: the finding's structured
// part, as lint wrote it, or nothing (nil, not a nil *parser.Data, which
// would be sent as null).
func data(x parser.Diagnostic) any {
	if x.Data == nil {
		return nil
	}
	return x.Data
}
