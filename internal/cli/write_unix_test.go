//go:build unix

package cli

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// write creates a file with content and mode, and returns its path.
func write(t *testing.T, path, content string, mode os.FileMode) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil { // past the umask
		t.Fatal(err)
	}
	return path
}

// expect checks the content of a file.
func expect(t *testing.T, path, want string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil || string(got) != want {
		t.Fatalf("%s holds %q (%v), want %q", path, got, err, want)
	}
}

// onlyEntries checks that dir holds exactly the names given: no temporary
// or backup file was left.
func onlyEntries(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, " ") != strings.Join(names, " ") {
		t.Fatalf("%s holds %q, want %q", dir, got, names)
	}
}

func inode(t *testing.T, path string) uint64 {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return info.Sys().(*syscall.Stat_t).Ino
}

// TestWriteFileFollowsSymlinks checks that writing through a chain of
// links rewrites the final target and leaves the links as they were.
func TestWriteFileFollowsSymlinks(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "real"), 0o755)
	target := write(t, filepath.Join(dir, "real", "job.manifest"), "a:1\n", 0o644)
	if err := os.Symlink("real/job.manifest", filepath.Join(dir, "one.manifest")); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "two.manifest")
	if err := os.Symlink("one.manifest", link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(link, []byte("a:1\n"), []byte("a: 1\n")); err != nil {
		t.Fatal(err)
	}
	expect(t, target, "a: 1\n")
	for name, want := range map[string]string{"one.manifest": "real/job.manifest", "two.manifest": "one.manifest"} {
		if got, err := os.Readlink(filepath.Join(dir, name)); err != nil || got != want {
			t.Errorf("%s links to %q (%v), want %q", name, got, err, want)
		}
	}
	onlyEntries(t, dir, "one.manifest", "real", "two.manifest")
	onlyEntries(t, filepath.Join(dir, "real"), "job.manifest")

	loop := filepath.Join(dir, "loop.manifest")
	os.Symlink("loop.manifest", loop)
	if err := WriteFile(loop, nil, []byte("a: 1\n")); err == nil {
		t.Fatal("WriteFile wrote through a link loop")
	}
}

// TestWriteFileKeepsHardLinks checks that a file with several names is
// rewritten in place: every name sees the new content, the inode stays.
func TestWriteFileKeepsHardLinks(t *testing.T) {
	dir := t.TempDir()
	a := write(t, filepath.Join(dir, "a.manifest"), "a:1\n", 0o644)
	b := filepath.Join(dir, "b.manifest")
	if err := os.Link(a, b); err != nil {
		t.Fatal(err)
	}
	before := inode(t, a)
	if err := WriteFile(a, []byte("a:1\n"), []byte("a: 1\n")); err != nil {
		t.Fatal(err)
	}
	expect(t, b, "a: 1\n")
	if inode(t, a) != before || inode(t, b) != before {
		t.Fatal("the hard links were split")
	}
	onlyEntries(t, dir, "a.manifest", "b.manifest")
}

// TestWriteFileRenameRefused checks the fallback of a bind-mounted file,
// whose rename fails with EBUSY: the file is written in place.
func TestWriteFileRenameRefused(t *testing.T) {
	defer func(r func(string, string) error) { rename = r }(rename)
	rename = func(from, to string) error {
		return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.EBUSY}
	}
	dir := t.TempDir()
	path := write(t, filepath.Join(dir, "job.manifest"), "a:1\n", 0o644)
	before := inode(t, path)
	if err := WriteFile(path, []byte("a:1\n"), []byte("a: 1\n")); err != nil {
		t.Fatal(err)
	}
	expect(t, path, "a: 1\n")
	if inode(t, path) != before {
		t.Fatal("the inode changed")
	}
	onlyEntries(t, dir, "job.manifest")
}

// TestWriteFileBindMount does the same with a real bind mount, where the
// system allows making one.
func TestWriteFileBindMount(t *testing.T) {
	dir := t.TempDir()
	src := write(t, filepath.Join(dir, "src.manifest"), "a:1\n", 0o644)
	dst := write(t, filepath.Join(dir, "job.manifest"), "", 0o644)
	if err := unix.Mount(src, dst, "", unix.MS_BIND, ""); err != nil {
		t.Skipf("cannot bind-mount a file here (%v): TestWriteFileRenameRefused covers the fallback", err)
	}
	defer unix.Unmount(dst, 0)
	if err := WriteFile(dst, []byte("a:1\n"), []byte("a: 1\n")); err != nil {
		t.Fatal(err)
	}
	expect(t, src, "a: 1\n")
}

// TestWriteFileRefusesReadOnly checks that a file without a write bit is
// refused, even for root, as it is for anyone else.
func TestWriteFileRefusesReadOnly(t *testing.T) {
	path := write(t, filepath.Join(t.TempDir(), "job.manifest"), "a:1\n", 0o444)
	err := WriteFile(path, []byte("a:1\n"), []byte("a: 1\n"))
	if err == nil || !strings.Contains(err.Error(), "job.manifest: read-only file (mode -r--r--r--), so it was not written") &&
		!errors.Is(err, os.ErrPermission) {
		t.Fatalf("WriteFile of a read-only file: %v", err)
	}
	expect(t, path, "a:1\n")
}

// TestWriteFileKeepsModeBits checks setuid, setgid and sticky survive.
func TestWriteFileKeepsModeBits(t *testing.T) {
	path := write(t, filepath.Join(t.TempDir(), "job.manifest"), "a:1\n", 0o750|os.ModeSetuid|os.ModeSetgid|os.ModeSticky)
	if info, _ := os.Stat(path); info.Mode()&(os.ModeSetgid|os.ModeSticky) != os.ModeSetgid|os.ModeSticky {
		t.Skipf("the system does not keep setgid and sticky on a file here (%v)", info.Mode())
	}
	want, _ := os.Stat(path)
	if err := WriteFile(path, []byte("a:1\n"), []byte("a: 1\n")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.Stat(path)
	if got.Mode() != want.Mode() {
		t.Fatalf("mode %v, want %v", got.Mode(), want.Mode())
	}
	expect(t, path, "a: 1\n")
}

// TestWriteFileKeepsOwner checks that a file of another user keeps its
// owner and group; only root can make such a file.
func TestWriteFileKeepsOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root can give a file to another user")
	}
	path := write(t, filepath.Join(t.TempDir(), "job.manifest"), "a:1\n", 0o644)
	if err := os.Chown(path, 12345, 23456); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("a:1\n"), []byte("a: 1\n")); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(path)
	if s := st.Sys().(*syscall.Stat_t); s.Uid != 12345 || s.Gid != 23456 {
		t.Fatalf("owner %d:%d, want 12345:23456", s.Uid, s.Gid)
	}
	expect(t, path, "a: 1\n")
}

// TestWriteFileKeepsXattrs checks that extended attributes survive.
func TestWriteFileKeepsXattrs(t *testing.T) {
	path := write(t, filepath.Join(t.TempDir(), "job.manifest"), "a:1\n", 0o644)
	if err := unix.Setxattr(path, "user.iekit.test", []byte("kept"), 0); err != nil {
		t.Skipf("the file system here has no user extended attributes: %v", err)
	}
	if err := WriteFile(path, []byte("a:1\n"), []byte("a: 1\n")); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 64)
	n, err := unix.Getxattr(path, "user.iekit.test", buf)
	if err != nil || string(buf[:n]) != "kept" {
		t.Fatalf("user.iekit.test = %q, %v; want \"kept\"", buf[:n], err)
	}
	expect(t, path, "a: 1\n")
}

// TestWriteFileRefusesChangedFile checks that an edit made between the
// read and the write is never overwritten: an edit in place, a file
// replaced by a rename (as editors save), for a plain file and for a
// hard-linked one (written in place).
func TestWriteFileRefusesChangedFile(t *testing.T) {
	for _, c := range []struct {
		name   string
		linked bool
		change func(path string) error
	}{
		{"edited", false, func(p string) error { return os.WriteFile(p, []byte("a:2\n"), 0o644) }},
		{"same size", true, func(p string) error { return os.WriteFile(p, []byte("a:2\n"), 0o644) }},
		{"grown", true, func(p string) error { return os.WriteFile(p, []byte("a:12\n"), 0o644) }},
		{"replaced", false, func(p string) error {
			os.WriteFile(p+".new", []byte("a:2\n"), 0o644)
			return os.Rename(p+".new", p)
		}},
		{"replaced linked", true, func(p string) error {
			os.WriteFile(p+".new", []byte("a:3\n"), 0o644)
			return os.Rename(p+".new", p)
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := write(t, filepath.Join(dir, "job.manifest"), "a:1\n", 0o644)
			names := []string{"job.manifest"}
			if c.linked {
				os.Link(path, filepath.Join(dir, "link.manifest"))
				names = append(names, "link.manifest")
			}
			if err := c.change(path); err != nil {
				t.Fatal(err)
			}
			want, _ := os.ReadFile(path)
			err := WriteFile(path, []byte("a:1\n"), []byte("a: 1\n"))
			if err == nil || err.Error() != path+": changed since it was read, so it was not overwritten; run again" {
				t.Fatalf("WriteFile: %v", err)
			}
			expect(t, path, string(want))
			onlyEntries(t, dir, names...)
		})
	}
}

// TestWriteFileUnwritable checks that a file the system will not open
// for writing (immutable, even for root) is refused and left alone.
func TestWriteFileUnwritable(t *testing.T) {
	dir := t.TempDir()
	path := write(t, filepath.Join(dir, "job.manifest"), "a:1\n", 0o644)
	if _, err := exec.LookPath("chattr"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("chattr (e2fsprogs) is missing")
		}
		t.Skip("needs chattr (e2fsprogs) to make a file immutable")
	}
	if out, err := exec.Command("chattr", "+i", path).CombinedOutput(); err != nil {
		t.Skipf("cannot make a file immutable here: %v: %s", err, bytes.TrimSpace(out))
	}
	defer exec.Command("chattr", "-i", path).Run()
	if err := WriteFile(path, []byte("a:1\n"), []byte("a: 1\n")); !errors.Is(err, os.ErrPermission) {
		t.Fatalf("WriteFile of an immutable file: %v", err)
	}
	expect(t, path, "a:1\n")
	onlyEntries(t, dir, "job.manifest")
}

// TestWriteFileStaleBackup checks that a file with a backup beside it,
// left by a write that was killed, is not written again.
func TestWriteFileStaleBackup(t *testing.T) {
	dir := t.TempDir()
	path := write(t, filepath.Join(dir, "job.manifest"), "a:1\nb", 0o644)
	backup := write(t, filepath.Join(dir, ".job.manifest.ie-backup"), "a:1\nbucket: b\n", 0o600)
	write(t, filepath.Join(dir, ".other.manifest.ie-backup"), "", 0o600)
	err := WriteFile(path, []byte("a:1\nb"), []byte("a: 1\nb\n"))
	if err == nil || err.Error() != path+": "+backup+" holds its content from before an interrupted write; compare the two, remove the backup, and run again" {
		t.Fatalf("WriteFile beside a backup: %v", err)
	}
	expect(t, path, "a:1\nb")
	os.Remove(backup)
	if err := WriteFile(path, []byte("a:1\nb"), []byte("a: 1\nb\n")); err != nil {
		t.Fatal(err)
	}
}
