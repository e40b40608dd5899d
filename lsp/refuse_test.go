package lsp

import (
	"fmt"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

// TestRefuseRedacts formats a manifest whose syntax error quotes a
// secret: the message saying why it is not formatted masks it.
func TestRefuseRedacts(t *testing.T) {
	c := newClient(t)
	c.initialize()
	c.open("file:///tmp/secret.manifest", "trueCryptPassword: hunter2hunter2\nhunter2hunter2\n")
	var edits []protocol.TextEdit
	if err := c.call(protocol.MethodTextDocumentFormatting, &protocol.DocumentFormattingParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: "file:///tmp/secret.manifest"},
	}, &edits); err != nil || len(edits) != 0 {
		t.Fatalf("edits %+v, err %v", edits, err)
	}
	msg := string(c.next(protocol.MethodWindowShowMessage))
	if !strings.Contains(msg, "not formatted") || strings.Contains(msg, "hunter2") {
		t.Fatalf("message %s", msg)
	}
}

// TestRefuseRedactsExcerpt formats manifests whose syntax errors quote
// part of a secret or a secret on a line the parser could not place: the
// message masks each.
func TestRefuseRedactsExcerpt(t *testing.T) {
	c := newClient(t)
	c.initialize()
	for i, text := range []string{
		"pinCode: \"80\"4291\ndeviceId: 4291\n",
		"trueCryptPasword: 'se'cret77\n",
		"manifestVersion: 2.0\npinCode 4291\n",
	} {
		uri := fmt.Sprintf("file:///tmp/excerpt%d.manifest", i)
		c.open(uri, text)
		var edits []protocol.TextEdit
		if err := c.call(protocol.MethodTextDocumentFormatting, &protocol.DocumentFormattingParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: protocol.DocumentURI(uri)},
		}, &edits); err != nil || len(edits) != 0 {
			t.Fatalf("%q: edits %+v, err %v", text, edits, err)
		}
		msg := string(c.next(protocol.MethodWindowShowMessage))
		if !strings.Contains(msg, "not formatted") || strings.Contains(msg, "4291") || strings.Contains(msg, "cret77") {
			t.Errorf("%q: message %s", text, msg)
		}
	}
}
