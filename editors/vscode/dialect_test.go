package vscode

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/iekit/iekit/parser"
)

// TestSnapshotsFollowParser checks the committed snapshots against the
// parser: on every snapshot input, a character is scoped as a key, a
// comment or a list dash exactly when the parser reads it as one. The
// grammar is a second reading of the dialect; this keeps the two
// readings the same. On a line with a syntax error the tree may leave
// out what it cannot place (a list item at the top level): there the
// grammar may see more than the tree, never less.
func TestSnapshotsFollowParser(t *testing.T) {
	classes := []struct {
		name, scope string
	}{
		{"key", "entity.name.tag.ie-manifest"},
		{"comment", "comment.line.number-sign.ie-manifest"},
		{"dash", "punctuation.definition.list.item.ie-manifest"},
	}
	for name, src := range snapshotInputs(t) {
		t.Run(name, func(t *testing.T) {
			text, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			snap, err := os.ReadFile("testdata/snap/" + name + ".snap")
			if err != nil {
				t.Skipf("no snapshot yet: %v", err)
			}
			scopes := readSnapshot(t, string(snap))

			// want[class] holds the place of every character the parser
			// gives that class.
			want := map[string]map[place]bool{}
			for _, c := range classes {
				want[c.name] = map[place]bool{}
			}
			mark := func(class string, start parser.Pos, n int) {
				line := lineStart(text, start.Offset)
				col := utf16Len(string(text[line:start.Offset]))
				for i := range utf16Len(string(text[start.Offset : start.Offset+n])) {
					want[class][place{start.Line, col + i}] = true
				}
			}
			f, diags := parser.Parse(src, text)
			broken := map[int]bool{}
			for _, d := range diags {
				broken[d.Start.Line] = true
			}
			parser.Inspect(f, func(n parser.Node) bool {
				switch n := n.(type) {
				case *parser.Key:
					mark("key", n.Pos(), len(n.Raw))
				case *parser.Comment:
					mark("comment", n.Pos(), len(n.Text))
				case *parser.Item:
					mark("dash", n.Dash, 1)
				}
				return true
			})

			for _, c := range classes {
				for at, s := range scopes {
					got := strings.Contains(" "+s+" ", " "+c.scope+" ")
					if got && !want[c.name][at] && broken[at.line] {
						continue
					}
					if got != want[c.name][at] {
						t.Errorf("%v: the grammar reads %sa %s, the parser %sa %s (scopes %q)",
							at, not(!got), c.name, not(!want[c.name][at]), c.name, s)
					}
				}
				for at := range want[c.name] {
					if _, ok := scopes[at]; !ok {
						t.Errorf("%s: the parser reads a %s where the snapshot has no character", at, c.name)
					}
				}
			}
		})
	}
}

// not is "not " when b is true.
func not(b bool) string {
	if b {
		return "not "
	}
	return ""
}

// place is where a character is: its line, 1-based, and its column,
// 0-based in UTF-16 units from the start of the line (a BOM included), as
// the snapshots count them.
type place struct{ line, col int }

func (p place) String() string { return fmt.Sprintf("%d:%d", p.line, p.col+1) }

// readSnapshot reads a vscode-tmgrammar-snap snapshot: each source line
// (">text") is followed by lines ("#  ^^^ scope scope") giving the scopes
// of its tokens. It returns the scopes of each character.
func readSnapshot(t *testing.T, snap string) map[place]string {
	t.Helper()
	scopes := map[place]string{}
	line := 0
	for l := range strings.Lines(snap) {
		l = strings.TrimSuffix(l, "\n")
		switch {
		case strings.HasPrefix(l, ">"):
			line++
		case strings.HasPrefix(l, "#"):
			u := utf16.Encode([]rune(l))
			start := -1
			for i, c := range u {
				if c == '^' {
					start = i
					break
				}
			}
			end := start
			for end < len(u) && u[end] == '^' {
				end++
			}
			if start < 0 || end == len(u) {
				t.Fatalf("snapshot line %q has no tokens", l)
			}
			s := strings.TrimSpace(string(utf16.Decode(u[end:])))
			for col := start - 1; col < end-1; col++ {
				scopes[place{line, col}] = s
			}
		case l != "":
			t.Fatalf("unexpected snapshot line %q", l)
		}
	}
	return scopes
}

// lineStart returns the offset of the start of the line holding offset.
func lineStart(src []byte, offset int) int {
	for offset > 0 && src[offset-1] != '\n' {
		offset--
	}
	return offset
}

func utf16Len(s string) int { return len(utf16.Encode([]rune(s))) }
