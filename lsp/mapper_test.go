package lsp

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// TestMapperOffset checks positions at and past the ends of lines and of
// the document, up to the largest line and character a client can send.
func TestMapperOffset(t *testing.T) {
	m := newMapper("a: é\nbb: 2\n")
	for _, c := range []struct {
		pos  protocol.Position
		want int
	}{
		{protocol.Position{Line: 0, Character: 0}, 0},
		{protocol.Position{Line: 0, Character: 4}, len("a: é")},
		{protocol.Position{Line: 0, Character: math.MaxUint32}, len("a: é")},
		{protocol.Position{Line: 1, Character: math.MaxUint32}, len("a: é\nbb: 2")},
		{protocol.Position{Line: 2, Character: math.MaxUint32}, len("a: é\nbb: 2\n")},
	} {
		got, err := m.offset(c.pos)
		if err != nil || got != c.want {
			t.Errorf("offset(%+v) = %d, %v; want %d", c.pos, got, err, c.want)
		}
	}
	for _, line := range []uint32{3, math.MaxInt32, math.MaxInt32 + 1, math.MaxUint32} {
		_, err := m.offset(protocol.Position{Line: line})
		var e *jsonrpc2.Error
		if !errors.As(err, &e) || e.Code != jsonrpc2.InvalidParams {
			t.Fatalf("line %d: error %v, want invalid params", line, err)
		}
		// The message counts lines from 1: the last uint32 is line 2^32.
		if want := "line " + strconv.FormatInt(int64(line)+1, 10) + " is past the end"; !strings.Contains(e.Message, want) {
			t.Errorf("line %d: %q, want %q in it", line, e.Message, want)
		}
	}
}

// BenchmarkNewMapper indexes a 10 MB document, as each change does.
func BenchmarkNewMapper(b *testing.B) {
	text := strings.Repeat("# padding line of a very large manifest 123\n", 10<<20/44)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		newMapper(text)
	}
}

// TestMapperLineEndings checks that lines end at LF, CRLF and a lone CR,
// as a client counts them.
func TestMapperLineEndings(t *testing.T) {
	m := newMapper("a: 1\rb: 2\r\nc: 3\nd\r")
	for _, c := range []struct {
		offset int
		pos    protocol.Position
	}{
		{0, protocol.Position{Line: 0, Character: 0}},
		{4, protocol.Position{Line: 0, Character: 4}}, // the lone CR
		{5, protocol.Position{Line: 1, Character: 0}}, // after it
		{9, protocol.Position{Line: 1, Character: 4}}, // the CR of CRLF
		{11, protocol.Position{Line: 2, Character: 0}},
		{16, protocol.Position{Line: 3, Character: 0}},
		{18, protocol.Position{Line: 4, Character: 0}}, // after the final CR
	} {
		if got := m.position(c.offset); got != c.pos {
			t.Errorf("position(%d) = %+v, want %+v", c.offset, got, c.pos)
		}
		if got, err := m.offset(c.pos); err != nil || got != c.offset {
			t.Errorf("offset(%+v) = %d, %v; want %d", c.pos, got, err, c.offset)
		}
	}
}
