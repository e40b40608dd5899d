package lsp

import (
	"context"
	"fmt"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
	"go.lsp.dev/protocol"
)

// CodeLens shows two lenses on the first line: the job's kind and how
// many errors the manifest has, and a command that previews the CreateJob
// request.
func (s *server) CodeLens(_ context.Context, params *protocol.CodeLensParams) ([]protocol.CodeLens, error) {
	d, err := s.snapshot(params.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	kind := "unknown kind"
	if d.result.Kind != schema.KindUnknown {
		kind = "kind: " + d.result.Kind.String()
	}
	top := protocol.Range{}
	return []protocol.CodeLens{
		{Range: top, Command: &protocol.Command{Title: kind + " · " + errorCount(d.result.Diagnostics)}},
		{Range: top, Command: &protocol.Command{
			Title:     "preview CreateJob request",
			Command:   previewRequestCommand,
			Arguments: []any{string(d.uri)},
		}},
	}, nil
}

// errorCount says how many of the findings are errors: "no errors",
// "1 error", "2 errors".
func errorCount(diags parser.Diagnostics) string {
	n := 0
	for _, x := range diags {
		if x.Severity == parser.SeverityError {
			n++
		}
	}
	switch n {
	case 0:
		return "no errors"
	case 1:
		return "1 error"
	}
	return fmt.Sprintf("%d errors", n)
}
