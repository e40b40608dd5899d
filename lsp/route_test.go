package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// TestErrorCodes checks the code of each error the server answers, as
// the JSON-RPC and LSP specifications give them.
func TestErrorCodes(t *testing.T) {
	c := newClient(t)
	code := func(method string, params any) (jsonrpc2.Code, string) {
		t.Helper()
		err := c.call(method, params, nil)
		var e *jsonrpc2.Error
		if !errors.As(err, &e) {
			t.Fatalf("%s: %v, want a JSON-RPC error", method, err)
		}
		return e.Code, e.Message
	}
	if got, msg := code(protocol.MethodTextDocumentHover, map[string]any{}); got != jsonrpc2.ServerNotInitialized {
		t.Errorf("before initialize: code %d (%s), want %d", got, msg, jsonrpc2.ServerNotInitialized)
	}
	c.initialize()
	c.open("file:///tmp/codes.manifest", broken)
	doc := map[string]any{"uri": "file:///tmp/codes.manifest"}
	for _, tc := range []struct {
		method string
		params any
		want   jsonrpc2.Code
		msg    string
	}{
		{"ie/frobnicate", map[string]any{}, jsonrpc2.MethodNotFound, `method "ie/frobnicate" is not supported`},
		{"ie/frobnicate", nil, jsonrpc2.MethodNotFound, `method "ie/frobnicate" is not supported`},
		{"textDocument/frobnicate", []int{1}, jsonrpc2.MethodNotFound, ""},
		{protocol.MethodTextDocumentRename, map[string]any{}, jsonrpc2.MethodNotFound, ""},
		{"$/frobnicate", nil, jsonrpc2.MethodNotFound, ""},
		{protocol.MethodTextDocumentHover, nil, jsonrpc2.InvalidParams, "the params are missing"},
		{protocol.MethodTextDocumentHover, "x", jsonrpc2.InvalidParams, "the params must be an object, not a string"},
		{protocol.MethodTextDocumentHover, map[string]any{"textDocument": doc, "position": map[string]any{"line": -1}},
			jsonrpc2.InvalidParams, `"position.line" must be an integer from 0 to 4294967295, not a number`},
		{protocol.MethodTextDocumentHover, map[string]any{"textDocument": doc, "position": map[string]any{"line": 80421.5}},
			jsonrpc2.InvalidParams, `"position.line" must be an integer from 0 to 4294967295, not a number`},
		{protocol.MethodTextDocumentHover, map[string]any{"textDocument": doc, "position": true},
			jsonrpc2.InvalidParams, `"position" must be an object, not a boolean`},
		{protocol.MethodTextDocumentHover, map[string]any{"textDocument": doc, "position": map[string]any{"line": "4"}},
			jsonrpc2.InvalidParams, `"position.line" must be an integer from 0 to 4294967295, not a string`},
		{protocol.MethodTextDocumentHover, map[string]any{"textDocument": doc, "position": map[string]any{"line": 99}},
			jsonrpc2.InvalidParams, "line 100 is past the end of the document"},
		{protocol.MethodTextDocumentFormatting, map[string]any{"textDocument": "file:///tmp/codes.manifest"},
			jsonrpc2.InvalidParams, `"textDocument" must be an object, not a string`},
		{protocol.MethodTextDocumentFormatting, map[string]any{"textDocument": map[string]any{"uri": "file:///tmp/nope.manifest"}},
			jsonrpc2.InvalidParams, "file:///tmp/nope.manifest is not open"},
		{protocol.MethodTextDocumentCodeAction, map[string]any{"textDocument": doc, "range": []int{1, 2}},
			jsonrpc2.InvalidParams, `"range" must be an object, not an array`},
		{protocol.MethodWorkspaceExecuteCommand, map[string]any{"command": "nope"}, jsonrpc2.InvalidParams, `unknown command "nope"`},
		{protocol.MethodShutdown, map[string]any{"now": true}, jsonrpc2.InvalidParams, "the method takes no params"},
		{protocol.MethodInitialize, map[string]any{}, jsonrpc2.InvalidRequest, "initialize was already sent"},
	} {
		got, msg := code(tc.method, tc.params)
		// Values are never quoted: one may be a secret.
		if got != tc.want || !strings.Contains(msg, tc.msg) || strings.Contains(msg, "80421") {
			t.Errorf("%s %v: code %d %q, want %d %q", tc.method, tc.params, got, msg, tc.want, tc.msg)
		}
	}
	// Notifications of unknown methods, or with bad params, are not
	// answered: the next request is.
	c.notify("$/cancelRequest", map[string]any{"id": 1})
	c.notify("ie/frobnicate", nil)
	c.notify(protocol.MethodTextDocumentDidSave, "x")
	alive(c)
	if err := c.call(protocol.MethodShutdown, nil, nil); err != nil {
		t.Fatal(err)
	}
	if got, msg := code(protocol.MethodTextDocumentHover, map[string]any{}); got != jsonrpc2.InvalidRequest {
		t.Errorf("after shutdown: code %d (%s), want %d", got, msg, jsonrpc2.InvalidRequest)
	}
}

// TestRoutesServeCapabilities checks that every capability Initialize
// announces has its method routed.
func TestRoutesServeCapabilities(t *testing.T) {
	res, err := (&server{}).Initialize(t.Context(), &protocol.InitializeParams{})
	if err != nil {
		t.Fatal(err)
	}
	capability := map[string]string{
		"hoverProvider":                   protocol.MethodTextDocumentHover,
		"completionProvider":              protocol.MethodTextDocumentCompletion,
		"documentFormattingProvider":      protocol.MethodTextDocumentFormatting,
		"documentRangeFormattingProvider": protocol.MethodTextDocumentRangeFormatting,
		"codeActionProvider":              protocol.MethodTextDocumentCodeAction,
		"codeLensProvider":                protocol.MethodTextDocumentCodeLens,
		"documentSymbolProvider":          protocol.MethodTextDocumentDocumentSymbol,
		"foldingRangeProvider":            protocol.MethodTextDocumentFoldingRange,
		"selectionRangeProvider":          methodSelectionRange,
		"executeCommandProvider":          protocol.MethodWorkspaceExecuteCommand,
		"textDocumentSync":                protocol.MethodTextDocumentDidChange,
	}
	data, _ := json.Marshal(res.Capabilities)
	var announced map[string]any
	if err := json.Unmarshal(data, &announced); err != nil {
		t.Fatal(err)
	}
	for name, v := range announced {
		if reflect.ValueOf(v).IsZero() {
			continue
		}
		method, ok := capability[name]
		if !ok {
			t.Errorf("capability %s: its method is not known to this test", name)
			continue
		}
		if routes[method] == nil {
			t.Errorf("capability %s is announced, but %s is not routed", name, method)
		}
	}
}

// TestPanic makes a handler panic while it holds the server's lock: the
// request is answered with an internal error, and the server goes on.
func TestPanic(t *testing.T) {
	routes["ie/panic"] = func(s *server, _ context.Context, _ json.RawMessage) (any, error) {
		s.mu.Lock()
		panic("boom")
	}
	defer delete(routes, "ie/panic")
	c := newClient(t)
	c.initialize()
	err := c.call("ie/panic", nil, nil)
	var e *jsonrpc2.Error
	if !errors.As(err, &e) || e.Code != jsonrpc2.InternalError || !strings.Contains(e.Message, "internal error in ie/panic: boom") {
		t.Fatalf("a panic answered %v", err)
	}
	c.open("file:///tmp/panic.manifest", "a: 1\n")
	alive(c)
}

// TestInitializedWithoutParams sends initialized with no params, as some
// clients do: the server still asks to watch the configuration files.
func TestInitializedWithoutParams(t *testing.T) {
	c := newClient(t)
	var res protocol.InitializeResult
	if err := c.call(protocol.MethodInitialize, &protocol.InitializeParams{Capabilities: protocol.ClientCapabilities{
		Workspace: &protocol.WorkspaceClientCapabilities{DidChangeWatchedFiles: &protocol.DidChangeWatchedFilesWorkspaceClientCapabilities{DynamicRegistration: true}},
	}}, &res); err != nil {
		t.Fatal(err)
	}
	c.notify(protocol.MethodInitialized, nil)
	if p := string(c.next(protocol.MethodClientRegisterCapability)); !strings.Contains(p, `"globPattern":"**/.ie.yaml"`) {
		t.Fatalf("registration %s", p)
	}
}
