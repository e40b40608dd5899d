package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iekit/iekit/internal/pty"
)

// TestLintOnTerminal runs ie lint with its output on a pseudo-terminal:
// there, without flags, it shows source lines and colours them; NO_COLOR
// keeps the lines and drops the colour.
func TestLintOnTerminal(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a.manifest")
	if err := os.WriteFile(file, []byte("manifestVersion: 2.0\neraseDevice: True\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	run := func() string {
		master, tty, err := pty.Open()
		if err != nil {
			t.Skipf("no pseudo-terminal: %v", err)
		}
		defer master.Close()
		var stderr bytes.Buffer
		code := Main([]string{"lint", file}, strings.NewReader(""), tty, &stderr)
		tty.Close()
		out, _ := io.ReadAll(master) // ends with EIO once the terminal side is closed
		if code != ExitFindings {
			t.Fatalf("exit %d, stderr %s", code, stderr.Bytes())
		}
		return string(out)
	}
	for _, v := range []string{"NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE", "TERM"} {
		t.Setenv(v, "")
	}
	out := run()
	if !strings.Contains(out, "eraseDevice: True") || !strings.Contains(out, "\x1b[") {
		t.Errorf("on a terminal, want the source line, coloured; got %q", out)
	}
	t.Setenv("NO_COLOR", "1")
	out = run()
	if !strings.Contains(out, "eraseDevice: True") || strings.Contains(out, "\x1b[") {
		t.Errorf("on a terminal with NO_COLOR, want the source line without colour; got %q", out)
	}
}
