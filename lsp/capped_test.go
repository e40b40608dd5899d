package lsp

import (
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

// TestDiagnosticsCapped checks that the server publishes at most a
// hundred findings of a rule in a document, then one saying how many more
// there are, as every report does.
func TestDiagnosticsCapped(t *testing.T) {
	c := newClient(t)
	c.initialize()
	p := c.open("file:///tmp/mail.manifest", "manifestVersion: 2.0\nbucket: b\nnotificationEmail: ops@example.com"+strings.Repeat(";x", 300)+"\n")
	var email []string
	for _, d := range p.Diagnostics {
		if d.Code == "email" {
			email = append(email, d.Message)
		}
	}
	if len(email) != 101 || email[100] != "... and 200 more findings of this rule in this file: only the first 100 are reported" {
		t.Fatalf("%d email diagnostics, the last %q", len(email), email[len(email)-1])
	}
}

// TestDiagnosticsCROnly checks that a document with CR line endings only
// gets the one finding that says so, not those of a file read as one line.
func TestDiagnosticsCROnly(t *testing.T) {
	c := newClient(t)
	c.initialize()
	p := c.open("file:///tmp/mac.manifest", "# a job\rmanifestVersion: 2.0\rbucket: b\r")
	if len(p.Diagnostics) != 1 || p.Diagnostics[0].Code != "syntax" || !strings.Contains(p.Diagnostics[0].Message, "CR only") {
		t.Fatalf("diagnostics %+v", p.Diagnostics)
	}
	// The client ends lines at a lone CR: the finding is the first one.
	if r := p.Diagnostics[0].Range; r != (protocol.Range{Start: protocol.Position{Line: 0, Character: 7}, End: protocol.Position{Line: 1}}) {
		t.Errorf("range %+v, want the first line ending", r)
	}
}
