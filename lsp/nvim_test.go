package lsp

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// nvimLine is one line of the output of testdata/nvim/e2e.lua.
type nvimLine struct {
	Kind      string   `json:"kind"` // diagnostic, hover, completion, formatted
	Line      int      `json:"line"` // diagnostic: 0-based line
	Col       int      `json:"col"`  // diagnostic: 0-based byte column
	Code      string   `json:"code"` // diagnostic: the rule
	Message   string   `json:"message"`
	Text      string   `json:"text"`   // hover
	Labels    []string `json:"labels"` // completion
	Lines     []string `json:"lines"`  // formatted
	Error     string   `json:"error"`  // the request failed
	ErrorCode int      `json:"error_code"`
}

func (l nvimLine) step() (string, string) {
	if l.Error == "" {
		return l.Kind, ""
	}
	return l.Kind, fmt.Sprintf("%s (code %d)", l.Error, l.ErrorCode)
}

// TestNeovim drives "ie lsp" from a real editor: Neovim's built-in
// client, headless, configured by the README's Neovim 0.7 snippet
// verbatim, running testdata/nvim/e2e.lua on a copy of
// testdata/nvim/broken.manifest. It needs nvim on PATH; .ci/run installs
// it, and under CI its absence is a failure.
func TestNeovim(t *testing.T) {
	nvim := needTool(t, "nvim", "apt-get install neovim")
	bin := buildIE(t)
	dir := t.TempDir()
	initPath := filepath.Join(dir, "init.lua")
	if err := os.WriteFile(initPath, []byte(readmeSnippet(t, "nvim-0.7")), 0o666); err != nil {
		t.Fatal(err)
	}
	file := copyManifest(t, "../testdata/nvim/broken.manifest", dir)

	outPath := filepath.Join(dir, "out.jsonl")
	lines, log, runErr := runEditor[nvimLine](t, 60*time.Second, "..",
		append(pathWith(bin), "IE_NVIM_FILE="+file, "IE_NVIM_OUT="+outPath, "XDG_STATE_HOME="+dir, "XDG_CACHE_HOME="+dir),
		outPath, nvim, "--headless", "--noplugin", "-u", initPath, "-i", "NONE", "-c", "luafile testdata/nvim/e2e.lua")
	diags, got := sortSteps(t, "nvim", lines)
	if runErr != nil {
		t.Errorf("nvim exited with %v\n%s", runErr, log)
	}

	// Diagnostics: Neovim's columns are 0-based bytes.
	want := []nvimLine{
		{Line: 1, Col: 8, Code: "bucket-name"},
		{Line: 4, Col: 13, Code: "yes-no"},
		{Line: 5, Col: 0, Code: "unknown-key"},
	}
	if len(diags) != len(want) {
		t.Errorf("got %d diagnostics, want %d: %+v", len(diags), len(want), diags)
	}
	for i := 0; i < len(diags) && i < len(want); i++ {
		d, w := diags[i], want[i]
		if d.Line != w.Line || d.Col != w.Col || d.Code != w.Code || d.Message == "" {
			t.Errorf("diagnostic %d: %d:%d %s %q, want %d:%d %s", i, d.Line, d.Col, d.Code, d.Message, w.Line, w.Col, w.Code)
		}
	}
	if d := diags; len(d) > 1 && d[1].Message != `"True" is not yes or no; write "yes"` {
		t.Errorf("yes-no message %q", d[1].Message)
	}

	// Hover on the key eraseDevice.
	if h, ok := got["hover"]; !ok || !strings.Contains(h.Text, "eraseDevice") {
		t.Errorf("hover on eraseDevice: %q", h.Text)
	}

	// Completion on the empty top-level line offers top-level options.
	c, ok := got["completion"]
	if !ok || len(c.Labels) == 0 {
		t.Errorf("completion on an empty line: no items")
	}
	for _, key := range []string{"notificationEmail", "logPrefix"} {
		if !slices.Contains(c.Labels, key) {
			t.Errorf("completion on an empty line: %q missing from %q", key, c.Labels)
		}
	}

	// Formatting, applied by Neovim, gives the canonical text.
	canonical := brokenCanonical(t)
	f, ok := got["formatted"]
	if buf := strings.Join(f.Lines, "\n") + "\n"; !ok || buf != canonical {
		t.Errorf("buffer after formatting:\n%s\nwant:\n%s", buf, canonical)
	}
}
