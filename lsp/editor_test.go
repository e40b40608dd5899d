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
