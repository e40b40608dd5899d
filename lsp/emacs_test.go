package lsp

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// emacsLine is one line of the output of testdata/emacs/e2e.el.
type emacsLine struct {
	Kind    string   `json:"kind"` // diagnostic, completion, formatted
	Line    int      `json:"line"` // diagnostic: 0-based line
	Col     int      `json:"col"`  // diagnostic: 0-based column
	Type    string   `json:"type"` // diagnostic: Flymake's type, e.g. eglot-error
	Message string   `json:"message"`
	Labels  []string `json:"labels"` // completion candidates
	Text    string   `json:"text"`   // formatted buffer
	Error   string   `json:"error"`  // the step failed
}

func (l emacsLine) step() (string, string) { return l.Kind, l.Error }

// TestEmacs drives "ie lsp" from Emacs and eglot, in batch mode,
// configured by the README's Emacs snippet verbatim, running
// testdata/emacs/e2e.el on a copy of testdata/nvim/broken.manifest. It
// needs emacs with eglot (Emacs 29, or Emacs 28 and Debian's
// elpa-eglot); .ci/run installs them, and under CI their absence is a
// failure.
func TestEmacs(t *testing.T) {
	emacs := needTool(t, "emacs", "apt-get install emacs-nox elpa-eglot")
	bin := buildIE(t)
	dir := t.TempDir()
	initPath := filepath.Join(dir, "init.el")
	if err := os.WriteFile(initPath, []byte(readmeSnippet(t, "emacs")), 0o666); err != nil {
		t.Fatal(err)
	}
	file := copyManifest(t, "../testdata/nvim/broken.manifest", dir)
	script, err := filepath.Abs("../testdata/emacs/e2e.el")
	if err != nil {
		t.Fatal(err)
	}
	outPath := filepath.Join(dir, "out.jsonl")
	lines, log, runErr := runEditor[emacsLine](t, 90*time.Second, dir,
		append(pathWith(bin), "IE_EMACS_FILE="+file, "IE_EMACS_OUT="+outPath, "HOME="+dir),
		outPath, emacs, "--batch", "-l", initPath, "-l", script)
	diags, got := sortSteps(t, "emacs", lines)
	if runErr != nil {
		t.Errorf("emacs exited with %v\n%s", runErr, log)
	}

	// Diagnostics as Flymake shows them: eglot puts the source and the
	// code in front of the message.
	want := []emacsLine{
		{Line: 1, Col: 8, Type: "eglot-warning", Message: "ie [bucket-name]: "},
		{Line: 4, Col: 13, Type: "eglot-error", Message: `ie [yes-no]: "True" is not yes or no; write "yes"`},
		{Line: 5, Col: 0, Type: "eglot-warning", Message: `ie [unknown-key]: unknown key "satus"`},
	}
	if len(diags) != len(want) {
		t.Errorf("got %d diagnostics, want %d: %+v", len(diags), len(want), diags)
	}
	for i := 0; i < len(diags) && i < len(want); i++ {
		d, w := diags[i], want[i]
		if d.Line != w.Line || d.Col != w.Col || d.Type != w.Type || !strings.HasPrefix(d.Message, w.Message) {
			t.Errorf("diagnostic %d: %d:%d %s %q, want %d:%d %s %q...", i, d.Line, d.Col, d.Type, d.Message, w.Line, w.Col, w.Type, w.Message)
		}
	}

	// Completion on the empty top-level line offers top-level options
	// (eglot lists what each item would insert).
	c := got["completion"]
	for _, key := range []string{"notificationEmail", "logPrefix"} {
		if !slices.ContainsFunc(c.Labels, func(l string) bool { return strings.HasPrefix(l, key) }) {
			t.Errorf("completion on an empty line: %q missing from %q", key, c.Labels)
		}
	}

	// Formatting, applied by eglot, gives the canonical text.
	canonical := brokenCanonical(t)
	if f, ok := got["formatted"]; !ok || f.Text != canonical {
		t.Errorf("buffer after formatting:\n%s\nwant:\n%s", f.Text, canonical)
	}
}
