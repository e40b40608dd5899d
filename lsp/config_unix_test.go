//go:build unix

package lsp

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/iekit/iekit/lint"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// TestConfigNotRegular puts a .ie.yaml that is a FIFO, a link to
// /dev/zero, or too large beside a document: the server neither blocks
// nor fills its memory, says why on the screen, and lints with the
// defaults.
func TestConfigNotRegular(t *testing.T) {
	for name, create := range map[string]func(path string) error{
		"fifo":      func(path string) error { return syscall.Mkfifo(path, 0o600) },
		"/dev/zero": func(path string) error { return os.Symlink("/dev/zero", path) },
		"too large": func(path string) error {
			return os.WriteFile(path, []byte("rules:\n    yes-no: off\n"+strings.Repeat("#\n", maxConfig/2)), 0o600)
		},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			cfg := filepath.Join(dir, lint.ConfigName)
			if err := create(cfg); err != nil {
				t.Skipf("cannot make the %s: %v", name, err)
			}
			c := newClient(t)
			c.initialize()
			c.notify(protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
				URI: uri.File(filepath.Join(dir, "job.manifest")), LanguageID: "manifest", Version: 1, Text: broken,
			}})
			var m protocol.ShowMessageParams
			if err := json.Unmarshal(c.next(protocol.MethodWindowShowMessage), &m); err != nil {
				t.Fatal(err)
			}
			want := ", not a regular file"
			if name == "too large" {
				want = "larger than 1MiB, more than any configuration needs"
			}
			if m.Type != protocol.MessageTypeWarning || !strings.Contains(m.Message, cfg+": ") || !strings.Contains(m.Message, want) || !strings.Contains(m.Message, "the default configuration applies") {
				t.Fatalf("message %+v, want %q", m, want)
			}
			if p := c.diagnostics(); len(p.Diagnostics) != 1 || p.Diagnostics[0].Severity != protocol.DiagnosticSeverityError {
				t.Fatalf("diagnostics with the defaults: %+v", p.Diagnostics)
			}
		})
	}
}
