package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"runtime"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// rawClient writes bytes to a server in-process and reads its frames
// undecoded, for what an ordinary client cannot send.
type rawClient struct {
	t    *testing.T
	w    net.Conn
	s    *stream // reads the server's frames
	exit chan int
}

func newRawClient(t *testing.T) *rawClient {
	t.Helper()
	a, b := net.Pipe()
	c := &rawClient{t: t, w: b, s: &stream{conn: b, in: bufio.NewReader(b)}, exit: make(chan int, 1)}
	go func() { c.exit <- Serve(context.Background(), a, io.Discard) }()
	t.Cleanup(func() { b.Close() })
	return c
}

// send writes raw bytes, framed or not.
func (c *rawClient) send(raw string) {
	c.t.Helper()
	c.w.SetWriteDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(c.w, raw); err != nil {
		c.t.Fatalf("write: %v", err)
	}
}

// sendBody writes a body with a correct header.
func (c *rawClient) sendBody(body string) {
	c.t.Helper()
	c.send(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body))
}

// recv returns the server's next frame.
func (c *rawClient) recv() string {
	c.t.Helper()
	c.w.SetReadDeadline(time.Now().Add(10 * time.Second))
	length, _, err := c.s.readHeader()
	if err != nil {
		c.t.Fatalf("read: %v", err)
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(c.s.in, body); err != nil {
		c.t.Fatalf("read: %v", err)
	}
	return string(body)
}

// expect checks that the server's next frame holds each of want.
func (c *rawClient) expect(want ...string) {
	c.t.Helper()
	got := c.recv()
	for _, w := range want {
		if !strings.Contains(got, w) {
			c.t.Fatalf("got %s, want %s in it", got, w)
		}
	}
}

// ping checks that the server still answers a request.
func (c *rawClient) ping(id int) {
	c.t.Helper()
	c.sendBody(fmt.Sprintf(`{"jsonrpc":"2.0","id":%d,"method":"ie/ping","params":{}}`, id))
	c.expect(fmt.Sprintf(`"id":%d`, id), `"code":-32601`)
}

// The answers to messages that cannot be read: id null, and the code.
const (
	parseErrorReply     = `{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":`
	invalidRequestReply = `{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":`
)

// TestMalformedMessages sends what is not JSON-RPC, or not framed: each
// is answered with a parse error, or an invalid request when it is JSON,
// and the server answers the next request.
func TestMalformedMessages(t *testing.T) {
	c := newRawClient(t)
	c.sendBody(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`)
	c.expect(`"id":1`, `"result":{"capabilities"`)
	c.sendBody(`{"jsonrpc":"2.0","method":"initialized","params":{}}`)
	frame := func(body string) string { return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body) }
	for i, bad := range []struct{ send, want string }{
		{frame(`{"jsonrpc":"2.0","id":2,"method"`), parseErrorReply},                          // malformed JSON
		{frame("\x00\xff\xfe\x1b[2Jgarbage"), parseErrorReply},                                // garbage bytes
		{frame(""), parseErrorReply},                                                          // empty body
		{"Content-Type: application/vscode-jsonrpc\r\n\r\n", parseErrorReply},                 // no Content-Length
		{"Content-Length: twelve\r\n\r\n", parseErrorReply},                                   // a bad number
		{"Content-Length: -5\r\n\r\n", parseErrorReply},                                       // a negative number
		{"Content-Length: 99999999999999999999999\r\n\r\n", parseErrorReply},                  // out of range
		{"Content-Length: x\r\n\r\n" + `{"jsonrpc":"2.0","method":"noise"}`, parseErrorReply}, // a bad header and its body
		{frame("[1,2,3]"), invalidRequestReply + `"batches are not supported`},                // a batch, not supported
		{frame("[]"), invalidRequestReply},                                                    // an empty batch
		{frame(`"initialize"`), invalidRequestReply + `"the message is not a JSON-RPC object"`},
		{frame(`{}`), invalidRequestReply + `"the message has neither a method nor an id"`},
		{frame(`{"jsonrpc":"1.0","method":"initialized","params":{}}`), invalidRequestReply + `"\"jsonrpc\" must be \"2.0\""`},
		{frame(`{"jsonrpc":"2.0","id":7,"method":42}`), `{"jsonrpc":"2.0","id":7,"error":{"code":-32600,"message":"\"method\" must be a string"`},
		{frame(`{"jsonrpc":"2.0","id":1.5,"method":"ie/ping"}`), invalidRequestReply + `"\"id\" must be a string or a 32-bit integer"`},
		{frame(`{"jsonrpc":"2.0","id":4294967296,"method":"ie/ping"}`), invalidRequestReply},
		{frame(`{"jsonrpc":"2.0","id":true,"method":"ie/ping"}`), invalidRequestReply},
	} {
		c.send(bad.send)
		c.expect(bad.want)
		c.ping(100 + i)
	}
	// A response to nothing is dropped, not answered.
	c.sendBody(`{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"x"}}`)
	c.ping(200)
	// Unknown headers are ignored, and a body may span lines.
	body := "{\"jsonrpc\":\"2.0\",\r\n\"id\":201,\n\"method\":\"ie/ping\",\"params\":{}}"
	c.send(fmt.Sprintf("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s", len(body), body))
	c.expect(`"id":201`, `"code":-32601`)
	// Blank lines between messages are skipped, not answered.
	c.send("\r\n\n\r\n")
	c.ping(202)
	// Invalid UTF-8, a NUL and a lone surrogate inside a document's text.
	c.sendBody(strings.Replace(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///tmp/bin.manifest","languageId":"manifest","version":1,"text":"eraseDevice: True\nBYTES\u0000\ud800: x\n"}}}`, "BYTES", "\xff\xfe\xc3", 1))
	c.expect(`"method":"textDocument/publishDiagnostics"`, `"code":"yes-no"`)
	c.ping(300)
	// A raw NUL inside a string is not JSON.
	c.sendBody("{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{\"a\":\"\x00\"}}")
	c.expect(parseErrorReply)
	c.ping(301)
	c.sendBody(`{"jsonrpc":"2.0","method":"exit"}`)
	select {
	case code := <-c.exit:
		if code != 1 {
			t.Fatalf("exit status %d without shutdown, want 1", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not exit")
	}
}

// TestTooLarge sends a body over the limit: it is refused from its
// header, before the body is sent, then skipped, and the next message is
// read.
func TestTooLarge(t *testing.T) {
	c := newRawClient(t)
	c.sendBody(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`)
	c.expect(`"id":1`)
	c.send(fmt.Sprintf("Content-Length: %d\r\n\r\n", maxMessage+1))
	c.expect(parseErrorReply, fmt.Sprintf("the message is %d bytes, over the limit of %d", maxMessage+1, maxMessage))
	chunk := strings.Repeat("x", 1<<20)
	for range maxMessage >> 20 {
		c.send(chunk)
	}
	c.send("x")
	c.ping(2)
}

// TestHugeContentLength announces a body of 1 GiB and sends none: the
// server refuses it at once, without allocating it, and ends when the
// input does.
func TestHugeContentLength(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	c := newRawClient(t)
	c.send("Content-Length: 1073741824\r\n\r\n{")
	c.expect(parseErrorReply, "over the limit")
	runtime.ReadMemStats(&after)
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 64<<20 {
		t.Errorf("%d bytes allocated for a refused message", grew)
	}
	c.w.Close()
	select {
	case <-c.exit:
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not end with its input")
	}
}

// TestHeaders checks that header names are case-insensitive, and that a
// header line over the limit is refused without being kept, its body
// skipped, and the next message read.
func TestHeaders(t *testing.T) {
	c := newRawClient(t)
	body := `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`
	c.send(fmt.Sprintf("content-length: %d\r\n\r\n%s", len(body), body))
	c.expect(`"id":1`, `"result":{"capabilities"`)
	for i, h := range []string{"CONTENT-LENGTH", "Content-length", "cOnTeNt-LeNgTh"} {
		body := fmt.Sprintf(`{"jsonrpc":"2.0","id":%d,"method":"ie/ping","params":{}}`, 10+i)
		c.send(fmt.Sprintf("%s: %d\r\n\r\n%s", h, len(body), body))
		c.expect(fmt.Sprintf(`"id":%d`, 10+i), `"code":-32601`)
	}
	long := "X-Padding: " + strings.Repeat("p", 1<<20) + "\r\n"
	c.send(long + "\r\n")
	c.expect(parseErrorReply, fmt.Sprintf("a header line is longer than %d bytes", maxHeaderLine))
	c.ping(20)
	// With a valid Content-Length, the body of the refused frame is skipped.
	body = `{"jsonrpc":"2.0","id":21,"method":"ie/ping","params":{}}`
	c.send(fmt.Sprintf("%sContent-Length: %d\r\n\r\n%s", long, len(body), body))
	c.expect(parseErrorReply, "a header line is longer")
	c.ping(22)
	// A line just under the limit is a header.
	c.send("X-Padding: " + strings.Repeat("p", maxHeaderLine-len("X-Padding: \r\n")) + "\r\n")
	c.sendBody(`{"jsonrpc":"2.0","id":23,"method":"ie/ping","params":{}}`)
	c.expect(`"id":23`, `"code":-32601`)
}

// TestEndOfInput checks that the server ends when its input does, even
// in the middle of a frame.
func TestEndOfInput(t *testing.T) {
	for _, tail := range []string{"", "Content-Length: 10\r\n", "Content-Length: 10\r\n\r\n{\"js"} {
		c := newRawClient(t)
		c.send(tail)
		c.w.Close()
		select {
		case code := <-c.exit:
			if code != 1 {
				t.Fatalf("exit status %d at the end of input, want 1", code)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("the server did not end after %q", tail)
		}
	}
}

// alive checks that the server still answers a request: with an error,
// since the method is unknown.
func alive(c *client) {
	c.t.Helper()
	err := c.call("ie/ping", map[string]any{}, nil)
	var e *jsonrpc2.Error
	if !errors.As(err, &e) || e.Code != jsonrpc2.MethodNotFound {
		c.t.Fatalf("the server did not answer: %v", err)
	}
}

// TestBadRequests sends well-formed requests the server cannot serve.
func TestBadRequests(t *testing.T) {
	c := newClient(t)
	c.initialize()
	alive(c) // an unknown method
	c.open("file:///tmp/b.manifest", broken)
	for _, pos := range []protocol.Position{{Line: 99, Character: 0}, {Line: 4, Character: 9999}, {Line: 1 << 31, Character: 1 << 31}} {
		// An error or an empty answer, whichever: the server answers.
		c.call(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: "file:///tmp/b.manifest"}, Position: pos,
		}}, nil)
		alive(c)
	}
	// didChange of a document never opened, or out of range, is a
	// notification: nothing answers it (sync_test.go checks what the
	// server says instead), and the next request is served.
	c.notify(protocol.MethodTextDocumentDidChange, map[string]any{
		"textDocument":   map[string]any{"uri": "file:///tmp/nope.manifest", "version": 2},
		"contentChanges": []map[string]any{{"text": "x\n"}},
	})
	c.notify(protocol.MethodTextDocumentDidChange, map[string]any{
		"textDocument": map[string]any{"uri": "file:///tmp/b.manifest", "version": 2},
		"contentChanges": []map[string]any{{
			"range": protocol.Range{Start: protocol.Position{Line: 50}, End: protocol.Position{Line: 40}}, "text": "x",
		}},
	})
	alive(c)
	if err := c.call(protocol.MethodShutdown, nil, nil); err != nil {
		t.Fatal(err)
	}
}

// TestBinaryDocument opens text that is no manifest: control characters,
// NULs, and bytes that are not UTF-8 (sent as U+FFFD by JSON).
func TestBinaryDocument(t *testing.T) {
	c := newClient(t)
	c.initialize()
	var b strings.Builder
	for i := range 4096 {
		b.WriteByte(byte(i * 7))
	}
	for _, text := range []string{b.String(), "\xff\xfe\x00\x00eraseDevice: True\n\x1b[2J\r\r\n\t: \x80", "a: \"\xc3\n"} {
		p := c.open("file:///tmp/bin.manifest", text)
		if p.URI != "file:///tmp/bin.manifest" {
			t.Fatalf("diagnostics for %s", p.URI)
		}
		// Symbols of such text: an answer or an error, never a crash.
		var symbols []protocol.DocumentSymbol
		c.call(protocol.MethodTextDocumentDocumentSymbol, &protocol.DocumentSymbolParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: "file:///tmp/bin.manifest"},
		}, &symbols)
		alive(c)
	}
}

// TestLargeDocument opens a 10 MB manifest: its diagnostics arrive.
func TestLargeDocument(t *testing.T) {
	c := newClient(t)
	c.initialize()
	var b strings.Builder
	b.WriteString(broken)
	for b.Len() < 10<<20 {
		fmt.Fprintf(&b, "# padding line %d of a very large manifest\n", b.Len())
	}
	start := time.Now()
	c.notify(protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: "file:///tmp/large.manifest", LanguageID: "manifest", Version: 1, Text: b.String(),
	}})
	// Linting 10 MB takes seconds with -race: longer than c.next waits.
	for {
		select {
		case n := <-c.notes:
			if n.Method() != protocol.MethodTextDocumentPublishDiagnostics {
				continue
			}
			var p protocol.PublishDiagnosticsParams
			if err := json.Unmarshal(n.Params(), &p); err != nil || !hasCode(p.Diagnostics, "yes-no") {
				t.Fatalf("diagnostics of the large document: %+v, %v", p.Diagnostics, err)
			}
			t.Logf("10 MB linted in %v", time.Since(start))
			alive(c)
			return
		case <-time.After(time.Minute):
			t.Fatal("no diagnostics for the large document")
		}
	}
}

func hasCode(ds []protocol.Diagnostic, code string) bool {
	for _, d := range ds {
		if d.Code == code {
			return true
		}
	}
	return false
}

// TestParseErrorShape checks the parse error as sent, byte for byte.
func TestParseErrorShape(t *testing.T) {
	c := newRawClient(t)
	c.send("Content-Length: 1\r\n\r\n{")
	var msg map[string]any
	if err := json.Unmarshal([]byte(c.recv()), &msg); err != nil {
		t.Fatal(err)
	}
	if msg["jsonrpc"] != "2.0" || msg["id"] != nil || msg["error"].(map[string]any)["code"] != float64(-32700) {
		t.Fatalf("parse error %v", msg)
	}
	if _, ok := msg["id"]; !ok {
		t.Fatal("the parse error has no id: it must be null")
	}
}
