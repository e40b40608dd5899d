package lsp

import (
	"context"
	"errors"

	"github.com/iekit/iekit/format"
	"go.lsp.dev/protocol"
)

func (s *server) Formatting(ctx context.Context, params *protocol.DocumentFormattingParams) ([]protocol.TextEdit, error) {
	d, err := s.snapshot(params.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	out, err := format.Source([]byte(d.text))
	if err != nil {
		return nil, s.refuse(ctx, d, err)
	}
	if string(out) == d.text {
		return []protocol.TextEdit{}, nil
	}
	return []protocol.TextEdit{{Range: d.m.rng(0, len(d.text)), NewText: string(out)}}, nil
}

func (s *server) RangeFormatting(ctx context.Context, params *protocol.DocumentRangeFormattingParams) ([]protocol.TextEdit, error) {
	d, err := s.snapshot(params.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	start, err := d.m.offset(params.Range.Start)
	if err != nil {
		return nil, err
	}
	end, err := d.m.offset(params.Range.End)
	if err != nil {
		return nil, err
	}
	edits, err := format.Range([]byte(d.text), start, end)
	if err != nil {
		return nil, s.refuse(ctx, d, err)
	}
	out := []protocol.TextEdit{}
	for _, e := range edits {
		out = append(out, protocol.TextEdit{Range: d.m.rng(e.Start, e.End), NewText: e.NewText})
	}
	return out, nil
}

// refuse tells the user why a document with syntax errors is not
// formatted, with its secrets redacted, and answers the request with no
// edits.
func (s *server) refuse(ctx context.Context, d *document, err error) error {
	var syntax *format.SyntaxError
	if !errors.As(err, &syntax) {
		return err
	}
	msg := "ie: not formatted: the manifest has syntax errors"
	if shown := d.result.SyntaxError(); shown != nil { // the same errors, redacted
		msg += " (" + shown.Error() + ")"
	}
	return s.client.ShowMessage(ctx, &protocol.ShowMessageParams{
		Type:    protocol.MessageTypeWarning,
		Message: msg,
	})
}
