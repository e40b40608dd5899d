package request

import (
	"errors"
	"testing"

	"github.com/iekit/iekit/parser"
)

// TestSyntaxErrors checks that a manifest with syntax errors gives the
// parser's diagnostics as the error, every one of them, from Build and
// WireManifest alike.
func TestSyntaxErrors(t *testing.T) {
	src := []byte("oops\nbucket photos\n")
	_, want := parser.Parse("", src)
	if len(want) != 2 {
		t.Fatalf("the test manifest has %d syntax errors, want 2", len(want))
	}
	_, buildErr := Build(src, Options{})
	_, wireErr := WireManifest(src, false)
	for name, err := range map[string]error{"Build": buildErr, "WireManifest": wireErr} {
		var got parser.Diagnostics
		if !errors.As(err, &got) {
			t.Errorf("%s: error %T %v, want parser.Diagnostics", name, err, err)
			continue
		}
		if got.Error() != want.Error() || len(got) != len(want) {
			t.Errorf("%s: error %q, want %q", name, got, want)
		}
	}
}
