package parser

import (
	"testing"

	"github.com/alecthomas/participle/v2/lexer"
)

// FuzzParse feeds arbitrary bytes to the parser: it must never panic, the
// participle grammar must accept every line the lexer produces, and the
// tree must keep all the promises TestInvariants checks.
func FuzzParse(f *testing.F) {
	for _, c := range corpus(f) {
		f.Add(c.src)
	}
	for _, c := range edgeCases() {
		if len(c.src) < 4096 {
			f.Add([]byte(c.src))
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if _, err := parseLines("fuzz", string(src), func([]lexer.Token) {}); err != nil {
			t.Fatalf("participle returned an error: %v", err)
		}
		if err := invariants(src); err != nil {
			t.Fatal(err)
		}
	})
}
