package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"go.lsp.dev/jsonrpc2"
)

// maxMessage is the largest body read; a larger one is skipped and
// answered with a parse error.
const maxMessage = 64 << 20

// stream frames JSON-RPC messages with Content-Length headers, as
// jsonrpc2.NewStream does, except that a message that cannot be read (a
// header without a valid Content-Length, a body too large or not
// JSON-RPC) is answered with an error and skipped instead of ending the
// connection. Only a read error, such as EOF, ends the stream.
type stream struct {
	conn io.ReadWriteCloser
	in   *bufio.Reader
	mu   sync.Mutex // serialises writes: the conn's and Read's error replies
}

// newStream frames JSON-RPC messages on a connection.
func newStream(rwc io.ReadWriteCloser) jsonrpc2.Stream {
	return &stream{conn: rwc, in: bufio.NewReader(rwc)}
}

// Read returns the next message that decodes.
func (s *stream) Read(ctx context.Context) (jsonrpc2.Message, int64, error) {
	var total int64
	for {
		if err := ctx.Err(); err != nil {
			return nil, total, err
		}
		body, n, err := s.readFrame()
		total += n
		if err == nil {
			var msg jsonrpc2.Message
			if msg, err = jsonrpc2.DecodeMessage(body); err == nil {
				return msg, total, nil
			}
			if err == jsonrpc2.ErrInvalidRequest {
				// Neither method nor id: a response to nothing. Answering
				// it could loop with a peer that answers errors too.
				continue
			}
			err = jsonrpc2.NewError(jsonrpc2.ParseError, "the message is not valid JSON-RPC")
		}
		var bad *jsonrpc2.Error
		if !errors.As(err, &bad) {
			return nil, total, err
		}
		if err := s.replyError(bad); err != nil {
			return nil, total, err
		}
	}
}

// readFrame reads the headers and the body of one message. A frame
// without a valid Content-Length, or too large, is consumed and reported
// as a *jsonrpc2.Error; any other error is a read error.
func (s *stream) readFrame() ([]byte, int64, error) {
	var total int64
	length, valid, seen := int64(0), false, false
	for {
		line, err := s.in.ReadString('\n')
		total += int64(len(line))
		if err != nil {
			return nil, total, err
		}
		line = strings.TrimSpace(line)
		if line == "" {
			if seen {
				break
			}
			continue // blank lines between messages
		}
		seen = true
		// The header is looked for anywhere in the line: after a bad
		// header, the body left unread runs into the next header.
		if i := strings.Index(line, jsonrpc2.HdrContentLength+":"); i >= 0 {
			value := strings.TrimSpace(line[i+len(jsonrpc2.HdrContentLength)+1:])
			n, err := strconv.ParseInt(value, 10, 64)
			length, valid = n, err == nil && n >= 0
		}
	}
	if !valid {
		return nil, total, jsonrpc2.NewError(jsonrpc2.ParseError, "the header has no valid Content-Length")
	}
	if length > maxMessage {
		n, err := io.CopyN(io.Discard, s.in, length)
		total += n
		if err != nil {
			return nil, total, err
		}
		return nil, total, jsonrpc2.NewError(jsonrpc2.ParseError, fmt.Sprintf("the message is larger than %d bytes", maxMessage))
	}
	body := make([]byte, length)
	n, err := io.ReadFull(s.in, body)
	return body, total + int64(n), err
}

// Write sends a message.
func (s *stream) Write(ctx context.Context, msg jsonrpc2.Message) (int64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	data, err := json.Marshal(msg)
	if err != nil {
		return 0, fmt.Errorf("marshaling message: %w", err)
	}
	return s.write(data)
}

// replyError answers a message that could not be read: its id is
// unknown, so null.
func (s *stream) replyError(e *jsonrpc2.Error) error {
	data, err := json.Marshal(struct {
		JSONRPC string          `json:"jsonrpc"`
		ID      *jsonrpc2.ID    `json:"id"`
		Error   *jsonrpc2.Error `json:"error"`
	}{"2.0", nil, e})
	if err == nil {
		_, err = s.write(data)
	}
	return err
}

// write frames data and sends it in one write.
func (s *stream) write(data []byte) (int64, error) {
	frame := fmt.Appendf(nil, "%s: %d%s", jsonrpc2.HdrContentLength, len(data), jsonrpc2.HdrContentSeparator)
	frame = append(frame, data...)
	s.mu.Lock()
	defer s.mu.Unlock()
	n, err := s.conn.Write(frame)
	if err != nil {
		return int64(n), fmt.Errorf("write to stream: %w", err)
	}
	return int64(n), nil
}

// Close closes the connection.
func (s *stream) Close() error { return s.conn.Close() }
