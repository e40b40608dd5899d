// Package color decides whether a command colours its output, as the
// conventions of the command line say: the -color flag first, then the
// environment (FORCE_COLOR and CLICOLOR_FORCE force colour, NO_COLOR and
// TERM=dumb turn it off), and otherwise whether the output is a terminal.
package color

import (
	"fmt"
	"io"
	"os"

	"golang.org/x/term"
)

// Mode is the value of a command's -color flag.
type Mode uint8

// The modes. Auto, the zero value, decides from the environment and the
// output.
const (
	Auto Mode = iota
	Always
	Never
)

var modeNames = [...]string{"auto", "always", "never"}

// String returns the mode's name, as the flag takes it.
func (m Mode) String() string { return modeNames[m] }

// Set parses a flag value; Mode is a flag.Value.
func (m *Mode) Set(s string) error {
	for i, n := range modeNames {
		if s == n {
			*m = Mode(i)
			return nil
		}
	}
	return fmt.Errorf("invalid color mode %q; use auto, always or never", s)
}

// Enabled reports whether output to w is coloured, in mode m, with the
// environment read by getenv (os.Getenv outside tests).
func (m Mode) Enabled(w io.Writer, getenv func(string) string) bool {
	switch m {
	case Always:
		return true
	case Never:
		return false
	}
	switch {
	case forced(getenv("FORCE_COLOR")) || forced(getenv("CLICOLOR_FORCE")):
		return true // forcing asks for colour even where none would be
	case getenv("NO_COLOR") != "", getenv("TERM") == "dumb":
		return false
	}
	return IsTerminal(w)
}

// forced reports whether a variable that forces colour is set to force it:
// any value but empty, "0" and "false".
func forced(v string) bool { return v != "" && v != "0" && v != "false" }

// IsTerminal reports whether w is a terminal: a file whose descriptor the
// system takes for a terminal, which /dev/null and other devices are not.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
