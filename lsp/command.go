package lsp

import (
	"context"
	"errors"
	"fmt"

	"github.com/iekit/iekit/lint"
	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/request"
	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// ExecuteCommand runs previewRequestCommand: given the URI of an open
// document, it returns the encoded body of its CreateJob request,
// unsigned, with the manifest's secrets redacted.
func (s *server) ExecuteCommand(_ context.Context, params *protocol.ExecuteCommandParams) (any, error) {
	if params.Command != previewRequestCommand {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, fmt.Sprintf("unknown command %q; the command is %s", params.Command, previewRequestCommand))
	}
	if len(params.Arguments) != 1 {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, fmt.Sprintf("%s takes one argument, the URI of an open document; got %d", previewRequestCommand, len(params.Arguments)))
	}
	u, ok := params.Arguments[0].(string)
	if !ok || u == "" {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, fmt.Sprintf("%s takes the URI of an open document as a string; got %v", previewRequestCommand, params.Arguments[0]))
	}
	d, err := s.snapshot(protocol.DocumentURI(u))
	if err != nil {
		return nil, err
	}
	ps, err := request.Build([]byte(d.text), request.Options{})
	if err != nil {
		if syntax := parser.Diagnostics(nil); errors.As(err, &syntax) {
			msg := "cannot preview the request: the manifest has syntax errors"
			if shown := d.result.SyntaxError(); shown != nil { // the same errors, redacted
				msg += " (" + shown.Error() + ")"
			}
			return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, msg)
		}
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, "cannot preview the request: "+d.result.Redact(err.Error()))
	}
	for i := range ps {
		if ps[i].Name == "Manifest" {
			ps[i].Value = string(lint.RedactManifest([]byte(ps[i].Value)))
		} else {
			ps[i].Value = lint.RedactText(ps[i].Value)
		}
	}
	return ps.Encode(), nil
}
