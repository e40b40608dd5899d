package lsp

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

// outline is a manifest with nested blocks, an operations list, comment
// runs, secrets, and an é, one UTF-16 unit but two bytes, on line 13.
const outline = `# A test export job,
# with customs.
manifestVersion: 2.0
generator: iekit
pinCode: 7364
trueCryptPassword: hunter2hunter2
operations:
  - exportBucket: photos
    prefix: 2009/
  - exportBucket: scans
returnAddress:
    # where the device goes back:
    # the sender's office
    name: Renée Dupont
    street1: 12 rue de la Paix
    city: Paris
    country: France
`

func rng(l1, c1, l2, c2 uint32) protocol.Range {
	return protocol.Range{Start: protocol.Position{Line: l1, Character: c1}, End: protocol.Position{Line: l2, Character: c2}}
}

// symbols opens text and returns its document symbols, and the raw JSON
// of the answer.
func symbols(t *testing.T, text string) ([]protocol.DocumentSymbol, string) {
	t.Helper()
	c := newClient(t)
	c.initialize()
	c.open("file:///tmp/s.manifest", text)
	var raw json.RawMessage
	if err := c.call(protocol.MethodTextDocumentDocumentSymbol, &protocol.DocumentSymbolParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: "file:///tmp/s.manifest"},
	}, &raw); err != nil {
		t.Fatal(err)
	}
	var syms []protocol.DocumentSymbol
	if err := json.Unmarshal(raw, &syms); err != nil {
		t.Fatal(err)
	}
	return syms, string(raw)
}

// tree renders symbols one a line, indented by depth, as
// "name kind detail".
func tree(b *strings.Builder, syms []protocol.DocumentSymbol, depth int) {
	for _, s := range syms {
		fmt.Fprintf(b, "%s%s %s %s\n", strings.Repeat("  ", depth), s.Name, s.Kind, s.Detail)
		tree(b, s.Children, depth+1)
	}
}

func TestDocumentSymbol(t *testing.T) {
	syms, _ := symbols(t, outline)
	var b strings.Builder
	tree(&b, syms, 0)
	want := `manifestVersion Property 2.0
generator Property iekit
pinCode Property [redacted]
trueCryptPassword Property [redacted]
operations Array 
  [0] Object exportBucket: photos
    exportBucket Property photos
    prefix Property 2009/
  [1] Object exportBucket: scans
    exportBucket Property scans
returnAddress Object 
  name Property Renée Dupont
  street1 Property 12 rue de la Paix
  city Property Paris
  country Property France
`
	if b.String() != want {
		t.Fatalf("symbols:\n%s\nwant:\n%s", b.String(), want)
	}
	ops, ret := syms[4], syms[5]
	for _, c := range []struct {
		what       string
		got        protocol.DocumentSymbol
		rng, selct protocol.Range
	}{
		{"operations", ops, rng(6, 0, 9, 23), rng(6, 0, 6, 10)},
		{"[0]", ops.Children[0], rng(7, 2, 8, 17), rng(7, 2, 7, 3)},
		{"returnAddress", ret, rng(10, 0, 16, 19), rng(10, 0, 10, 13)},
		// "Renée Dupont" is 13 bytes but 12 UTF-16 units.
		{"name", ret.Children[0], rng(13, 4, 13, 22), rng(13, 4, 13, 8)},
	} {
		if c.got.Range != c.rng || c.got.SelectionRange != c.selct {
			t.Errorf("%s: range %v, selection %v; want %v, %v", c.what, c.got.Range, c.got.SelectionRange, c.rng, c.selct)
		}
	}
}

// TestDocumentSymbolSecrets checks that no secret reaches a symbol: the
// values of pinCode and trueCryptPassword, and a secret access key, even
// as the first entry of a list item.
func TestDocumentSymbolSecrets(t *testing.T) {
	const key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	text := "pinCode: 4821\ntrueCryptPassword: 'correct horse'\nnote: " + key + "\noperations:\n  - secretAccessKey: " + key + "\n    pin: 4821\n"
	syms, raw := symbols(t, text)
	for _, secret := range []string{"4821", "correct horse", key} {
		if strings.Contains(raw, secret) {
			t.Errorf("the secret %q is in the symbols: %s", secret, raw)
		}
	}
	if len(syms) != 4 || syms[0].Detail != "[redacted]" || syms[1].Detail != "[redacted]" ||
		syms[3].Children[0].Detail != "secretAccessKey: [redacted]" {
		t.Fatalf("symbols %+v", syms)
	}
}
