package lsp

import (
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

// TestHoverValues checks hover on values the tables know: a country, the
// state of a US address, a region with a facility; and nothing on a
// value they do not know.
func TestHoverValues(t *testing.T) {
	c := newClient(t)
	c.initialize()
	const uri = "file:///tmp/hv.manifest"
	c.open(uri, "returnAddress:\n    stateOrProvince: wa\n    country: DEU\ndeviceId: WD-1234\noperations:\n  - region: eu-west-1\n")
	hover := func(line, char uint32) *protocol.Hover {
		t.Helper()
		var h *protocol.Hover
		if err := c.call(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: uri}, Position: protocol.Position{Line: line, Character: char},
		}}, &h); err != nil {
			t.Fatal(err)
		}
		return h
	}
	for _, c := range []struct {
		line, char uint32
		want       string
		start, end uint32 // the value's columns
	}{
		{2, 14, "**Germany**: ISO 3166 code DE, DEU", 13, 16},
		{5, 14, "data-loading facility in Ireland", 12, 21},
	} {
		h := hover(c.line, c.char)
		if h == nil || !strings.Contains(h.Contents.Value, c.want) || h.Range == nil || h.Range.Start.Character != c.start || h.Range.End.Character != c.end {
			t.Errorf("hover at %d:%d: %+v, want %q over %d-%d", c.line, c.char, h, c.want, c.start, c.end)
		}
	}
	// The state is named only for a US address.
	if h := hover(1, 22); h != nil && strings.Contains(h.Contents.Value, "Washington") {
		t.Errorf("a German address's state named: %q", h.Contents.Value)
	}
	c.open(uri+"2", "returnAddress:\n    stateOrProvince: wa\n    country: USA\n")
	var h *protocol.Hover
	if err := c.call(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: uri + "2"}, Position: protocol.Position{Line: 1, Character: 22},
	}}, &h); err != nil {
		t.Fatal(err)
	}
	if h == nil || !strings.Contains(h.Contents.Value, "**Washington**: USPS code WA") {
		t.Errorf("hover on a US state: %+v", h)
	}
	if h := hover(3, 12); h != nil {
		t.Errorf("hover on a deviceId value: %q", h.Contents.Value)
	}
}
