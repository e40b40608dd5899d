package main

import (
	"bytes"
	"strings"
	"testing"
)

type panicReader struct{}

func (panicReader) Read([]byte) (int, error) { panic("reader exploded") }

// TestInternalError checks that a panic anywhere in a command becomes exit
// status 3 with a message, not a crash.
func TestInternalError(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run([]string{"json", "-"}, panicReader{}, &out, &errOut)
	if code != exitInternal {
		t.Fatalf("exit code %d, want %d", code, exitInternal)
	}
	if !strings.HasPrefix(errOut.String(), "ie: internal error: reader exploded\n") {
		t.Fatalf("stderr: %q", errOut.String())
	}
}
