package lsp

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"strconv"
	"strings"
	"sync"

	"go.lsp.dev/jsonrpc2"
)

// The limits of what the server reads. A body holds one JSON-RPC message:
// 64 MiB admits a 10 MB document even when the client escapes most of
// its text. A header line is "Content-Length: N" or "Content-Type: ...":
// 4 KiB is a hundred times what either needs.
const (
	maxMessage    = 64 << 20 // bytes of one body
	maxHeaderLine = 4 << 10  // bytes of one header line, its end included
)

// stream frames JSON-RPC messages with Content-Length headers, as
// jsonrpc2.NewStream does, except that a message that cannot be read is
// answered with an error and skipped instead of ending the connection:
//
//   - a frame without a valid Content-Length, with a header line over
//     maxHeaderLine, or with a body over maxMessage: parse error (-32700);
//     a body over the limit is refused from its header, answered at once
//     and skipped unread, never held in memory;
//   - a body that is not JSON: parse error (-32700);
//   - JSON that is not a message (a batch, a wrong "jsonrpc", a "method"
//     that is not a string, an "id" that is neither a string nor a 32-bit
//     integer, neither method nor id): invalid request (-32600), with the
//     message's id when it has a valid one.
//
// Header names are case-insensitive. Only a read error, such as EOF, ends
// the stream.
type stream struct {
	conn io.ReadWriteCloser
	in   *bufio.Reader
	log  *log.Logger // where refused messages are logged; nil for none
	mu   sync.Mutex  // serialises writes: the conn's and Read's error replies
}

// newStream frames JSON-RPC messages on a connection and logs the
// messages it refuses to logger.
func newStream(rwc io.ReadWriteCloser, logger *log.Logger) jsonrpc2.Stream {
	return &stream{conn: rwc, in: bufio.NewReader(rwc), log: logger}
}

// refused is a message answered with an error instead of being served.
type refused struct {
	id  json.RawMessage // the message's id, or nil when it has none that is valid
	err *jsonrpc2.Error
}

func (r *refused) Error() string { return r.err.Message }

// parseError refuses a frame or a body that cannot be read.
func parseError(format string, args ...any) *refused {
	return &refused{err: jsonrpc2.NewError(jsonrpc2.ParseError, fmt.Sprintf(format, args...))}
}

// Read returns the next message that decodes.
func (s *stream) Read(ctx context.Context) (jsonrpc2.Message, int64, error) {
	var total int64
	for {
		if err := ctx.Err(); err != nil {
			return nil, total, err
		}
		msg, n, err := s.readMessage()
		total += n
		if err == nil && msg != nil {
			return msg, total, nil
		}
		var bad *refused
		if errors.As(err, &bad) {
			err = s.refuse(bad)
		}
		if err != nil {
			return nil, total, err
		}
	}
}

// readMessage reads and decodes one frame. It returns no message and no
// error for a frame that was skipped and needs no answer.
func (s *stream) readMessage() (jsonrpc2.Message, int64, error) {
	length, n, err := s.readHeader()
	if err != nil {
		return nil, n, err
	}
	if length > maxMessage {
		if err := s.refuse(parseError("the message is %d bytes, over the limit of %d", length, maxMessage)); err != nil {
			return nil, n, err
		}
		m, err := io.CopyN(io.Discard, s.in, length)
		return nil, n + m, err
	}
	body := make([]byte, length)
	m, err := io.ReadFull(s.in, body)
	if err != nil {
		return nil, n + int64(m), err
	}
	msg, err := decode(body)
	return msg, n + int64(m), err
}

// readHeader reads the header lines of a frame, up to the blank line
// that ends them, and returns the Content-Length. A frame whose headers
// are wrong is reported as a *refused error; its body, when its length
// is known, is skipped first, and the length returned is -1.
func (s *stream) readHeader() (int64, int64, error) {
	var total int64
	length, valid, seen := int64(-1), false, false
	var bad *refused
	for {
		line, long, n, err := s.readLine()
		total += n
		if err != nil {
			return -1, total, err
		}
		if long {
			bad = parseError("a header line is longer than %d bytes", maxHeaderLine)
			seen = true
			continue
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
		const name = "content-length:"
		if i := strings.Index(asciiLower(line), name); i >= 0 {
			n, err := strconv.ParseInt(strings.TrimSpace(line[i+len(name):]), 10, 64)
			valid = err == nil && n >= 0
			length = n
		}
	}
	if !valid {
		return -1, total, cmp.Or(bad, parseError("the header has no valid Content-Length"))
	}
	if bad != nil {
		m, err := io.CopyN(io.Discard, s.in, length)
		return -1, total + m, cmp.Or[error](err, bad)
	}
	return length, total, nil
}

// readLine returns the next line, its end included. A line longer than
// maxHeaderLine is read to its end but not kept: long reports it.
func (s *stream) readLine() (line string, long bool, n int64, err error) {
	var buf []byte
	for {
		chunk, err := s.in.ReadSlice('\n')
		n += int64(len(chunk))
		if !long && len(buf)+len(chunk) > maxHeaderLine {
			long, buf = true, nil
		}
		if !long {
			buf = append(buf, chunk...)
		}
		if err != bufio.ErrBufferFull {
			return string(buf), long, n, err
		}
	}
}

// decode decodes a body. A response without an id, the peer's answer to
// something it could not read, is dropped: answering it could loop with
// a peer that answers errors too.
func decode(body []byte) (jsonrpc2.Message, error) {
	msg, err := jsonrpc2.DecodeMessage(body)
	if err == nil {
		return msg, nil
	}
	if !json.Valid(body) {
		return nil, parseError("the message is not valid JSON")
	}
	var m struct {
		JSONRPC, ID, Method, Result, Error json.RawMessage
	}
	if body = bytes.TrimSpace(body); body[0] != '{' || json.Unmarshal(body, &m) != nil {
		if body[0] == '[' {
			return nil, invalidRequest(nil, "batches are not supported: send one message per frame")
		}
		return nil, invalidRequest(nil, "the message is not a JSON-RPC object")
	}
	id := m.ID
	if !validID(id) {
		id = nil
	}
	switch {
	case m.JSONRPC != nil && string(m.JSONRPC) != `"2.0"`:
		return nil, invalidRequest(id, `"jsonrpc" must be "2.0"`)
	case m.Method != nil && m.Method[0] != '"':
		return nil, invalidRequest(id, `"method" must be a string`)
	case m.ID != nil && string(m.ID) != "null" && id == nil:
		return nil, invalidRequest(nil, `"id" must be a string or a 32-bit integer`)
	case m.Method == nil && (m.Result != nil || m.Error != nil):
		return nil, nil
	case m.Method == nil && id == nil:
		return nil, invalidRequest(nil, "the message has neither a method nor an id")
	}
	return nil, invalidRequest(id, "the message is not a JSON-RPC request, notification or response")
}

// validID reports whether raw is an id jsonrpc2 can answer: a string or
// a 32-bit integer.
func validID(raw json.RawMessage) bool {
	var id jsonrpc2.ID
	return raw != nil && string(raw) != "null" && id.UnmarshalJSON(raw) == nil
}

func invalidRequest(id json.RawMessage, msg string) *refused {
	return &refused{id: id, err: jsonrpc2.NewError(jsonrpc2.InvalidRequest, msg)}
}

// refuse logs a refused message and answers it.
func (s *stream) refuse(r *refused) error {
	if s.log != nil {
		s.log.Printf("refused a message: %s (code %d)", r.err.Message, r.err.Code)
	}
	id := r.id
	if id == nil {
		id = json.RawMessage("null")
	}
	data, err := json.Marshal(struct {
		JSONRPC string          `json:"jsonrpc"`
		ID      json.RawMessage `json:"id"`
		Error   *jsonrpc2.Error `json:"error"`
	}{"2.0", id, r.err})
	if err == nil {
		_, err = s.write(data)
	}
	return err
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

// asciiLower lowers the ASCII letters of s and keeps its length, which
// strings.ToLower does not for some non-ASCII text.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
