package lsp

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"

	"github.com/iekit/iekit/lint"
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
	cfg, err := s.configs.of(d.uri)
	d.reset(params.TextDocument.Text, params.TextDocument.Version, cfg)
	s.docs[d.uri] = d
	s.mu.Unlock()
	s.configError(ctx, err)
	s.changed(ctx, d, len(params.TextDocument.Text))
	return nil
}

// maxBatchWork is the most bytes the changes of one didChange may cost:
// about two seconds at worst (indexing runs at some 400 MB/s), and a
// thousand changes, as many cursors, to a manifest of a megabyte.
const maxBatchWork = 1 << 30

// didChange applies the changes, in order, and lints the result. A batch
// is applied whole or not at all: when one change cannot be applied (a
// range past the end, a range that ends before it starts, params that do
// not decode), or the document was never opened, the document is out of
// sync with the editor (see lose) until a change replaces its whole
// text; so is it when the batch would cost more than maxBatchWork.
func (s *server) didChange(ctx context.Context, raw json.RawMessage) (any, error) {
	var params didChangeParams
	if err := decodeParams(raw, &params); err != nil {
		var id struct {
			TextDocument protocol.VersionedTextDocumentIdentifier `json:"textDocument"`
		}
		if json.Unmarshal(raw, &id) == nil && id.TextDocument.URI != "" {
			s.mu.Lock()
			d, _ := s.open(id.TextDocument.URI)
			s.mu.Unlock()
			s.lose(ctx, d, id.TextDocument.Version, "the change could not be read: "+err.Error())
		}
		return nil, err
	}
	v := params.TextDocument.Version
	s.mu.Lock()
	d, fresh := s.open(params.TextDocument.URI)
	changes := params.Changes
	if d.lost != "" {
		// Only a change of the whole text, and those after it, apply.
		first := -1
		for i, c := range changes {
			if c.Range == nil {
				first = i
			}
		}
		if first < 0 {
			d.version = v
			s.mu.Unlock()
			if fresh {
				s.lose(ctx, d, v, d.lost)
			}
			return nil, nil
		}
		changes = changes[first:]
	}
	// Each change is applied to a copy of the text, indexed again: a batch
	// costs its number of changes times the text, at most, bounded so that
	// no batch can hold the server for long.
	size := len(d.text)
	for _, c := range changes {
		size += len(c.Text)
	}
	if work := int64(len(changes)) * int64(size); work > maxBatchWork {
		s.mu.Unlock()
		s.lose(ctx, d, v, fmt.Sprintf("version %d has %d changes, too many to apply one by one to %d bytes", v, len(params.Changes), size))
		return nil, nil
	}
	text, m := d.text, d.m // the mapper of the current text serves the first change
	type edit struct{ start, end int }
	edits := make([]edit, len(changes))
	for i, c := range changes {
		if i > 0 {
			m = newMapper(text)
		}
		if c.Range == nil {
			text = c.Text
			edits[i] = edit{-1, -1}
			continue
		}
		start, err := m.offset(c.Range.Start)
		end, err2 := m.offset(c.Range.End)
		if err = cmp.Or(err, err2); err == nil && end < start {
			err = fmt.Errorf("its range ends before it starts")
		}
		if err != nil {
			s.mu.Unlock()
			n := len(params.Changes) - len(changes) + i + 1
			s.lose(ctx, d, v, fmt.Sprintf("change %d of %d to version %d could not be applied: %v", n, len(params.Changes), v, err))
			return nil, nil
		}
		text = text[:start] + c.Text + text[end:]
		edits[i] = edit{start, end}
	}
	// All the changes apply: the parse follows them, one by one.
	for i, c := range changes {
		if e := edits[i]; e.start >= 0 {
			d.parsed.Edit(e.start, e.end, []byte(c.Text))
		} else {
			d.parsed.SetText([]byte(c.Text))
		}
	}
	text = d.parsed.Text() // the same text: one copy of it is kept, not two
	if d.lost != "" {
		s.log.Printf("%s: in sync again at version %d", d.name(), v)
	}
	d.lost = ""
	cfg, err := s.configs.of(d.uri)
	d.changed(text, v, cfg)
	s.mu.Unlock()
	s.configError(ctx, err)
	if isConfig(d.uri) {
		return nil, s.reloadConfigs(ctx)
	}
	s.changed(ctx, d, len(text))
	return nil, nil
}

// open returns the open document at u. A document the server never saw
// opened, which the editor changes, was opened in a message the server
// could not read: it is opened out of sync, without text, and fresh
// reports it. s.mu must be held.
func (s *server) open(u protocol.DocumentURI) (d *document, fresh bool) {
	d, ok := s.docs[u]
	if !ok {
		d = &document{uri: u, lost: "the document was changed but never opened"}
		d.reset("", 0, nil)
		s.docs[u] = d
	}
	return d, !ok
}

// lose marks a document out of sync with the editor at version v, says
// why on the screen and in the log, and publishes the one diagnostic
// that says so. From then on, every request about the document is
// answered with ContentModified (see snapshot), which editors do not
// show: no edit, fix, formatting or position is computed from a text
// the user no longer has. Diagnostics from that text would point at the
// wrong places too. The editor sends the whole text again when the
// document is closed and reopened, which puts it back in sync.
func (s *server) lose(ctx context.Context, d *document, v int32, why string) {
	s.mu.Lock()
	d.lost, d.version = why, v
	s.mu.Unlock()
	s.log.Printf("%s: out of sync at version %d: %s", d.name(), v, why)
	msg := fmt.Sprintf("ie: lost track of %s: %s; close and reopen it: until then it is not linted, fixed or formatted", d.name(), why)
	if err := s.client.ShowMessage(ctx, &protocol.ShowMessageParams{Type: protocol.MessageTypeError, Message: msg}); err != nil {
		s.log.Printf("%s: %v", d.name(), err)
	}
	if err := s.publish(ctx, d); err != nil {
		s.log.Printf("%s: %v", d.name(), err)
	}
}

func (s *server) DidClose(ctx context.Context, params *protocol.DidCloseTextDocumentParams) error {
	s.pub.Lock() // the linter may be publishing the document: the empty list comes last
	defer s.pub.Unlock()
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

// reloadConfigs forgets the configurations read so far and has every
// open document linted again; the linter publishes what changed.
func (s *server) reloadConfigs(ctx context.Context) error {
	s.mu.Lock()
	s.configs = configs{}
	var errs []error
	for _, d := range s.docs {
		if !isConfig(d.uri) && d.lost == "" {
			cfg, err := s.configs.of(d.uri)
			if err != nil {
				errs = append(errs, err)
			}
			d.changed(d.text, d.version, cfg)
		}
	}
	s.mu.Unlock()
	for _, err := range errs {
		s.configError(ctx, err)
	}
	s.wake()
	return nil
}
