package lsp

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// fragments are what random edits insert: whole lines and pieces of
// tokens, line endings of both kinds, tabs and text beyond ASCII.
var fragments = []string{
	"", "a", "\n", "\r\n", "\t", "  ", ": ", "- ", "#", "é", "😀", "\"", "'",
	"bucket: x\n", "eraseDevice: True\n", "operations:\n  - destination: ebs-snapshot\n",
	"    source: device\n", "returnAddress:\n    name: Jane\n", "\tcity: Seattle\r\n",
}

// randomEdit returns a random range of text, cut at character
// boundaries, and the text to put there.
func randomEdit(r *rand.Rand, text string) (start, end int, insert string) {
	at := func() int {
		i := r.IntN(len(text) + 1)
		for i < len(text) && !utf8.RuneStart(text[i]) {
			i++
		}
		return i
	}
	start, end = at(), at()
	if start > end {
		start, end = end, start
	}
	if end-start > 40 && r.IntN(4) > 0 {
		end = start // most edits are insertions and short deletions
		for end < len(text) && end-start < 8 {
			end++
		}
		for end < len(text) && !utf8.RuneStart(text[end]) {
			end++
		}
	}
	return start, end, fragments[r.IntN(len(fragments))]
}

// TestParityAfterEdits applies random sequences of edits to corpus
// manifests, as an editor sends them, and checks that what the server
// publishes for the final text is what ie lint -format json reports for
// it: the parse the server keeps between changes, and the lint of it,
// give what a fresh parse and lint give.
func TestParityAfterEdits(t *testing.T) {
	paths, _ := filepath.Glob("../testdata/corpus/*.manifest")
	if len(paths) == 0 {
		t.Fatal("no corpus")
	}
	r := rand.New(rand.NewPCG(1, 2))
	c := newClient(t)
	c.initialize()
	rounds := 3
	if testing.Short() {
		rounds = 1
	}
	for round := range rounds {
		for n, path := range paths {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			text := strings.ToValidUTF8(string(src), "\uFFFD") // as JSON carries it
			abs, _ := filepath.Abs(path)
			u := string(uri.File(abs))
			c.open(u, text)
			v := 1
			for range 1 + r.IntN(12) {
				start, end, insert := randomEdit(r, text)
				m := newMapper(text)
				rg := m.rng(start, end)
				text = text[:start] + insert + text[end:]
				v++
				c.change(u, v, [4]uint32{rg.Start.Line, rg.Start.Character, rg.End.Line, rg.End.Character}, insert)
			}
			// A last edit whose finding no earlier version has, on the
			// first line, whatever the edits made of the others: the
			// server publishes it, with the final version.
			at := 0
			if strings.HasPrefix(text, "\uFEFF") {
				at = len("\uFEFF")
			}
			mark := fmt.Sprintf("markOf%dRound%d: 1\n", n, round)
			p := newMapper(text).position(at)
			text = text[:at] + mark + text[at:]
			v++
			c.change(u, v, [4]uint32{p.Line, p.Character, p.Line, p.Character}, mark)
			got := c.diagnostics()
			for got.Version != uint32(v) {
				got = c.diagnostics()
			}
			checkParity(t, fmt.Sprintf("%s after edits (round %d)", path, round), abs, text, got)
			c.notify(protocol.MethodTextDocumentDidClose, &protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: protocol.DocumentURI(u)}})
			for p := c.diagnostics(); len(p.Diagnostics) > 0; p = c.diagnostics() {
			}
		}
	}
}

// TestPublishOnlyChanges checks that an edit that leaves the findings as
// they were publishes nothing, and that the next one that changes them
// publishes, with its version.
func TestPublishOnlyChanges(t *testing.T) {
	c := newClient(t)
	c.initialize()
	const u = "file:///tmp/quiet.manifest"
	first := c.open(u, broken)
	end := newMapper(broken).position(len(broken))
	// A comment after the last finding moves none of them.
	c.change(u, 2, [4]uint32{end.Line, end.Character, end.Line, end.Character}, "# a note\n")
	c.change(u, 3, [4]uint32{0, 0, 0, 0}, "\n")
	got := c.diagnostics()
	if got.Version != 3 || len(got.Diagnostics) != len(first.Diagnostics) || got.Diagnostics[0].Range.Start.Line != first.Diagnostics[0].Range.Start.Line+1 {
		t.Fatalf("after an edit that changes nothing, then one that moves every finding: version %d, %+v", got.Version, got.Diagnostics)
	}
}

// TestNewestVersionOnly sends many changes to a large document without
// waiting: the server lints the newest version when it is free, rather
// than each version in turn, and publishes what the last one holds.
func TestNewestVersionOnly(t *testing.T) {
	c := newClient(t)
	c.initialize()
	const u = "file:///tmp/busy.manifest"
	var b strings.Builder
	b.WriteString(broken)
	for b.Len() < 1<<20 {
		fmt.Fprintf(&b, "# padding line %d\n", b.Len())
	}
	c.open(u, b.String())
	const changes = 30
	for v := 2; v < 2+changes; v++ {
		c.change(u, v, [4]uint32{0, 0, 0, 0}, fmt.Sprintf("key%d: 1\n", v)) // a finding each
	}
	published := 0
	for {
		p := c.diagnostics()
		published++
		if p.Version == 1+changes {
			if !strings.Contains(p.Diagnostics[0].Message, fmt.Sprintf("key%d", 1+changes)) {
				t.Fatalf("first finding of the last version: %q", p.Diagnostics[0].Message)
			}
			break
		}
	}
	if published >= changes {
		t.Fatalf("%d lists published for %d changes: every version was linted", published, changes)
	}
	t.Logf("%d lists published for %d changes", published, changes)
}

// TestPublishAfterRequest checks that a version linted for a request
// before the linter came to it is published all the same.
func TestPublishAfterRequest(t *testing.T) {
	c := newClient(t)
	c.initialize()
	const u = "file:///tmp/asked.manifest"
	var b strings.Builder
	b.WriteString(broken)
	for b.Len() < 2*inlineLint {
		fmt.Fprintf(&b, "# padding line %d\n", b.Len())
	}
	c.open(u, b.String())
	for v := 2; v < 12; v++ {
		c.change(u, v, [4]uint32{0, 0, 0, 0}, fmt.Sprintf("key%d: 1\n", v))
		var lenses []protocol.CodeLens
		if err := c.call(protocol.MethodTextDocumentCodeLens, &protocol.CodeLensParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}}, &lenses); err != nil {
			t.Fatal(err)
		}
		for p := c.diagnostics(); p.Version != uint32(v); p = c.diagnostics() {
		}
	}
}
