package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// completionScript returns what "ie completion SHELL" prints, written to
// a file.
func completionScript(t *testing.T, shell string) (path string, text string) {
	t.Helper()
	var out, errOut bytes.Buffer
	if code := Main([]string{"completion", shell}, nil, &out, &errOut); code != ExitOK {
		t.Fatalf("ie completion %s: exit %d: %s", shell, code, errOut.Bytes())
	}
	path = filepath.Join(t.TempDir(), "ie."+shell)
	if err := os.WriteFile(path, out.Bytes(), 0o666); err != nil {
		t.Fatal(err)
	}
	return path, out.String()
}

// needShell returns the path of a shell; under CI its absence is a
// failure (.ci/run installs it).
func needShell(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed, and CI is set: .ci/run installs it", name)
		}
		t.Skipf("%s is not installed (apt-get install %s): its completion script is not tried", name, name)
	}
	return p
}

func shellOutput(t *testing.T, shell string, args ...string) string {
	t.Helper()
	out, err := exec.Command(shell, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %q: %v\n%s", shell, args, err, out)
	}
	return string(out)
}

// TestCompletionNamesEverything checks that each script names every
// command and every flag, so none is forgotten when one is added.
func TestCompletionNamesEverything(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish"} {
		_, text := completionScript(t, shell)
		for _, c := range cmdlines() {
			if !strings.Contains(text, c.name) {
				t.Errorf("%s: command %s missing", shell, c.name)
			}
			for _, f := range c.flags {
				if !strings.Contains(text, "-"+f.Name) && !strings.Contains(text, "-o "+f.Name) {
					t.Errorf("%s: flag -%s of %s missing", shell, f.Name, c.name)
				}
			}
		}
	}
	var out, errOut bytes.Buffer
	if code := Main([]string{"completion", "tcsh"}, nil, &out, &errOut); code != ExitUsage || !strings.Contains(errOut.String(), `unknown shell "tcsh"`) {
		t.Errorf("ie completion tcsh: exit %d, %q", code, errOut.String())
	}
}

// TestCompletionBash completes command lines in bash.
func TestCompletionBash(t *testing.T) {
	bash := needShell(t, "bash")
	script, _ := completionScript(t, "bash")
	complete := func(words ...string) string {
		line := "source " + script + "; COMP_WORDS=(" + strings.Join(words, " ") + "); COMP_CWORD=" +
			string(rune('0'+len(words)-1)) + "; _ie " + words[0] + "; printf '%s\\n' \"${COMPREPLY[@]}\""
		return shellOutput(t, bash, "-c", line)
	}
	if got := complete("ie", "li"); got != "lint\n" {
		t.Errorf("ie li<TAB>: %q", got)
	}
	if got := complete("ie", "lint", "-fi"); got != "-fix\n-fix-unsafe\n" {
		t.Errorf("ie lint -fi<TAB>: %q", got)
	}
	if got := complete("iefmt", "-"); got != "-d\n-l\n-max-size\n-stdin-filename\n-w\n" {
		t.Errorf("iefmt -<TAB>: %q", got)
	}
}

// TestCompletionFish completes command lines in fish.
func TestCompletionFish(t *testing.T) {
	fish := needShell(t, "fish")
	script, _ := completionScript(t, "fish")
	complete := func(line string) string {
		return shellOutput(t, fish, "--no-config", "-c", "source "+script+"; complete -C '"+line+"'")
	}
	if got := complete("ie li"); !strings.HasPrefix(got, "lint\tcheck manifests against every rule\n") {
		t.Errorf("ie li<TAB>: %q", got)
	}
	if got := complete("ie lint -fix"); !strings.Contains(got, "-fix-unsafe\t") {
		t.Errorf("ie lint -fix<TAB>: %q", got)
	}
	if got := complete("iefmt -"); !strings.Contains(got, "-w\twrite the result back to the files") {
		t.Errorf("iefmt -<TAB>: %q", got)
	}
}

// TestCompletionZsh loads the script in zsh's completion system and
// completes the first word with it.
func TestCompletionZsh(t *testing.T) {
	zsh := needShell(t, "zsh")
	script, _ := completionScript(t, "zsh")
	shellOutput(t, zsh, "-n", script)
	dir := filepath.Dir(script)
	if err := os.Rename(script, filepath.Join(dir, "_ie")); err != nil {
		t.Fatal(err)
	}
	// compinit finds _ie on fpath and binds it to ie and iefmt.
	out := shellOutput(t, zsh, "-f", "-c", "fpath=("+dir+" $fpath); autoload -U compinit; compinit -u -d "+dir+"/zcompdump; print -r -- ${_comps[ie]} ${_comps[iefmt]}")
	if strings.TrimSpace(out) != "_ie _ie" {
		t.Errorf("zsh binds ie and iefmt to %q, want _ie _ie", out)
	}
}
