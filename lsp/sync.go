package lsp

import (
	"cmp"
	"context"
	"fmt"
	"path/filepath"

	"github.com/iekit/iekit/lint"
	"github.com/iekit/iekit/parser"
	"go.lsp.dev/protocol"
)

// didChangeParams is textDocument/didChange as sent: a change without a
// range replaces the whole document, which protocol's type, whose range
// is not a pointer, cannot tell from an insertion at the start.
type didChangeParams struct {
	TextDocument protocol.VersionedTextDocumentIdentifier `json:"textDocument"`
	Changes      []struct {
		Range *protocol.Range `json:"range"`
		Text  string          `json:"text"`
	} `json:"contentChanges"`
}

func (s *server) DidOpen(ctx context.Context, params *protocol.DidOpenTextDocumentParams) error {
	d := &document{uri: params.TextDocument.URI}
	s.mu.Lock()
	d.set(params.TextDocument.Text, params.TextDocument.Version, s.configs.of(d.uri))
	s.docs[d.uri] = d
	s.mu.Unlock()
	return s.publish(ctx, d)
}

// didChange applies the changes, in order, and lints the result.
func (s *server) didChange(ctx context.Context, params *didChangeParams) error {
	s.mu.Lock()
	d, err := s.document(params.TextDocument.URI)
	if err != nil {
		s.mu.Unlock()
		return err
	}
	text, m := d.text, d.m // the mapper of the current text serves the first change
	for i, c := range params.Changes {
		if i > 0 {
			m = newMapper(text)
		}
		if c.Range == nil {
			text = c.Text
			continue
		}
		start, err := m.offset(c.Range.Start)
		end, err2 := m.offset(c.Range.End)
		if err = cmp.Or(err, err2); err == nil && end < start {
			err = fmt.Errorf("change range ends before it starts")
		}
		if err != nil {
			s.mu.Unlock()
			return err
		}
		text = text[:start] + c.Text + text[end:]
	}
	d.set(text, params.TextDocument.Version, s.configs.of(d.uri))
	s.mu.Unlock()
	if isConfig(d.uri) {
		return s.reloadConfigs(ctx)
	}
	return s.publish(ctx, d)
}

func (s *server) DidClose(ctx context.Context, params *protocol.DidCloseTextDocumentParams) error {
	s.mu.Lock()
	delete(s.docs, params.TextDocument.URI)
	s.mu.Unlock()
	return s.client.PublishDiagnostics(ctx, &protocol.PublishDiagnosticsParams{
		URI: params.TextDocument.URI, Diagnostics: []protocol.Diagnostic{},
	})
}

// DidSave reloads the configurations when the saved document is one.
func (s *server) DidSave(ctx context.Context, params *protocol.DidSaveTextDocumentParams) error {
	if isConfig(params.TextDocument.URI) {
		return s.reloadConfigs(ctx)
	}
	return nil
}

// DidChangeWatchedFiles reloads the configurations when one of them
// changed on disk (clients watch what they are asked to, or all files).
func (s *server) DidChangeWatchedFiles(ctx context.Context, params *protocol.DidChangeWatchedFilesParams) error {
	for _, c := range params.Changes {
		if isConfig(c.URI) {
			return s.reloadConfigs(ctx)
		}
	}
	return nil
}

// isConfig reports whether a document is a configuration file.
func isConfig(u protocol.DocumentURI) bool {
	return filepath.Base(path(u)) == lint.ConfigName
}

// reloadConfigs forgets the configurations read so far, lints every open
// document again, and publishes what changed.
func (s *server) reloadConfigs(ctx context.Context) error {
	s.mu.Lock()
	s.configs = configs{}
	var docs []*document
	for _, d := range s.docs {
		if !isConfig(d.uri) {
			d.set(d.text, d.version, s.configs.of(d.uri))
			docs = append(docs, d)
		}
	}
	s.mu.Unlock()
	for _, d := range docs {
		if err := s.publish(ctx, d); err != nil {
			return err
		}
	}
	return nil
}

// publish sends the document's findings, with its version.
func (s *server) publish(ctx context.Context, d *document) error {
	return s.client.PublishDiagnostics(ctx, &protocol.PublishDiagnosticsParams{
		URI: d.uri, Version: uint32(d.version), Diagnostics: diagnostics(d),
	})
}

// diagnostics converts the findings of a document: code is the rule,
// source is "ie", related places become related information.
func diagnostics(d *document) []protocol.Diagnostic {
	out := []protocol.Diagnostic{}
	for _, x := range d.result.Diagnostics {
		pd := protocol.Diagnostic{
			Range:    d.m.rng(x.Start.Offset, x.End.Offset),
			Severity: severity(x.Severity),
			Code:     x.Rule,
			Source:   "ie",
			Message:  x.Message,
			Data:     data(x),
		}
		for _, r := range x.Related {
			pd.RelatedInformation = append(pd.RelatedInformation, protocol.DiagnosticRelatedInformation{
				Location: protocol.Location{URI: d.uri, Range: d.m.rng(r.Start.Offset, r.End.Offset)},
				Message:  r.Message,
			})
		}
		out = append(out, pd)
	}
	return out
}

func severity(s parser.Severity) protocol.DiagnosticSeverity {
	switch s {
	case parser.SeverityError:
		return protocol.DiagnosticSeverityError
	case parser.SeverityWarning:
		return protocol.DiagnosticSeverityWarning
	}
	return protocol.DiagnosticSeverityInformation
}
