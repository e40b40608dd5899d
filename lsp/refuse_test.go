package lsp

import (
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
