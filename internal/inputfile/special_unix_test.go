//go:build unix

package inputfile

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestReadRefusesSpecialFiles checks that what is not a regular file is
// refused at once: a FIFO without a writer (which would block a plain
// open), a link to /dev/zero (which never ends), a directory.
func TestReadRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.manifest")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	zero := filepath.Join(dir, "zero.manifest")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ path, what string }{
		{fifo, ": is a named pipe (FIFO), not a regular file"},
		{zero, ": is a character device, not a regular file"},
		{dir, ": is a directory"},
	} {
		done := make(chan error, 1)
		go func() {
			_, err := Read(c.path, 0)
			done <- err
		}()
		select {
		case err := <-done:
			if !errors.Is(err, ErrNotRegular) || err.Error() != c.path+c.what {
				t.Errorf("Read(%s): %v; want %q", c.path, err, c.what)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("Read(%s) hangs", c.path)
		}
	}
}
