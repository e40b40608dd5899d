package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestREADME runs every shell transcript of the README: each code block
// whose first line starts with "$ ". A block runs in one bash session, in
// a copy of the checkout's examples/ and docs/, with ie and iefmt built
// from the checkout first on PATH and nothing of the caller's AWS
// variables; each command is shown as "$ command" before what it prints
// (standard output and error, as a terminal would show them, but without
// being one), and the whole must be the block's text. Exit statuses show
// where the README says "echo $?".
func TestREADME(t *testing.T) {
	if testing.Short() {
		t.Skip("builds ie and iefmt; skipped with -short")
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash is not installed")
	}
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := transcripts(string(data))
	if len(blocks) < 8 {
		t.Fatalf("found %d transcripts in the README, want at least 8", len(blocks))
	}
	bin := buildCommands(t)
	for _, b := range blocks {
		t.Run(b.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, d := range []string{"examples", "docs"} {
				if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join("..", "..", d))); err != nil {
					t.Fatal(err)
				}
			}
			cmd := exec.Command(bash, "--noprofile", "--norc", "-c", b.script())
			cmd.Dir = dir
			cmd.Env = readmeEnv(bin, dir)
			out, _ := cmd.CombinedOutput()
			if got := strings.ReplaceAll(string(out), "\r\n", "\n"); got != b.text {
				t.Errorf("README.md:%d: the transcript differs.\nthe README shows:\n%s\nthe commands print:\n%s", b.line, b.text, got)
			}
		})
	}
}

// transcript is a code block of the README that shows commands and what
// they print.
type transcript struct {
	name     string   // the first command, for the subtest's name
	line     int      // the README line of its first command
	text     string   // the block, as shown
	commands []string // each command, continuation lines included
}

// transcripts returns the blocks of doc whose first line starts with "$ ".
func transcripts(doc string) []transcript {
	var out []transcript
	lines := strings.SplitAfter(doc, "\n")
	for i := 0; i < len(lines); i++ {
		if !strings.HasPrefix(lines[i], "```") || i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "$ ") {
			continue
		}
		b := transcript{line: i + 2}
		for i++; i < len(lines) && !strings.HasPrefix(lines[i], "```"); i++ {
			b.text += lines[i]
			switch {
			case strings.HasPrefix(lines[i], "$ "):
				b.commands = append(b.commands, strings.TrimSuffix(lines[i][2:], "\n"))
			case len(b.commands) > 0 && strings.HasSuffix(b.commands[len(b.commands)-1], "\\"):
				b.commands[len(b.commands)-1] += "\n" + strings.TrimSuffix(lines[i], "\n")
			}
		}
		b.name = strings.Join(strings.Fields(b.commands[0])[:min(3, len(strings.Fields(b.commands[0])))], " ")
		out = append(out, b)
	}
	return out
}

// script returns the bash script that shows and runs the commands. Each
// command sees the exit status of the one before, not that of the printf
// that shows it, and output that does not end a line is ended, as the
// next prompt would be on a terminal.
func (b transcript) script() string {
	var s strings.Builder
	s.WriteString("status=0 out=$(mktemp)\n")
	for _, c := range b.commands {
		s.WriteString("printf '%s\\n' " + shellQuote("$ "+c) + "\n(exit $status); " + c + " >\"$out\" 2>&1; status=$?\n")
		s.WriteString("cat \"$out\"; if [ -n \"$(tail -c1 \"$out\")\" ]; then echo; fi\n")
	}
	return s.String()
}

// readmeEnv is the environment of the README's commands: PATH with bin
// first, HOME in dir, and none of the variables that change what ie
// prints (colour, GitHub Actions, AWS credentials).
func readmeEnv(bin, dir string) []string {
	env := []string{"PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH"), "HOME=" + dir, "LC_ALL=C.UTF-8"}
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch {
		case name == "PATH" || name == "HOME" || name == "LC_ALL" || name == "GITHUB_ACTIONS" || name == "TERM",
			strings.HasPrefix(name, "AWS_"), strings.Contains(name, "COLOR"):
			continue
		}
		env = append(env, kv)
	}
	return env
}

// buildCommands builds ie and iefmt into a new directory and returns it.
func buildCommands(t *testing.T) string {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("go is not on PATH to build ie: %v", err)
	}
	dir := t.TempDir()
	build := exec.Command(gobin, "build", "-o", dir+string(os.PathSeparator), "./cmd/ie", "./cmd/iefmt")
	build.Dir = filepath.Join("..", "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return dir
}

// shellQuote quotes s for the shell, in single quotes.
func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }
