package vscode

import (
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

// The tests below run the tools that `npm ci` installs in node_modules.
// Without node or node_modules they skip, saying how to install them;
// under CI (CI set, as .ci/run runs) that is a failure instead.

const (
	grammarFile = "syntaxes/ie-manifest.tmLanguage.json"
	scopeName   = "source.ie-manifest"
	// toolTimeout bounds every tool run: vscode-tmgrammar-test loops
	// forever on some malformed assertions.
	toolTimeout = 3 * time.Minute
)

// needTools skips or fails the test when node or the npm packages are
// missing.
func needTools(t *testing.T) {
	t.Helper()
	var missing string
	if _, err := exec.LookPath("node"); err != nil {
		missing = "node is not installed (Debian: apt-get install nodejs npm)"
	} else if _, err := os.Stat("node_modules/.bin/vscode-tmgrammar-test"); err != nil {
		missing = "the npm packages are not installed: run npm ci in editors/vscode"
	}
	if missing == "" {
		return
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s, and CI is set: .ci/run installs them", missing)
	}
	t.Skipf("%s", missing)
}

// run runs a command in the extension's folder and returns its combined
// output; the test fails when it does not exit 0.
func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	return runEnv(t, nil, name, args...)
}

// runEnv is run with env added to the environment.
func runEnv(t *testing.T, env []string, name string, args ...string) string {
	t.Helper()
	out, err := runErr(t, env, name, args...)
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return out
}

// runErr is runEnv without the verdict.
func runErr(t *testing.T, env []string, name string, args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), toolTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.WaitDelay = 5 * time.Second
	cmd.Env = append(append(os.Environ(), "NO_COLOR=1", "FORCE_COLOR=0"), env...)
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		err = errors.Join(err, ctx.Err())
	}
	return string(out), err
}

// TestGrammarAssertions runs the unit assertions of test/grammar with
// vscode-tmgrammar-test.
func TestGrammarAssertions(t *testing.T) {
	t.Parallel()
	needTools(t)
	files, _ := filepath.Glob("test/grammar/*.manifest")
	if len(files) == 0 {
		t.Fatal("no grammar tests in test/grammar")
	}
	out := run(t, "node_modules/.bin/vscode-tmgrammar-test", append([]string{"-g", grammarFile}, files...)...)
	if n := strings.Count(out, "run successfuly"); n != len(files) {
		t.Fatalf("%d of %d grammar test files passed:\n%s", n, len(files), out)
	}
}

// TestGrammarAssertionsCanFail checks that a wrong assertion fails the
// run, so that the test above proves something.
func TestGrammarAssertionsCanFail(t *testing.T) {
	t.Parallel()
	needTools(t)
	bad := filepath.Join(t.TempDir(), "bad.manifest")
	src := "# SYNTAX TEST \"" + scopeName + "\" \"a wrong assertion\"\nbucket: photos # not a comment\n#              ^ comment.line.number-sign.ie-manifest\n"
	if err := os.WriteFile(bad, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := runErr(t, nil, "node_modules/.bin/vscode-tmgrammar-test", "-g", grammarFile, bad)
	if err == nil {
		t.Fatalf("a wrong assertion passed:\n%s", out)
	}
	if !strings.Contains(out, "missing required scopes: comment.line.number-sign.ie-manifest") {
		t.Fatalf("the failure does not name the missing scope:\n%s", out)
	}
}

// TestEveryScopeIsAsserted checks that every scope the grammar gives has
// at least one assertion in test/grammar, so that no construct goes
// untested.
func TestEveryScopeIsAsserted(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile(grammarFile)
	if err != nil {
		t.Fatal(err)
	}
	var g any
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	scopes := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if s, ok := x.(string); ok && (k == "name" || k == "contentName") {
					for _, scope := range strings.Fields(s) {
						scopes[scope] = true
					}
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	// The grammar's own name is no scope.
	top := g.(map[string]any)
	walk(top["patterns"])
	walk(top["repository"])
	var tests strings.Builder
	files, _ := filepath.Glob("test/grammar/*.manifest")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.Lines(string(b)) {
			if strings.HasPrefix(line, "#") && (strings.Contains(line, "^") || strings.Contains(line, "<-")) {
				required, _, _ := strings.Cut(line, " - ")
				tests.WriteString(required)
			}
		}
	}
	for scope := range scopes {
		if !strings.Contains(tests.String(), " "+scope) {
			t.Errorf("no assertion in test/grammar requires the scope %s", scope)
		}
	}
}

// snapshotInputs are the files whose tokens are kept in testdata/snap:
// every example, and the corpus files that show the dialect's quirks and
// the broken lines the grammar must keep apart. (Invalid UTF-8 and NUL
// bytes are left out: the tools read text.)
func snapshotInputs(t *testing.T) map[string]string {
	t.Helper()
	in := map[string]string{}
	add := func(group, pattern string) {
		files, _ := filepath.Glob(pattern)
		if len(files) == 0 {
			t.Fatalf("nothing matches %s", pattern)
		}
		for _, f := range files {
			in[group+"/"+filepath.Base(f)] = f
		}
	}
	add("examples", "../../examples/*.manifest")
	add("corpus", "../../testdata/corpus/quirk-*.manifest")
	for _, name := range []string{
		"broken-bad-dedent", "broken-document-marker", "broken-invalid-escape", "broken-key-with-space",
		"broken-line-starts-with-colon", "broken-many-errors", "broken-no-colon", "broken-tab-indent",
		"broken-text-after-quote", "broken-unterminated-quote", "broken-value-and-block",
		"s3-export-substitutions", "s3-import-comments", "glacier-import-dash-alone", "ebs-import-compact-operations",
	} {
		add("corpus", "../../testdata/corpus/"+name+".manifest")
	}
	return in
}

// TestSnapshots compares the tokens of the snapshot inputs with
// testdata/snap, using vscode-tmgrammar-snap. IE_UPDATE=1 rewrites them.
func TestSnapshots(t *testing.T) {
	t.Parallel()
	needTools(t)
	update := os.Getenv("IE_UPDATE") != ""
	inputs := snapshotInputs(t)
	work := t.TempDir()
	for name, src := range inputs {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(work, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if update {
			continue
		}
		snap, err := os.ReadFile(filepath.Join("testdata/snap", filepath.FromSlash(name)+".snap"))
		if err != nil {
			t.Fatalf("no snapshot of %s: run IE_UPDATE=1 go test ./editors/vscode and review the new file", src)
		}
		if err := os.WriteFile(dst+".snap", snap, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	committed, _ := filepath.Glob("testdata/snap/*/*.snap")
	for _, f := range committed {
		rel := filepath.ToSlash(strings.TrimSuffix(strings.TrimPrefix(f, filepath.Clean("testdata/snap")+string(filepath.Separator)), ".snap"))
		if _, ok := inputs[rel]; !ok {
			if update {
				os.Remove(f)
				continue
			}
			t.Errorf("%s is the snapshot of no input: remove it", f)
		}
	}
	args := []string{"-g", grammarFile, "-s", scopeName, filepath.Join(work, "*", "*.manifest")}
	if update {
		args = append(args, "-u")
	}
	out := run(t, "node_modules/.bin/vscode-tmgrammar-snap", args...)
	if !update {
		return
	}
	for name := range inputs {
		b, err := os.ReadFile(filepath.Join(work, filepath.FromSlash(name)+".snap"))
		if err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		dst := filepath.Join("testdata/snap", filepath.FromSlash(name)+".snap")
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestTypecheck checks the extension's JavaScript, and its calls of the
// VS Code API and the language client, with TypeScript (checkJs, strict),
// against the types of the oldest VS Code it supports.
func TestTypecheck(t *testing.T) {
	t.Parallel()
	needTools(t)
	run(t, "node", "node_modules/typescript/bin/tsc", "-p", ".")
}

// TestUnit runs the node:test tests of the extension's logic, against
// the stub of the vscode module in test/unit/stub.
func TestUnit(t *testing.T) {
	t.Parallel()
	needTools(t)
	out := run(t, "node", "--require", "./test/unit/setup.js", "--test", "--test-reporter=tap", "test/unit/")
	if !strings.Contains(out, "\n# fail 0\n") || strings.Contains(out, "\n# pass 0\n") {
		t.Fatalf("the unit tests did not all pass:\n%s", out)
	}
}
