package cli

import (
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestStaticInstall checks that the README's install commands and the
// release builds agree on building without cgo, and that such a build
// of ie is a static executable: it names no interpreter and no shared
// library, so no dynamic loader runs before it does.
func TestStaticInstall(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	installs := 0
	for i, line := range strings.Split(string(readme), "\n") {
		if !strings.Contains(line, "go install ") {
			continue
		}
		installs++
		if !strings.Contains(line, "CGO_ENABLED=0 go install ") {
			t.Errorf("README.md:%d: an install without CGO_ENABLED=0: %s", i+1, line)
		}
	}
	if installs == 0 {
		t.Error("README.md: no go install command found")
	}
	release, err := os.ReadFile("../../.goreleaser.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(release), "\n      - CGO_ENABLED=0\n") {
		t.Error(".goreleaser.yaml: the builds do not set CGO_ENABLED=0")
	}

	if testing.Short() {
		t.Skip("builds ie; skipped with -short")
	}
	if runtime.GOOS != "linux" {
		t.Skip("the executable is checked as ELF, on Linux only")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("go is not on PATH to build ie: %v", err)
	}
	exe := filepath.Join(t.TempDir(), "ie")
	build := exec.Command(gobin, "build", "-o", exe, "./cmd/ie")
	build.Dir = filepath.Join("..", "..")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	f, err := elf.Open(exe)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP || p.Type == elf.PT_DYNAMIC {
			t.Errorf("ie built with CGO_ENABLED=0 has a %v program header: it is linked dynamically", p.Type)
		}
	}
}
