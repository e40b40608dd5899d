//go:build unix

package cli

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The two contents the helper process alternates between: large, so that
// a write takes a while, and of different sizes, so that a mix of them is
// neither.
var (
	contentA = bytes.Repeat([]byte("bucket: aaaaaaaaaaaaaaaaaaaaaaaa\n"), 1<<16)
	contentB = bytes.Repeat([]byte("bucket: bbbbbbbbbbbbbbbb\n"), 3<<15)
)

// TestWriteHelperProcess is not a test: run by the tests below, in a
// process of its own, it rewrites the file IE_WRITE_HELPER names with
// contentA and contentB in turn until it is stopped, printing "ready"
// once it has begun.
func TestWriteHelperProcess(t *testing.T) {
	path := os.Getenv("IE_WRITE_HELPER")
	if path == "" {
		t.Skip("run by the kill tests only")
	}
	old, next := contentA, contentB
	fmt.Println("ready")
	for {
		if err := WriteFile(path, old, next); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		old, next = next, old
	}
}

// startHelper starts the helper process on path and waits until it is
// writing.
func startHelper(t *testing.T, path string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestWriteHelperProcess$")
	cmd.Env = append(os.Environ(), "IE_WRITE_HELPER="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if line, err := bufio.NewReader(out).ReadString('\n'); line != "ready\n" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("the helper said %q (%v); stderr: %s", line, err, stderr.Bytes())
	}
	return cmd
}

// whole returns which content a file holds: "A", "B", or "" for neither.
func whole(b []byte) string {
	switch {
	case bytes.Equal(b, contentA):
		return "A"
	case bytes.Equal(b, contentB):
		return "B"
	}
	return ""
}

// TestWriteFileKilled kills a process rewriting a large file with SIGKILL
// at random moments: the file is always the old content or the new one,
// whole. Written in place (a hard-linked file), a kill during the write
// can leave the file partial, but then the backup beside it holds the
// original whole.
func TestWriteFileKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("kills 42 processes")
	}
	for _, linked := range []bool{false, true} {
		t.Run(fmt.Sprintf("linked=%v", linked), func(t *testing.T) {
			partial, kills := 0, 12
			if linked {
				kills = 30 // a kill rarely lands inside the in-place write
			}
			for i := range kills {
				dir := t.TempDir()
				path := filepath.Join(dir, "job.manifest")
				if err := os.WriteFile(path, contentA, 0o644); err != nil {
					t.Fatal(err)
				}
				if linked {
					os.Link(path, filepath.Join(dir, "link.manifest"))
				}
				cmd := startHelper(t, path)
				time.Sleep(time.Duration(rand.IntN(60)) * time.Millisecond)
				cmd.Process.Signal(syscall.SIGKILL)
				cmd.Wait()

				got, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if whole(got) != "" {
					continue
				}
				if !linked {
					t.Fatalf("kill %d: the file holds %d bytes, neither content whole", i, len(got))
				}
				backups, _ := filepath.Glob(filepath.Join(dir, ".job.manifest.ie-backup"))
				if len(backups) != 1 {
					t.Fatalf("kill %d: the file is partial, and there are %d backups", i, len(backups))
				}
				if b, _ := os.ReadFile(backups[0]); whole(b) == "" {
					t.Fatalf("kill %d: the file is partial, and so is its backup", i)
				}
				err = WriteFile(path, got, contentA)
				if err == nil || !strings.Contains(err.Error(), backups[0]+" holds its content from before an interrupted write") {
					t.Fatalf("kill %d: writing the partial file again: %v", i, err)
				}
				partial++
			}
			t.Logf("%d of %d kills left the file partial, and its backup whole", partial, kills)
		})
	}
}

// TestWriteFileInterrupted stops a process rewriting a large file with
// SIGINT, SIGTERM or SIGHUP: it dies of the signal, the file holds one
// content whole, and no temporary or backup file is left.
func TestWriteFileInterrupted(t *testing.T) {
	for _, linked := range []bool{false, true} {
		for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
			t.Run(fmt.Sprintf("%v/linked=%v", sig, linked), func(t *testing.T) {
				if signal.Ignored(sig) {
					t.Skipf("%v is ignored here (nohup?), and so it would be by the helper", sig)
				}
				dir := t.TempDir()
				path := filepath.Join(dir, "job.manifest")
				if err := os.WriteFile(path, contentA, 0o644); err != nil {
					t.Fatal(err)
				}
				names := []string{"job.manifest"}
				if linked {
					os.Link(path, filepath.Join(dir, "link.manifest"))
					names = append(names, "link.manifest")
				}
				cmd := startHelper(t, path)
				time.Sleep(time.Duration(5+rand.IntN(40)) * time.Millisecond)
				cmd.Process.Signal(sig)
				timer := time.AfterFunc(time.Minute, func() { cmd.Process.Kill() })
				err := cmd.Wait()
				timer.Stop()
				status, ok := cmd.ProcessState.Sys().(syscall.WaitStatus)
				if !ok || !status.Signaled() || status.Signal() != sig {
					t.Fatalf("the helper ended with %v, not by %v", err, sig)
				}
				got, _ := os.ReadFile(path)
				if whole(got) == "" {
					t.Fatalf("the file holds %d bytes, neither content whole", len(got))
				}
				entries, _ := os.ReadDir(dir)
				var left []string
				for _, e := range entries {
					left = append(left, e.Name())
				}
				if strings.Join(left, " ") != strings.Join(names, " ") {
					t.Fatalf("the directory holds %q, want %q", left, names)
				}
			})
		}
	}
}

// TestWriteHelperOnce is not a test: run by TestWriteFileAsOtherUser in
// a process of another user, it rewrites the file IE_WRITE_ONCE names,
// from "a:1\n" to "a: 1\n", and prints the error if any.
func TestWriteHelperOnce(t *testing.T) {
	path := os.Getenv("IE_WRITE_ONCE")
	if path == "" {
		t.Skip("run by TestWriteFileAsOtherUser only")
	}
	if err := WriteFile(path, []byte("a:1\n"), []byte("a: 1\n")); err != nil {
		fmt.Println(err)
	}
}

// TestWriteFileAsOtherUser runs WriteFile as a user who is not the
// file's owner: a file the group may write is written in place, since a
// new file could not be given the owner (the owner and inode stay); a
// file the user may not write is refused by the system.
func TestWriteFileAsOtherUser(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root can run a process as another user")
	}
	const owner, writer, group = 12345, 23456, 34567
	dir, err := os.MkdirTemp("", "iekit-write-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	os.Chmod(dir, 0o777)
	self, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "cli.test")
	if err := os.WriteFile(bin, self, 0o755); err != nil {
		t.Fatal(err)
	}
	run := func(path string) string {
		cmd := exec.Command(bin, "-test.run=^TestWriteHelperOnce$")
		cmd.Env = append(os.Environ(), "IE_WRITE_ONCE="+path)
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: writer, Gid: group}}
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("the helper: %v", err)
		}
		return strings.TrimSuffix(strings.TrimSuffix(string(out), "PASS\n"), "\n")
	}
	for _, c := range []struct {
		name string
		mode os.FileMode
		want string // the helper's error
	}{
		{"group.manifest", 0o664, ""},
		{"theirs.manifest", 0o644, "open " + filepath.Join(dir, "theirs.manifest") + ": permission denied"},
	} {
		path := write(t, filepath.Join(dir, c.name), "a:1\n", c.mode)
		if err := os.Chown(path, owner, group); err != nil {
			t.Fatal(err)
		}
		before := inode(t, path)
		if got := run(path); got != c.want {
			t.Errorf("%s: the helper said %q, want %q", c.name, got, c.want)
		}
		info, _ := os.Stat(path)
		if st := info.Sys().(*syscall.Stat_t); st.Uid != owner || st.Gid != group || st.Ino != before || info.Mode() != c.mode {
			t.Errorf("%s: owner %d:%d, inode kept %v, mode %v", c.name, st.Uid, st.Gid, st.Ino == before, info.Mode())
		}
		want := "a: 1\n"
		if c.want != "" {
			want = "a:1\n"
		}
		expect(t, path, want)
	}
	onlyEntries(t, dir, "cli.test", "group.manifest", "theirs.manifest")
}
