package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// handler serves one method: it decodes the params, refusing params
// that do not decode with invalid params (-32602), and calls the server.
type handler func(s *server, ctx context.Context, params json.RawMessage) (any, error)

// routes lists every method the server serves. A request for any other
// method is answered with method not found (-32601), a notification of
// any other method is ignored, as the specification asks of "$/"
// notifications and allows of the rest. Each capability Initialize
// announces needs its method here (TestRoutesServeCapabilities).
var routes = map[string]handler{
	protocol.MethodInitialize:                     call((*server).Initialize),
	protocol.MethodInitialized:                    ignoreParams((*server).Initialized),
	protocol.MethodShutdown:                       noParams((*server).Shutdown),
	protocol.MethodTextDocumentDidOpen:            notify((*server).DidOpen),
	protocol.MethodTextDocumentDidChange:          (*server).didChange,
	protocol.MethodTextDocumentDidClose:           notify((*server).DidClose),
	protocol.MethodTextDocumentDidSave:            notify((*server).DidSave),
	protocol.MethodWorkspaceDidChangeWatchedFiles: notify((*server).DidChangeWatchedFiles),
	protocol.MethodTextDocumentHover:              call((*server).Hover),
	protocol.MethodTextDocumentCompletion:         call((*server).Completion),
	protocol.MethodTextDocumentFormatting:         call((*server).Formatting),
	protocol.MethodTextDocumentRangeFormatting:    call((*server).RangeFormatting),
	protocol.MethodTextDocumentCodeAction:         call((*server).CodeAction),
	protocol.MethodTextDocumentCodeLens:           call((*server).CodeLens),
	protocol.MethodTextDocumentDocumentSymbol:     call((*server).DocumentSymbol),
	protocol.MethodTextDocumentFoldingRange:       call((*server).FoldingRanges),
	methodSelectionRange:                          call((*server).selectionRange),
	protocol.MethodWorkspaceExecuteCommand:        call((*server).ExecuteCommand),
}

// methodSelectionRange is textDocument/selectionRange, which
// protocol.Server lacks.
const methodSelectionRange = "textDocument/selectionRange"

// call adapts a method that answers.
func call[P, R any](f func(*server, context.Context, *P) (R, error)) handler {
	return func(s *server, ctx context.Context, raw json.RawMessage) (any, error) {
		var p P
		if err := decodeParams(raw, &p); err != nil {
			return nil, err
		}
		return f(s, ctx, &p)
	}
}

// notify adapts a method that does not answer.
func notify[P any](f func(*server, context.Context, *P) error) handler {
	return func(s *server, ctx context.Context, raw json.RawMessage) (any, error) {
		var p P
		if err := decodeParams(raw, &p); err != nil {
			return nil, err
		}
		return nil, f(s, ctx, &p)
	}
}

// ignoreParams adapts a notification whose params, always empty, are
// not read: some clients send none.
func ignoreParams[P any](f func(*server, context.Context, *P) error) handler {
	return func(s *server, ctx context.Context, _ json.RawMessage) (any, error) {
		return nil, f(s, ctx, new(P))
	}
}

// noParams adapts a method without params: none, or null.
func noParams(f func(*server, context.Context) error) handler {
	return func(s *server, ctx context.Context, raw json.RawMessage) (any, error) {
		if len(raw) > 0 && string(raw) != "null" {
			return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, "the method takes no params")
		}
		return nil, f(s, ctx)
	}
}

// decodeParams decodes params into p, or says what is wrong with them
// as invalid params. Params are checked to be JSON by the stream, so the
// only errors are missing params and values of the wrong type.
func decodeParams(raw json.RawMessage, p any) error {
	if len(raw) == 0 || string(raw) == "null" {
		return jsonrpc2.NewError(jsonrpc2.InvalidParams, "the params are missing")
	}
	err := json.Unmarshal(raw, p)
	if err == nil {
		return nil
	}
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &typ) && typ.Field == "":
		return jsonrpc2.NewError(jsonrpc2.InvalidParams, fmt.Sprintf("the params must be an object, not %s", valueKind(typ.Value)))
	case errors.As(err, &typ):
		return jsonrpc2.NewError(jsonrpc2.InvalidParams, fmt.Sprintf("%q must be %s, not %s", jsonPath(typ.Field), jsonKind(typ.Type), valueKind(typ.Value)))
	}
	return jsonrpc2.NewError(jsonrpc2.InvalidParams, "the params do not decode: "+err.Error())
}

// jsonPath returns the JSON path of a field as encoding/json names it,
// without the Go names it gives embedded structs: protocol's JSON names
// start with a lower-case letter, its Go types with an upper-case one.
func jsonPath(field string) string {
	var path []string
	for name := range strings.SplitSeq(field, ".") {
		if name != "" && !('A' <= name[0] && name[0] <= 'Z') {
			path = append(path, name)
		}
	}
	return strings.Join(path, ".")
}

// valueKind names the kind of a JSON value as encoding/json describes
// it ("string", "number 8042", "object"...), without the value, which
// may be a secret.
func valueKind(v string) string {
	kind, _, _ := strings.Cut(v, " ")
	switch kind {
	case "object", "array":
		return "an " + kind
	case "bool":
		return "a boolean"
	}
	return "a " + kind
}

// jsonKind names the JSON values that decode into t.
func jsonKind(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "a boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return fmt.Sprintf("an integer of %d bits", t.Bits())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return fmt.Sprintf("an integer from 0 to %d", uint64(1)<<t.Bits()-1)
	case reflect.Float32, reflect.Float64:
		return "a number"
	}
	return "a " + t.String()
}
