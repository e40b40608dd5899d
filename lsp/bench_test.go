package lsp

import (
	"strings"
	"testing"

	"github.com/iekit/iekit/internal/benchdata"
)

// BenchmarkEdit measures one keystroke in the middle of a document, from
// the didChange the editor sends to the diagnostics the server publishes
// for it, over JSON-RPC as an editor talks to the server. Each keystroke
// types a letter before the key of the middle line, or deletes it again:
// the key becomes unknown and known again, so every version has findings
// of its own to publish. With IE_BENCH_SINGLE naming the folder of the
// shared benchmark's single files (gencorpus -n 0 -sample -mid -big), it
// measures those too.
func BenchmarkEdit(b *testing.B) {
	for _, in := range benchdata.EditInputs(b) {
		b.Run(in.Name, func(b *testing.B) {
			text := string(in.Src)
			at := middleKey(text)
			m := newMapper(text)
			p := m.position(at)
			c := newClient(b)
			c.initialize()
			const u = "file:///bench/edit.manifest"
			c.open(u, text)
			v := 1
			for b.Loop() {
				v++
				if v%2 == 0 {
					c.change(u, v, [4]uint32{p.Line, p.Character, p.Line, p.Character}, "x")
				} else {
					c.change(u, v, [4]uint32{p.Line, p.Character, p.Line, p.Character + 1}, "")
				}
				for got := c.diagnostics(); got.Version != uint32(v); got = c.diagnostics() {
				}
			}
		})
	}
}

// middleKey returns the offset of the first key at or after the middle
// of text: a line's first letter.
func middleKey(text string) int {
	at := len(text) / 2
	at += strings.IndexByte(text[at:], '\n') + 1
	for {
		line := text[at:]
		end := strings.IndexByte(line, '\n')
		trimmed := strings.TrimLeft(line[:end], " -")
		if trimmed != "" && trimmed[0] != '#' {
			return at + end - len(trimmed)
		}
		at += end + 1
	}
}
