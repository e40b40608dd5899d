package lsp

import (
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

func TestCodeLens(t *testing.T) {
	c := newClient(t)
	c.initialize()
	for _, tc := range []struct{ name, text, want string }{
		{"clean", strings.Replace(broken, "True", "yes", 1), "kind: s3-import · no errors"},
		{"broken", broken, "kind: s3-import · 1 error"},
		{"two errors", strings.Replace(broken, "Jane Doe", "", 1), "kind: s3-import · 2 errors"},
		{"unknown", "deviceId: WD-1234\nb\n", "unknown kind · 1 error"},
	} {
		uri := "file:///tmp/lens-" + strings.ReplaceAll(tc.name, " ", "-") + ".manifest"
		c.open(uri, tc.text)
		var lenses []protocol.CodeLens
		if err := c.call(protocol.MethodTextDocumentCodeLens, &protocol.CodeLensParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: protocol.DocumentURI(uri)},
		}, &lenses); err != nil {
			t.Fatal(err)
		}
		if len(lenses) != 2 || lenses[0].Command == nil || lenses[1].Command == nil {
			t.Fatalf("%s: lenses %+v", tc.name, lenses)
		}
		if got := lenses[0].Command.Title; got != tc.want || lenses[0].Range.Start.Line != 0 {
			t.Errorf("%s: lens %q at line %d, want %q at line 0", tc.name, got, lenses[0].Range.Start.Line, tc.want)
		}
		preview := lenses[1]
		if preview.Command.Title != "preview CreateJob request" || preview.Command.Command != previewRequestCommand ||
			len(preview.Command.Arguments) != 1 || preview.Command.Arguments[0] != uri || preview.Range.Start.Line != 0 {
			t.Errorf("%s: preview lens %+v", tc.name, preview.Command)
		}
	}
}
