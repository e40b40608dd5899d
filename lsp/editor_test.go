package lsp

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/iekit/iekit/format"
)

// What the end-to-end editor tests share: the tool they drive, ie built
// and on PATH, and the configuration snippet the README gives for the
// editor, taken verbatim.

// needTool returns the path of an editor the test drives. Under CI its
// absence is a failure (.ci/run installs it); elsewhere the test is
// skipped, saying how to install it.
func needTool(t *testing.T, name, install string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed, and CI is set: .ci/run installs it (%s)", name, install)
		}
		t.Skipf("%s is not installed: %s to run this end-to-end test", name, install)
	}
	return p
}

// buildIE builds ie into a new directory and returns that directory, to
// be put first on the editor's PATH as a user's installed ie would be.
func buildIE(t *testing.T) string {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("go is not on PATH to build ie: %v", err)
	}
	dir := t.TempDir()
	build := exec.Command(gobin, "build", "-o", filepath.Join(dir, "ie"), "./cmd/ie")
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/ie: %v\n%s", err, out)
	}
	return dir
}

// pathWith returns the environment with dir first on PATH.
func pathWith(dir string) []string {
	return append(os.Environ(), "PATH="+dir+string(os.PathListSeparator)+os.Getenv("PATH"))
}

// readmeSnippet returns the code block that follows the line
// "<!-- test: NAME -->" in the README, as a user would copy it.
func readmeSnippet(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	marker := "<!-- test: " + name + " -->\n```"
	_, rest, ok := strings.Cut(string(data), marker)
	if !ok {
		t.Fatalf("README.md has no %q", marker)
	}
	_, rest, _ = strings.Cut(rest, "\n") // the fence's language
	block, _, ok := strings.Cut(rest, "```")
	if !ok {
		t.Fatalf("README.md: the block after %q is not closed", marker)
	}
	return block
}

// copyManifest copies a manifest of testdata into dir, where the editor
// may change it, and returns the copy's path.
func copyManifest(t *testing.T, src, dir string) string {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, filepath.Base(src))
	if err := os.WriteFile(p, data, 0o666); err != nil {
		t.Fatal(err)
	}
	return p
}

// runEditor runs an editor on its end-to-end script (the program and
// args, in dir, with env) for at most timeout, and returns the JSON lines
// the script wrote to out, each decoded into a T, everything the editor
// printed, for messages, and its exit error (nil for status 0).
func runEditor[T any](t *testing.T, timeout time.Duration, dir string, env []string, out string, program string, args ...string) ([]T, []byte, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, program, args...)
	cmd.Dir, cmd.Env = dir, env
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	runErr := cmd.Run()
	name := filepath.Base(program)
	if ctx.Err() != nil {
		t.Fatalf("%s did not finish within %v\n%s", name, timeout, log.Bytes())
	}
	var exit *exec.ExitError
	if runErr != nil && !errors.As(runErr, &exit) {
		t.Fatalf("running %s: %v\n%s", name, runErr, log.Bytes())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("%s wrote no output (%v): %v\n%s", name, runErr, err, log.Bytes())
	}
	var lines []T
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var l T
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("%s output line %q: %v", name, sc.Text(), err)
		}
		lines = append(lines, l)
	}
	return lines, log.Bytes(), runErr
}

// editorStep is what every line an editor's script writes says: which
// step it reports (a diagnostic, hover, completion, formatted) and how
// the step failed, "" when it did not.
type editorStep interface {
	step() (kind, failure string)
}

// sortSteps splits the lines an editor's script wrote into its
// diagnostics, in order, and its other steps by kind, failing the test
// for each step that failed in the editor.
func sortSteps[L editorStep](t *testing.T, editor string, lines []L) (diags []L, steps map[string]L) {
	t.Helper()
	steps = map[string]L{}
	for _, l := range lines {
		kind, failure := l.step()
		switch {
		case failure != "":
			t.Errorf("%s failed in %s: %s", kind, editor, failure)
		case kind == "diagnostic":
			diags = append(diags, l)
		default:
			steps[kind] = l
		}
	}
	return diags, steps
}

// brokenCanonical returns the canonical text of the manifest the editor
// tests open, testdata/nvim/broken.manifest, which formatting in the
// editor must give; it fails the test if the manifest is canonical
// already, as formatting it would then prove nothing.
func brokenCanonical(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile("../testdata/nvim/broken.manifest")
	if err != nil {
		t.Fatal(err)
	}
	canonical, err := format.Source(src)
	if err != nil {
		t.Fatal(err)
	}
	if string(canonical) == string(src) {
		t.Fatal("testdata/nvim/broken.manifest is already formatted: formatting would prove nothing")
	}
	return string(canonical)
}
