package lsp

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iekit/iekit/lint"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// TestConfigReload checks that a document's .ie.yaml applies, and that
// changing it lints the open documents again.
func TestConfigReload(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, lint.ConfigName)
	if err := os.WriteFile(cfg, []byte("rules:\n    yes-no: warning\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	c := newClient(t)
	c.initialize()
	doc := string(uri.File(filepath.Join(dir, "job.manifest")))
	p := c.open(doc, broken)
	if len(p.Diagnostics) != 1 || p.Diagnostics[0].Severity != protocol.DiagnosticSeverityWarning {
		t.Fatalf("with yes-no: warning: %+v", p.Diagnostics)
	}
	if err := os.WriteFile(cfg, []byte("rules:\n    yes-no: off\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	c.notify(protocol.MethodWorkspaceDidChangeWatchedFiles, &protocol.DidChangeWatchedFilesParams{Changes: []*protocol.FileEvent{
		{URI: uri.File(cfg), Type: protocol.FileChangeTypeChanged},
	}})
	if p := c.diagnostics(); len(p.Diagnostics) != 0 {
		t.Fatalf("after yes-no: off: %+v", p.Diagnostics)
	}
}

// TestHoverOnValue checks that hovering a value a rule reports says what
// is wrong with it.
func TestHoverOnValue(t *testing.T) {
	c := newClient(t)
	c.initialize()
	c.open("file:///tmp/v.manifest", strings.Replace(broken, "photos-2026-archive", "Photos_2026", 1))
	var h protocol.Hover
	if err := c.call(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: "file:///tmp/v.manifest"}, Position: protocol.Position{Line: 1, Character: 10},
	}}, &h); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(h.Contents.Value, "[bucket-name]") || !strings.Contains(h.Contents.Value, `"Photos_2026"`) {
		t.Fatalf("hover on the bucket name: %q", h.Contents.Value)
	}
}

// TestParity checks, for every corpus manifest, that the diagnostics the
// server publishes are those of ie lint -format json for the same file:
// same rules, messages, severities and places, converted to UTF-16. The
// file is compared as the editor sends it: JSON carries Unicode text, so
// bytes that are not UTF-8 arrive as U+FFFD.
func TestParity(t *testing.T) {
	paths, _ := filepath.Glob("../testdata/corpus/*.manifest")
	if len(paths) == 0 {
		t.Fatal("no corpus")
	}
	c := newClient(t)
	c.initialize()
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var sent string
		encoded, _ := json.Marshal(string(src))
		if err := json.Unmarshal(encoded, &sent); err != nil {
			t.Fatal(err)
		}
		abs, _ := filepath.Abs(path)
		got := c.open(string(uri.File(abs)), sent)
		checkParity(t, path, abs, sent, got)
	}
}

// checkParity checks that got, the diagnostics published for text, the
// file at abs (named path in failures), are those of ie lint -format
// json for the same text.
func checkParity(t *testing.T, path, abs, text string, got protocol.PublishDiagnosticsParams) {
	t.Helper()
	want := lint.Check(abs, []byte(text), nil)
	var report struct {
		Diagnostics []struct {
			Rule, Severity, Message string
			Start, End              struct{ Line, Col, Offset int }
		}
	}
	var buf strings.Builder
	if err := lint.WriteJSON(&buf, []*lint.Result{want}); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(buf.String()), &report); err != nil {
		t.Fatal(err)
	}
	m := newMapper(text)
	if len(got.Diagnostics) != len(report.Diagnostics) {
		t.Errorf("%s: %d diagnostics published, ie lint reports %d", path, len(got.Diagnostics), len(report.Diagnostics))
		return
	}
	for i, w := range report.Diagnostics {
		g := got.Diagnostics[i]
		wantRange := m.rng(w.Start.Offset, w.End.Offset)
		if g.Code != w.Rule || g.Message != w.Message || severityName(g.Severity) != w.Severity || g.Range != wantRange {
			t.Errorf("%s: diagnostic %d: published %v %q %v %+v, ie lint %s %q %s %+v",
				path, i, g.Code, g.Message, g.Severity, g.Range, w.Rule, w.Message, w.Severity, wantRange)
		}
	}
}

func severityName(s protocol.DiagnosticSeverity) string {
	switch s {
	case protocol.DiagnosticSeverityError:
		return "error"
	case protocol.DiagnosticSeverityWarning:
		return "warning"
	}
	return "info"
}
