package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// unwritableDir makes dir refuse new files: read-only for a normal user;
// for root, whom permissions do not stop, immutable (chattr +i).
func unwritableDir(t *testing.T, dir string) {
	t.Helper()
	if os.Geteuid() != 0 {
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		return
	}
	if out, err := exec.Command("chattr", "+i", dir).CombinedOutput(); err != nil {
		t.Fatalf("chattr +i: %v: %s", err, out)
	}
	t.Cleanup(func() { exec.Command("chattr", "-i", dir).Run() })
}

// TestWriteFileUnwritableDir checks that a failed write leaves the
// original as it was, with no temporary file behind, and that iefmt says
// so clearly.
func TestWriteFileUnwritableDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ro")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "job.manifest")
	orig := []byte("a:1\n")
	if err := os.WriteFile(path, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	unwritableDir(t, dir)

	if err := WriteFile(path, orig, []byte("a: 1\n")); err == nil {
		t.Fatal("WriteFile succeeded in an unwritable directory")
	}
	var stdout, stderr bytes.Buffer
	code := FmtMain([]string{"-w", path}, nil, &stdout, &stderr)
	if code != ExitUsage || !strings.Contains(stderr.String(), "permission denied") && !strings.Contains(stderr.String(), "operation not permitted") {
		t.Fatalf("iefmt -w: exit %d, stderr %q", code, stderr.String())
	}
	got, _ := os.ReadFile(path)
	entries, _ := os.ReadDir(dir)
	if !bytes.Equal(got, orig) || len(entries) != 1 {
		t.Fatalf("the directory changed: %q, %d entries", got, len(entries))
	}
}

// TestWriteFileKeepsMode checks the permission bits survive a rewrite.
func TestWriteFileKeepsMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "job.manifest")
	if err := os.WriteFile(path, []byte("old\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("old\n"), []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	got, _ := os.ReadFile(path)
	if err != nil || info.Mode().Perm() != 0o640 || string(got) != "new\n" {
		t.Fatalf("mode %v, content %q, err %v", info.Mode(), got, err)
	}
}
