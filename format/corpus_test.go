package format

import (
	"bytes"
	"errors"
	"reflect"
	"testing"

	"github.com/iekit/iekit/parser"
)

// TestCorpus formats every corpus manifest and example. One without syntax
// errors must format as spec §6 says (checkFormatted); one with syntax
// errors must be refused with the parser's diagnostics and no output.
func TestCorpus(t *testing.T) {
	for _, m := range manifests(t) {
		t.Run(m.name, func(t *testing.T) {
			_, diags := parser.Parse("", m.src)
			out, err := Source(m.src)
			if !diags.HasErrors() {
				if err != nil {
					t.Fatalf("Source: %v", err)
				}
				if err := checkFormatted(m.src, out); err != nil {
					t.Error(err)
				}
				checkNode(t, m.src, out)
				return
			}
			checkRefused(t, diags, out, err)
		})
	}
}

// checkRefused checks what Source returned for a source with syntax
// errors: no output and a *SyntaxError holding the parser's diagnostics.
func checkRefused(t *testing.T, diags parser.Diagnostics, out []byte, err error) {
	t.Helper()
	if out != nil {
		t.Errorf("Source returned output for a source with syntax errors:\n%s", out)
	}
	var se *SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("Source returned %T %v, want a *SyntaxError", err, err)
	}
	if !reflect.DeepEqual(se.Diagnostics, diags) {
		t.Errorf("SyntaxError diagnostics:\n%v\nwant the parser's:\n%v", se.Diagnostics, diags)
	}
}

// checkNode checks that Node prints the tree of src as Source does.
func checkNode(t *testing.T, src, want []byte) {
	t.Helper()
	f, _ := parser.Parse("", src)
	var buf bytes.Buffer
	if err := Node(&buf, f); err != nil {
		t.Fatalf("Node: %v", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("Node gives\n%s\nSource gives\n%s", buf.Bytes(), want)
	}
}
