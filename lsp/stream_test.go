package lsp

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"testing"
)

// pipe is a connection that reads from in and writes to out.
type pipe struct {
	io.Reader
	io.Writer
}

func (pipe) Close() error { return nil }

// FuzzStream reads arbitrary bytes as a client's messages: the stream
// never panics, ends at the end of its input, and answers what it
// refuses with JSON-RPC errors only: a parse error or an invalid request.
func FuzzStream(f *testing.F) {
	for _, seed := range []string{
		"Content-Length: 52\r\n\r\n" + `{"jsonrpc":"2.0","method":"initialized","params":{}}`,
		"content-length: 44\r\n\r\n" + `{"jsonrpc":"2.0","id":2,"method":"shutdown"}`,
		"Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc\r\n\r\n{}",
		"Content-Length: 7\r\n\r\n[1,2,3]Content-Length: x\r\n\r\n{}",
		"Content-Length: 99999999999\r\n\r\nabc",
		"\r\n\r\nContent-Length: 1\r\n\r\n{",
		"Content-Length: 35\r\n\r\n" + `{"jsonrpc":"2.0","id":1.5,"method":7}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var out bytes.Buffer
		s := &stream{conn: pipe{nil, &out}, in: bufio.NewReader(bytes.NewReader(data))}
		for {
			_, _, err := s.Read(context.Background())
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				break
			}
			if err != nil {
				t.Fatalf("read: %v", err)
			}
		}
		replies := &stream{in: bufio.NewReader(&out)}
		for {
			length, _, err := replies.readHeader()
			if err == io.EOF {
				return
			}
			if err != nil {
				t.Fatalf("reply header: %v", err)
			}
			body := make([]byte, length)
			if _, err := io.ReadFull(replies.in, body); err != nil {
				t.Fatalf("reply body: %v", err)
			}
			var reply struct {
				JSONRPC string          `json:"jsonrpc"`
				ID      json.RawMessage `json:"id"`
				Error   struct{ Code int }
			}
			if err := json.Unmarshal(body, &reply); err != nil || reply.JSONRPC != "2.0" || reply.ID == nil ||
				(reply.Error.Code != -32700 && reply.Error.Code != -32600) {
				t.Fatalf("reply %s (%v)", body, err)
			}
		}
	})
}
