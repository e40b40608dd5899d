package lsp

import (
	"context"
	"strconv"
	"strings"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
	"go.lsp.dev/protocol"
)

// CodeAction offers, for the findings in the requested range, their lint
// fixes as quick fixes (the safe ones preferred), "add missing required
// fields" for findings of missing keys, and "ignore RULE here"; and, when
// the client asks for source actions, one action applying every safe fix.
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
// bytes [start, end].
func quickFixes(d *document, start, end int) []protocol.CodeAction {
	out := []protocol.CodeAction{}
	pds := diagnostics(d)        // in the order of d.result.Diagnostics
	added := map[string]int{}    // the blocks given "add missing required fields", and where
	ignored := map[string]bool{} // the rules and places given "ignore RULE here"
	for i, x := range d.result.Diagnostics {
		if x.Start.Offset > end || x.End.Offset < start {
			continue
		}
		diag := []protocol.Diagnostic{pds[i]}
		for _, f := range x.Fixes {
			if hidesSecret(f) {
				continue // the redacted edit would write "[redacted]" into the document
			}
			edits := make([]protocol.TextEdit, 0, len(f.Edits))
			for _, e := range f.Edits {
				edits = append(edits, protocol.TextEdit{Range: d.m.rng(e.Start, e.End), NewText: e.NewText})
			}
			out = append(out, quickFix(d, f.Title, diag, f.Safe, edits))
		}
		if block, edits := addMissing(d, x); edits != nil {
			if at, ok := added[block]; ok { // one action per block, with all its findings
				out[at].Diagnostics = append(out[at].Diagnostics, pds[i])
			} else {
				added[block] = len(out)
				out = append(out, quickFix(d, "add missing required fields", diag, false, edits))
			}
		}
		if x.Rule == parser.RuleSyntax {
			continue
		}
		if at, edit, ok := ignoreEdit(d, x); ok && !ignored[x.Rule+"@"+strconv.Itoa(at)] {
			ignored[x.Rule+"@"+strconv.Itoa(at)] = true
			out = append(out, quickFix(d, "ignore "+x.Rule+" here", diag, false, []protocol.TextEdit{edit}))
		}
	}
	return out
}

// quickFix returns a quick fix that edits the document.
func quickFix(d *document, title string, diags []protocol.Diagnostic, preferred bool, edits []protocol.TextEdit) protocol.CodeAction {
	return protocol.CodeAction{
		Title:       title,
		Kind:        protocol.QuickFix,
		Diagnostics: diags,
		IsPreferred: preferred,
		Edit:        &protocol.WorkspaceEdit{Changes: map[protocol.DocumentURI][]protocol.TextEdit{d.uri: edits}},
	}
}

// hidesSecret reports whether a fix's title or edits were redacted.
func hidesSecret(f parser.Fix) bool {
	if strings.Contains(f.Title, "[redacted]") {
		return true
	}
	for _, e := range f.Edits {
		if strings.Contains(e.NewText, "[redacted]") {
			return true
		}
	}
	return false
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

// addMissing returns the edits that add, with empty values, every key
// missing from the block a finding of a missing key is about (the
// top level, an operations item or returnAddress), and a name for that
// block; no edits for other findings.
func addMissing(d *document, x parser.Diagnostic) (string, []protocol.TextEdit) {
	top := d.result.File.Body
	kind := d.result.Kind
	switch {
	case x.Rule == "missing-required" && strings.HasPrefix(x.Message, "missing required option "):
		var keys []string
		for _, o := range schema.Top {
			if o.In(kind) == schema.Required && top.Lookup(o.Name) == nil {
				keys = append(keys, o.Name)
			}
		}
		// At the end of the document, at column 0.
		at, prefix := len(d.text), ""
		if at > 0 && d.text[at-1] != '\n' {
			prefix = eol(d.text)
		}
		var b strings.Builder
		for _, k := range keys {
			b.WriteString(k + ": " + eol(d.text))
		}
		if len(keys) == 0 {
			return "", nil
		}
		text := prefix + b.String()
		return "top", []protocol.TextEdit{{Range: d.m.rng(at, at), NewText: text}}
	case x.Rule == "missing-required" && strings.Contains(x.Message, "item is missing required field"):
		e := top.Lookup(schema.Operations.Name)
		if e == nil {
			return "", nil
		}
		list, _ := e.Block.(*parser.List)
		if list == nil {
			return "", nil
		}
		for _, it := range list.Items {
			if it.Dash.Offset != x.Start.Offset {
				continue
			}
			m, _ := it.Block.(*parser.Mapping)
			if m == nil || len(m.Entries) == 0 {
				return "", nil
			}
			var keys []string
			for _, f := range schema.Operations.Fields {
				if f.In(kind) == schema.Required && m.Lookup(f.Name) == nil {
					keys = append(keys, f.Name)
				}
			}
			return "item@" + strconv.Itoa(it.Dash.Offset), appendKeysEdit(d, m, keys)
		}
	case x.Rule == "address" && strings.HasPrefix(x.Message, "returnAddress is missing "):
		e, m := blockEntry(top, schema.ReturnAddress)
		if e == nil || m == nil || len(m.Entries) == 0 {
			return "", nil
		}
		// The address rule names each field it finds missing; they are
		// added in the schema's order.
		named := map[string]bool{}
		for _, y := range d.result.Diagnostics {
			if y.Rule == "address" && y.Start.Offset == e.Key.Pos().Offset && strings.HasPrefix(y.Message, "returnAddress is missing ") {
				named[firstQuoted(y.Message)] = true
			}
		}
		var keys []string
		for _, f := range schema.ReturnAddress.Fields {
			if named[f.Name] && m.Lookup(f.Name) == nil {
				keys = append(keys, f.Name)
			}
		}
		return "returnAddress", appendKeysEdit(d, m, keys)
	}
	return "", nil
}

// blockEntry returns the top-level entry of o, and its mapping.
func blockEntry(top *parser.Mapping, o *schema.Option) (*parser.Entry, *parser.Mapping) {
	e := top.Lookup(o.Name)
	if e == nil {
		return nil, nil
	}
	m, _ := e.Block.(*parser.Mapping)
	return e, m
}

// firstQuoted returns the first quoted string of a message, or "".
func firstQuoted(msg string) string {
	i := strings.IndexByte(msg, '"')
	if i < 0 {
		return ""
	}
	q, err := strconv.QuotedPrefix(msg[i:])
	if err != nil {
		return ""
	}
	s, _ := strconv.Unquote(q)
	return s
}

// appendKeysEdit returns the edit that adds keys, with empty values, after
// the last line of mapping m at the indentation of its first key; nil
// when there are none.
func appendKeysEdit(d *document, m *parser.Mapping, keys []string) []protocol.TextEdit {
	if len(keys) == 0 {
		return nil
	}
	first := m.Entries[0].Key.Pos().Offset
	indent := blankOut(d.text[lineStartAt(d.text, first):first])
	last := m.Entries[len(m.Entries)-1].End().Offset
	at := lineEndAt(d.text, max(last-1, first))
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(eol(d.text) + indent + k + ": ")
	}
	return []protocol.TextEdit{{Range: d.m.rng(at, at), NewText: b.String()}}
}

// ignoreEdit returns the edit that inserts "# ie:ignore RULE" above the
// innermost entry or item holding a finding, at its indentation, and the
// offset where it goes; false when no entry holds the finding.
func ignoreEdit(d *document, x parser.Diagnostic) (int, protocol.TextEdit, bool) {
	var holder parser.Node
	parser.Inspect(d.result.File, func(n parser.Node) bool {
		switch n.(type) {
		case *parser.Entry, *parser.Item:
			if n.Pos().Offset <= x.Start.Offset && x.Start.Offset < max(n.End().Offset, n.Pos().Offset+1) {
				holder = n
			}
		}
		return true
	})
	if holder == nil {
		return 0, protocol.TextEdit{}, false
	}
	at := lineStartAt(d.text, holder.Pos().Offset)
	line := d.text[at:holder.Pos().Offset]
	indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
	return at, protocol.TextEdit{Range: d.m.rng(at, at), NewText: indent + "# ie:ignore " + x.Rule + eol(d.text)}, true
}

// lineStartAt returns the offset where the line holding offset starts.
func lineStartAt(text string, offset int) int {
	return strings.LastIndexByte(text[:offset], '\n') + 1
}

// lineEndAt returns the offset of the end of the line holding offset,
// before its line ending.
func lineEndAt(text string, offset int) int {
	i := strings.IndexByte(text[offset:], '\n')
	if i < 0 {
		return len(text)
	}
	end := offset + i
	if end > 0 && text[end-1] == '\r' {
		end--
	}
	return end
}

// blankOut returns s with everything but tabs turned into spaces, so that
// "  - " becomes the indentation of the keys of a list item.
func blankOut(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' {
			return r
		}
		return ' '
	}, s)
}

// eol returns the line ending of a document: "\r\n" when it uses them,
// else "\n".
func eol(text string) string {
	if strings.Contains(text, "\r\n") {
		return "\r\n"
	}
	return "\n"
}
