package lsp

import (
	"context"
	"reflect"
	"runtime/debug"

	"github.com/iekit/iekit/parser"
	"go.lsp.dev/protocol"
)

// Linting runs beside the connection's reading loop, on the linter's
// goroutine: a change only updates the parse and wakes it. When it wakes,
// it lints the newest version of each changed document, so that changes
// that arrive while it lints are linted once, together, as soon as it
// is free; there is no fixed delay. A request that needs the findings of
// a version not linted yet lints it at once (server.snapshot).

// inlineLint is the size under which a changed document is linted at
// once, on the reading loop: its lint takes a millisecond or less, so
// there is little to gain from linting only the newest of queued
// versions, and handing it to the linter's goroutine would add to the
// latency of every keystroke (BenchmarkEdit/1KB).
const inlineLint = 32 << 10

// changed lints and publishes d, which changed: at once when it is
// small, else on the linter's goroutine.
func (s *server) changed(ctx context.Context, d *document, size int) {
	if size < inlineLint {
		s.lintAndPublish(ctx, d)
		return
	}
	s.wake()
}

// wake tells the linter that a document changed.
func (s *server) wake() {
	select {
	case s.stale <- struct{}{}:
	default: // it is awake already, and will look again
	}
}

// linter lints and publishes changed documents until done is closed.
func (s *server) linter(ctx context.Context, done <-chan struct{}) {
	for {
		select {
		case <-s.stale:
		case <-done:
			return
		}
		for d := s.next(); d != nil; d = s.next() {
			s.lintAndPublish(ctx, d)
		}
	}
}

// next returns an open document, in sync, whose current version is not
// published and the linter has not tried; nil when there is none.
func (s *server) next() *document {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.docs {
		if d.lost == "" && d.pubRev != d.rev && d.tried != d.rev {
			d.tried = d.rev
			return d
		}
	}
	return nil
}

// lintAndPublish lints d without holding the lock, keeps the result
// unless the document changed meanwhile, and publishes. A panic in a
// rule is logged: the document is tried again after its next change.
func (s *server) lintAndPublish(ctx context.Context, d *document) {
	defer func() {
		if r := recover(); r != nil {
			s.log.Printf("panic linting %s: %v\n%s", d.name(), r, debug.Stack())
		}
	}()
	s.mu.Lock()
	if d.result != nil { // linted for a request meanwhile (server.snapshot)
		s.mu.Unlock()
		if err := s.publish(ctx, d); err != nil {
			s.log.Printf("%s: %v", d.name(), err)
		}
		return
	}
	rev, run := d.rev, d.lint()
	s.mu.Unlock()
	r := run()
	s.mu.Lock()
	if d.rev == rev && d.result == nil {
		d.result = r
	}
	s.mu.Unlock()
	if err := s.publish(ctx, d); err != nil {
		s.log.Printf("%s: %v", d.name(), err)
	}
}

// ensure lints the current version of d unless it is linted; s.mu must
// be held.
func (d *document) ensure() {
	if d.result == nil {
		d.result = d.lint()()
	}
}

// publish sends the document's findings, with its version, unless the
// client has them already; for a document out of sync, the one
// diagnostic that says so, at 0:0, which is a place in any text. A
// document closed, or not linted yet, is not published: the linter
// publishes it when it is.
func (s *server) publish(ctx context.Context, d *document) error {
	s.pub.Lock()
	defer s.pub.Unlock()
	s.mu.Lock()
	if s.docs[d.uri] != d || d.lost == "" && d.result == nil {
		s.mu.Unlock()
		return nil
	}
	c := *d
	s.mu.Unlock()
	diags := []protocol.Diagnostic{{
		Severity: protocol.DiagnosticSeverityError,
		Source:   "ie",
		Message:  "ie lost track of this document's text (" + c.lost + "): close and reopen it to lint it again",
	}}
	if c.lost == "" {
		diags = diagnostics(&c)
	}
	same := c.published != nil && reflect.DeepEqual(diags, c.published)
	s.mu.Lock()
	d.published, d.pubRev = diags, c.rev
	s.mu.Unlock()
	if same {
		return nil
	}
	return s.client.PublishDiagnostics(ctx, &protocol.PublishDiagnosticsParams{
		URI: c.uri, Version: uint32(c.version), Diagnostics: diags,
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
