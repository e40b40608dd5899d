package lsp

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// client is an editor talking to a server in-process over net.Pipe.
type client struct {
	t     testing.TB
	conn  jsonrpc2.Conn
	notes chan jsonrpc2.Request // notifications from the server
	exit  chan int              // the server's exit status
}

func newClient(t testing.TB) *client {
	t.Helper()
	return newLoggedClient(t, io.Discard)
}

// newLoggedClient starts a server that logs to logw.
func newLoggedClient(t testing.TB, logw io.Writer) *client {
	t.Helper()
	a, b := net.Pipe()
	c := &client{t: t, notes: make(chan jsonrpc2.Request, 100), exit: make(chan int, 1)}
	go func() { c.exit <- Serve(context.Background(), a, logw) }()
	c.conn = jsonrpc2.NewConn(jsonrpc2.NewStream(b))
	c.conn.Go(context.Background(), func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		c.notes <- req
		return reply(ctx, nil, nil)
	})
	t.Cleanup(func() { c.conn.Close() })
	return c
}

// call sends a request and decodes its result.
func (c *client) call(method string, params, result any) error {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := c.conn.Call(ctx, method, params, result)
	return err
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatal(err)
	}
}

// next returns the next notification of method from the server.
func (c *client) next(method string) json.RawMessage {
	c.t.Helper()
	for {
		select {
		case n := <-c.notes:
			if n.Method() == method {
				return n.Params()
			}
		case <-time.After(10 * time.Second):
			c.t.Fatalf("no %s from the server", method)
		}
	}
}

func (c *client) initialize() {
	c.t.Helper()
	var res protocol.InitializeResult
	if err := c.call(protocol.MethodInitialize, &protocol.InitializeParams{}, &res); err != nil {
		c.t.Fatal(err)
	}
	c.notify(protocol.MethodInitialized, &protocol.InitializedParams{})
}

func (c *client) open(uri, text string) protocol.PublishDiagnosticsParams {
	c.t.Helper()
	c.notify(protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: protocol.DocumentURI(uri), LanguageID: "manifest", Version: 1, Text: text,
	}})
	return c.diagnostics()
}

func (c *client) diagnostics() protocol.PublishDiagnosticsParams {
	c.t.Helper()
	var p protocol.PublishDiagnosticsParams
	if err := json.Unmarshal(c.next(protocol.MethodTextDocumentPublishDiagnostics), &p); err != nil {
		c.t.Fatal(err)
	}
	return p
}

const broken = "manifestVersion: 2.0\nbucket: photos-2026-archive\naccessKeyId: AKIAQWERTYUIOPASDFGH\ndeviceId: WD-1234\neraseDevice: True\nreturnAddress:\n    name: Jane Doe\n    street1: 1200 Harbor Way\n    city: Seattle\n    stateOrProvince: WA\n    postalCode: 98101\n    phoneNumber: +1 206 555 0100\n    country: USA\n"

func TestLifecycle(t *testing.T) {
	c := newClient(t)
	// Before initialize, requests are refused.
	err := c.call(protocol.MethodTextDocumentHover, &protocol.HoverParams{}, nil)
	if err == nil || !strings.Contains(err.Error(), "not initialized") {
		t.Fatalf("hover before initialize: %v", err)
	}
	c.initialize()
	if err := c.call(protocol.MethodShutdown, nil, nil); err != nil {
		t.Fatal(err)
	}
	c.notify(protocol.MethodExit, nil)
	if code := <-c.exit; code != 0 {
		t.Fatalf("exit status %d after shutdown, want 0", code)
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	c := newClient(t)
	c.initialize()
	c.notify(protocol.MethodExit, nil)
	if code := <-c.exit; code != 1 {
		t.Fatalf("exit status %d without shutdown, want 1", code)
	}
}

func TestDiagnostics(t *testing.T) {
	c := newClient(t)
	c.initialize()
	p := c.open("file:///tmp/job.manifest", broken)
	if len(p.Diagnostics) != 1 {
		t.Fatalf("got %d diagnostics, want 1: %+v", len(p.Diagnostics), p.Diagnostics)
	}
	d := p.Diagnostics[0]
	if d.Code != "yes-no" || d.Source != "ie" || d.Severity != protocol.DiagnosticSeverityError ||
		d.Range.Start != (protocol.Position{Line: 4, Character: 13}) || p.Version != 1 {
		t.Fatalf("diagnostic %+v, version %d", d, p.Version)
	}
	// An incremental change that fixes it: True -> yes.
	c.notify(protocol.MethodTextDocumentDidChange, map[string]any{
		"textDocument": map[string]any{"uri": "file:///tmp/job.manifest", "version": 2},
		"contentChanges": []map[string]any{{
			"range": protocol.Range{Start: protocol.Position{Line: 4, Character: 13}, End: protocol.Position{Line: 4, Character: 17}},
			"text":  "yes",
		}},
	})
	if p := c.diagnostics(); len(p.Diagnostics) != 0 || p.Version != 2 {
		t.Fatalf("after the fix: %+v", p)
	}
	// A change without a range replaces the whole text.
	c.notify(protocol.MethodTextDocumentDidChange, map[string]any{
		"textDocument":   map[string]any{"uri": "file:///tmp/job.manifest", "version": 3},
		"contentChanges": []map[string]any{{"text": "x\n"}},
	})
	p = c.diagnostics()
	if len(p.Diagnostics) != 2 || p.Diagnostics[1].Code != "syntax" || p.Diagnostics[1].Message != `missing ":" after key "x"` {
		t.Fatalf("after replacing the text: %+v", p)
	}
	c.notify(protocol.MethodTextDocumentDidClose, &protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: "file:///tmp/job.manifest"}})
	if p := c.diagnostics(); len(p.Diagnostics) != 0 {
		t.Fatalf("close left diagnostics: %+v", p)
	}
}

// TestUTF16 checks positions after characters of two and four UTF-8 bytes,
// which are one and two UTF-16 units.
func TestUTF16(t *testing.T) {
	c := newClient(t)
	c.initialize()
	p := c.open("untitled:Untitled-1", "generator: é😀日本\neraseDevice: True\n")
	for _, d := range p.Diagnostics {
		if d.Code == "yes-no" && d.Range.Start != (protocol.Position{Line: 1, Character: 13}) {
			t.Fatalf("yes-no at %+v", d.Range)
		}
	}
	m := newMapper("a: é😀x\n")
	if got := m.position(len("a: é😀")); got != (protocol.Position{Line: 0, Character: 6}) {
		t.Fatalf("position after é😀: %+v, want character 6", got)
	}
	if off, _ := m.offset(protocol.Position{Line: 0, Character: 6}); off != len("a: é😀") {
		t.Fatalf("offset of character 6: %d", off)
	}
}

func TestFormatting(t *testing.T) {
	c := newClient(t)
	c.initialize()
	c.open("file:///tmp/f.manifest", "a:1\nb:\n  c:  2\n")
	var edits []protocol.TextEdit
	if err := c.call(protocol.MethodTextDocumentFormatting, &protocol.DocumentFormattingParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: "file:///tmp/f.manifest"},
	}, &edits); err != nil {
		t.Fatal(err)
	}
	if len(edits) != 1 || edits[0].NewText != "a: 1\nb:\n    c: 2\n" {
		t.Fatalf("edits %+v", edits)
	}
	// Syntax errors: no edits, and a message saying why.
	c.open("file:///tmp/g.manifest", "a:\n    b: 1\n   c: 2\n")
	edits = nil
	if err := c.call(protocol.MethodTextDocumentFormatting, &protocol.DocumentFormattingParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: "file:///tmp/g.manifest"},
	}, &edits); err != nil || len(edits) != 0 {
		t.Fatalf("edits %+v, err %v", edits, err)
	}
	if msg := string(c.next(protocol.MethodWindowShowMessage)); !strings.Contains(msg, "syntax errors") {
		t.Fatalf("message %s", msg)
	}
}

func TestHover(t *testing.T) {
	c := newClient(t)
	c.initialize()
	c.open("file:///tmp/h.manifest", broken)
	var h protocol.Hover
	if err := c.call(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: "file:///tmp/h.manifest"}, Position: protocol.Position{Line: 4, Character: 2},
	}}, &h); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(h.Contents.Value, "**eraseDevice** (yes/no)") || !strings.Contains(h.Contents.Value, "Required for s3-import jobs") {
		t.Fatalf("hover on the key: %q", h.Contents.Value)
	}
	if err := c.call(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: "file:///tmp/h.manifest"}, Position: protocol.Position{Line: 4, Character: 14},
	}}, &h); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(h.Contents.Value, "yes-no (default severity: error)") ||
		!strings.Contains(h.Contents.Value, "Service errors it anticipates: InvalidManifestFieldException.") {
		t.Fatalf("hover on the finding: %q", h.Contents.Value)
	}
}

// TestRobustness checks that unknown methods, positions out of range and
// unopened documents get errors, and the server still answers after.
func TestRobustness(t *testing.T) {
	c := newClient(t)
	c.initialize()
	if err := c.call("textDocument/frobnicate", map[string]any{}, nil); err == nil {
		t.Fatal("an unknown method succeeded")
	}
	c.open("file:///tmp/r.manifest", "a: 1\n")
	var h protocol.Hover
	if err := c.call(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: "file:///tmp/r.manifest"}, Position: protocol.Position{Line: 99, Character: 0},
	}}, &h); err == nil {
		t.Fatal("a position past the end succeeded")
	}
	if err := c.call(protocol.MethodTextDocumentFormatting, &protocol.DocumentFormattingParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: "file:///tmp/nope.manifest"},
	}, nil); err == nil {
		t.Fatal("formatting an unopened document succeeded")
	}
	if err := c.call(protocol.MethodShutdown, nil, nil); err != nil {
		t.Fatalf("the server stopped answering: %v", err)
	}
}
