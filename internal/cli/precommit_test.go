package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreCommit runs the hooks of .pre-commit-hooks.yaml as a user's
// repository would, with pre-commit itself ("pre-commit try-repo" builds
// them from this checkout, uncommitted changes included): ie-lint fails
// on a broken manifest and names its finding, then both hooks pass on a
// clean one and on the guide's MyImportManifest.txt name. It needs
// pre-commit and git (.ci/run installs pre-commit; under CI its absence
// is a failure).
func TestPreCommit(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the hooks; skipped with -short")
	}
	precommit, err := exec.LookPath("pre-commit")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pre-commit is not installed, and CI is set: .ci/run installs it (apt-get install pre-commit)")
		}
		t.Skip("pre-commit is not installed (apt-get install pre-commit): the hooks are not tried")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	env := append(os.Environ(), "PRE_COMMIT_HOME="+filepath.Join(dir, ".cache"), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
	repo := filepath.Join(dir, "repo")
	run := func(name string, args ...string) (string, error) {
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = repo, env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	good, err := os.ReadFile(filepath.Join(root, "examples", "s3-import.manifest"))
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{
		"jobs/good.manifest": string(good), "MyImportManifest.txt": string(good),
		"jobs/bad.manifest": "manifestVersion: 2.0\nbucket: photos\neraseDevice: True\n",
	} {
		p := filepath.Join(repo, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}, {"commit", "-qm", "manifests"}} {
		if out, err := run("git", args...); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}

	out, err := run(precommit, "try-repo", root, "ie-lint", "--all-files")
	if err == nil || !strings.Contains(out, `jobs/bad.manifest:3:14: error: "True" is not yes or no; write "yes" [yes-no]`) {
		t.Fatalf("ie-lint on a broken manifest: %v\n%s", err, out)
	}
	if out, err := run("git", "rm", "-q", "jobs/bad.manifest"); err != nil {
		t.Fatal(err, out)
	}
	for _, hook := range []string{"ie-lint", "iefmt"} {
		out, err := run(precommit, "try-repo", root, hook, "--all-files")
		if err != nil || !strings.Contains(out, "Passed") {
			t.Errorf("%s on clean manifests: %v\n%s", hook, err, out)
		}
	}
}
