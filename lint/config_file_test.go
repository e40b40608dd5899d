//go:build unix

package lint

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/iekit/iekit/internal/inputfile"
)

// TestLoadConfigRefusesSpecialFiles checks that a .ie.yaml that is a FIFO
// or a link to /dev/zero is refused at once: the language server and
// every command load configurations through LoadConfig, and must neither
// hang nor read forever.
func TestLoadConfigRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo", ConfigName)
	zero := filepath.Join(dir, "zero", ConfigName)
	os.Mkdir(filepath.Dir(fifo), 0o755)
	os.Mkdir(filepath.Dir(zero), 0o755)
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{fifo, zero} {
		if found := FindConfig(filepath.Dir(p)); found != p {
			t.Fatalf("FindConfig found %q, want %q", found, p)
		}
		done := make(chan error, 1)
		go func() {
			_, _, err := LoadConfig(p)
			done <- err
		}()
		select {
		case err := <-done:
			if !errors.Is(err, inputfile.ErrNotRegular) {
				t.Errorf("LoadConfig(%s): %v, want a refusal", p, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("LoadConfig(%s) hangs", p)
		}
	}
}
