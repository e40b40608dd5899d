package lsp

import (
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// change sends a didChange of uri at version v: each change is a range
// [line, char, line, char] and its text, or nil and the whole text.
func (c *client) change(uri string, v int, changes ...any) {
	c.t.Helper()
	var list []map[string]any
	for i := 0; i < len(changes); i += 2 {
		ch := map[string]any{"text": changes[i+1]}
		if r, ok := changes[i].([4]uint32); ok {
			ch["range"] = protocol.Range{Start: protocol.Position{Line: r[0], Character: r[1]}, End: protocol.Position{Line: r[2], Character: r[3]}}
		}
		list = append(list, ch)
	}
	c.notify(protocol.MethodTextDocumentDidChange, map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": v},
		"contentChanges": list,
	})
}

// lost checks that the server says it lost track of the document at
// version v: a message on the screen saying why, and the one diagnostic.
func (c *client) lost(v uint32, why string) {
	c.t.Helper()
	var m protocol.ShowMessageParams
	if err := json.Unmarshal(c.next(protocol.MethodWindowShowMessage), &m); err != nil {
		c.t.Fatal(err)
	}
	if m.Type != protocol.MessageTypeError || !strings.Contains(m.Message, why) || !strings.Contains(m.Message, "close and reopen it") {
		c.t.Fatalf("message %+v, want an error saying %q", m, why)
	}
	p := c.diagnostics()
	if p.Version != v || len(p.Diagnostics) != 1 || p.Diagnostics[0].Range != (protocol.Range{}) ||
		!strings.Contains(p.Diagnostics[0].Message, "lost track of this document's text ("+why) {
		c.t.Fatalf("diagnostics of a document out of sync: %+v", p)
	}
}

// refused checks that every request about uri that reads its text is
// answered with ContentModified.
func (c *client) refused(uri string) {
	c.t.Helper()
	doc := protocol.TextDocumentIdentifier{URI: protocol.DocumentURI(uri)}
	at := protocol.TextDocumentPositionParams{TextDocument: doc}
	for method, params := range map[string]any{
		protocol.MethodTextDocumentFormatting:      &protocol.DocumentFormattingParams{TextDocument: doc},
		protocol.MethodTextDocumentRangeFormatting: &protocol.DocumentRangeFormattingParams{TextDocument: doc},
		protocol.MethodTextDocumentCodeAction:      &protocol.CodeActionParams{TextDocument: doc, Context: protocol.CodeActionContext{Only: []protocol.CodeActionKind{fixAllKind}}},
		protocol.MethodTextDocumentCodeLens:        &protocol.CodeLensParams{TextDocument: doc},
		protocol.MethodTextDocumentCompletion:      &protocol.CompletionParams{TextDocumentPositionParams: at},
		protocol.MethodTextDocumentHover:           &protocol.HoverParams{TextDocumentPositionParams: at},
		protocol.MethodTextDocumentDocumentSymbol:  &protocol.DocumentSymbolParams{TextDocument: doc},
		protocol.MethodTextDocumentFoldingRange:    &protocol.FoldingRangeParams{TextDocumentPositionParams: at},
		methodSelectionRange:                       &protocol.SelectionRangeParams{TextDocument: doc, Positions: []protocol.Position{{}}},
		protocol.MethodWorkspaceExecuteCommand:     &protocol.ExecuteCommandParams{Command: previewRequestCommand, Arguments: []any{uri}},
	} {
		var result any
		err := c.call(method, params, &result)
		var e *jsonrpc2.Error
		if !errors.As(err, &e) || e.Code != protocol.CodeContentModified || !strings.Contains(e.Message, "out of sync") {
			c.t.Errorf("%s of a document out of sync: %v, %v; want ContentModified", method, result, err)
		}
	}
}

// format returns the text formatting the document gives.
func (c *client) format(uri, text string) string {
	c.t.Helper()
	var edits []protocol.TextEdit
	if err := c.call(protocol.MethodTextDocumentFormatting, &protocol.DocumentFormattingParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: protocol.DocumentURI(uri)},
	}, &edits); err != nil {
		c.t.Fatal(err)
	}
	m := newMapper(text)
	for i := len(edits) - 1; i >= 0; i-- {
		start, err := m.offset(edits[i].Range.Start)
		end, err2 := m.offset(edits[i].Range.End)
		if err != nil || err2 != nil {
			c.t.Fatalf("edit %+v: %v %v", edits[i], err, err2)
		}
		text = text[:start] + edits[i].NewText + text[end:]
	}
	return text
}

// TestOutOfSync sends a batch of changes that cannot be applied: the
// server says so, offers nothing from the text it has, and is back in
// sync when the whole text is sent again. Before, it dropped the batch
// without a word, and its formatting edit put the old text back.
func TestOutOfSync(t *testing.T) {
	const uri = "file:///tmp/sync.manifest"
	var log logBuffer
	c := newLoggedClient(t, &log)
	c.initialize()
	c.open(uri, "a:1\n")
	// The editor inserts a line, then a change whose range is reversed.
	c.change(uri, 2, [4]uint32{1, 0, 1, 0}, "b:2\n", [4]uint32{0, 3, 0, 1}, "x")
	c.lost(2, "change 2 of 2 to version 2 could not be applied: its range ends before it starts")
	if want := "/tmp/sync.manifest: out of sync at version 2: change 2 of 2"; !strings.Contains(log.String(), want) {
		t.Errorf("log %q, want %q in it", log.String(), want)
	}
	c.refused(uri)
	// Further edits are not applied to a text that is not the editor's.
	c.change(uri, 3, [4]uint32{0, 0, 0, 0}, "c: 3\n")
	c.refused(uri)
	// The whole text, and a change after it in the same batch: in sync.
	text := "a:1\nb:2\nx:9\n"
	c.change(uri, 4, nil, "a:1\nb:2\n", [4]uint32{2, 0, 2, 0}, "x:9\n")
	if p := c.diagnostics(); p.Version != 4 || lostTrack(p) {
		t.Fatalf("diagnostics back in sync: %+v", p)
	}
	if got := c.format(uri, text); got != "a: 1\nb: 2\nx: 9\n" {
		t.Fatalf("formatting back in sync gives %q", got)
	}
	if want := "/tmp/sync.manifest: in sync again at version 4"; !strings.Contains(log.String(), want) {
		t.Errorf("log %q, want %q in it", log.String(), want)
	}
	// A range past the end, then the document reopened.
	c.change(uri, 5, [4]uint32{9, 0, 9, 0}, "y")
	c.lost(5, "change 1 of 1 to version 5 could not be applied: line 10 is past the end of the document (4 lines)")
	c.refused(uri)
	c.open(uri, "d:4\n")
	if got := c.format(uri, "d:4\n"); got != "d: 4\n" {
		t.Fatalf("formatting after reopening gives %q", got)
	}
	// Params that do not decode: the change is lost with them.
	c.notify(protocol.MethodTextDocumentDidChange, map[string]any{
		"textDocument": map[string]any{"uri": uri, "version": 6}, "contentChanges": "d: 5\n",
	})
	c.lost(6, `the change could not be read: "contentChanges" must be an array, not a string`)
	c.refused(uri)
	alive(c)
}

// TestChangeNeverOpened changes a document the server never saw opened,
// as when the message that opened it could not be read.
func TestChangeNeverOpened(t *testing.T) {
	const uri = "file:///tmp/never.manifest"
	c := newClient(t)
	c.initialize()
	c.change(uri, 7, [4]uint32{0, 0, 0, 0}, "a: 1\n")
	c.lost(7, "the document was changed but never opened")
	c.refused(uri)
	c.change(uri, 8, nil, "a:1\n")
	if p := c.diagnostics(); p.Version != 8 || lostTrack(p) {
		t.Fatalf("diagnostics once the whole text is known: %+v", p)
	}
	if got := c.format(uri, "a:1\n"); got != "a: 1\n" {
		t.Fatalf("formatting gives %q", got)
	}
}

// lostTrack reports whether diagnostics say the server lost track of the
// document.
func lostTrack(p protocol.PublishDiagnosticsParams) bool {
	for _, d := range p.Diagnostics {
		if strings.Contains(d.Message, "lost track") {
			return true
		}
	}
	return false
}

// logBuffer is a log the server writes while the test reads it.
type logBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestHugeBatch sends thousands of changes to a document of a megabyte in
// one batch: applied one by one, they would hold the server for a minute.
func TestHugeBatch(t *testing.T) {
	const uri = "file:///tmp/huge.manifest"
	c := newClient(t)
	c.initialize()
	c.open(uri, "a: 1\n"+strings.Repeat("# padding line of a very large manifest 123\n", 1<<20/44))
	var changes []any
	for range 9000 {
		changes = append(changes, [4]uint32{0, 0, 0, 0}, "")
	}
	c.change(uri, 2, changes...)
	c.lost(2, "version 2 has 9000 changes, too many to apply one by one to")
	c.refused(uri)
}
