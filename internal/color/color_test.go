package color

import (
	"flag"
	"os"
	"testing"

	"github.com/iekit/iekit/internal/pty"
)

func TestEnabled(t *testing.T) {
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer devnull.Close()
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	for i, c := range []struct {
		mode Mode
		env  func(string) string
		want bool
	}{
		{Auto, env(), false}, // /dev/null is a device, not a terminal
		{Always, env("NO_COLOR", "1"), true},
		{Never, env("FORCE_COLOR", "1"), false},
		{Auto, env("FORCE_COLOR", "1"), true},
		{Auto, env("FORCE_COLOR", "0"), false},
		{Auto, env("CLICOLOR_FORCE", "1"), true},
		{Auto, env("CLICOLOR_FORCE", "1", "NO_COLOR", "1"), true},
		{Auto, env("NO_COLOR", "1"), false},
		{Auto, env("TERM", "dumb"), false},
	} {
		if got := c.mode.Enabled(devnull, c.env); got != c.want {
			t.Errorf("case %d: %v.Enabled(/dev/null) = %v, want %v", i, c.mode, got, c.want)
		}
	}
}

func TestIsTerminal(t *testing.T) {
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer devnull.Close()
	if IsTerminal(devnull) {
		t.Error("IsTerminal(/dev/null) = true")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if IsTerminal(w) {
		t.Error("IsTerminal(pipe) = true")
	}
	master, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer master.Close()
	defer tty.Close()
	if !IsTerminal(tty) {
		t.Error("IsTerminal(pseudo-terminal) = false")
	}
}

func TestModeFlag(t *testing.T) {
	var m Mode
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	fs.Var(&m, "color", "")
	if err := fs.Parse([]string{"-color", "never"}); err != nil || m != Never {
		t.Errorf("-color never: %v, %v", m, err)
	}
	if err := m.Set("sometimes"); err == nil {
		t.Error(`Set("sometimes") succeeded`)
	}
}
