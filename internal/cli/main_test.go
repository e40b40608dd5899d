package cli

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

type panicReader struct{}

func (panicReader) Read([]byte) (int, error) { panic("reader exploded") }

// TestInternalError checks that a panic anywhere in a command becomes exit
// status 3 with a message, not a crash.
func TestInternalError(t *testing.T) {
	for _, c := range []struct {
		name string
		main func([]string, io.Reader, io.Writer, io.Writer) int
		args []string
	}{
		{"ie", Main, []string{"json", "-"}},
		{"ie", Main, []string{"decode"}},
		{"iefmt", FmtMain, nil},
	} {
		var out, errOut bytes.Buffer
		if code := c.main(c.args, panicReader{}, &out, &errOut); code != ExitInternal {
			t.Errorf("%s %q: exit code %d, want %d", c.name, c.args, code, ExitInternal)
		}
		if !strings.HasPrefix(errOut.String(), c.name+": internal error: reader exploded\n") {
			t.Errorf("%s %q: stderr: %q", c.name, c.args, errOut.String())
		}
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// TestWriteError checks that output that cannot be written is reported,
// not lost in silence.
func TestWriteError(t *testing.T) {
	var errOut bytes.Buffer
	code := Main([]string{"json", "-"}, strings.NewReader("a: 1\n"), failingWriter{}, &errOut)
	if code != ExitUsage || errOut.String() != "ie json: writing the output: disk full\n" {
		t.Fatalf("exit code %d, stderr %q", code, errOut.String())
	}
}
