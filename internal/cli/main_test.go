package cli

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

type panicReader struct{}

func (panicReader) Read([]byte) (int, error) { panic("reader exploded") }

// TestInternalError checks that a panic anywhere in a command becomes exit
// status 3 with a message, not a crash.
func TestInternalError(t *testing.T) {
	var out, errOut bytes.Buffer
	code := Main([]string{"json", "-"}, panicReader{}, &out, &errOut)
	if code != ExitInternal {
		t.Fatalf("exit code %d, want %d", code, ExitInternal)
	}
	if !strings.HasPrefix(errOut.String(), "ie: internal error: reader exploded\n") {
		t.Fatalf("stderr: %q", errOut.String())
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
