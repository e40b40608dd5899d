package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"runtime/debug"
	"sync"

	"github.com/iekit/iekit/lint"
	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"
)

// server holds the open documents and answers the client.
type server struct {
	nyi
	mu       sync.Mutex
	client   protocol.Client
	docs     map[protocol.DocumentURI]*document
	configs  configs
	watch    bool // the client can be asked to watch the configuration files
	state    int  // stateNew, then stateRunning after initialize, stateShutdown after shutdown
	exitCode int
	log      *log.Logger
}

const (
	stateNew = iota
	stateRunning
	stateShutdown
)

// codeServerNotInitialized is the error of a request sent before
// initialize.
const codeServerNotInitialized jsonrpc2.Code = -32002

// Serve runs the language server on a connection (stdin and stdout for
// "ie lsp") until the client sends exit or closes it. It returns the exit
// status: 0 when the client asked for shutdown first, 1 otherwise. Logs go
// to logw, never to the connection.
func Serve(ctx context.Context, rwc io.ReadWriteCloser, logw io.Writer) int {
	s := &server{docs: map[protocol.DocumentURI]*document{}, configs: configs{}, exitCode: 1, log: log.New(logw, "ie lsp: ", log.LstdFlags)}
	conn := jsonrpc2.NewConn(newStream(rwc))
	s.client = protocol.ClientDispatcher(conn, zap.NewNop())
	dispatch := protocol.ServerHandler(s, jsonrpc2.MethodNotFoundHandler)
	conn.Go(protocol.WithClient(ctx, s.client), s.policy(conn, dispatch))
	<-conn.Done()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.exitCode
}

// policy wraps every message: requests before initialize are refused,
// after shutdown only exit is served, a panic in a handler is logged and
// answered as an internal error, and didChange is read here because the
// protocol package cannot tell a whole-document change from an edit.
func (s *server) policy(conn jsonrpc2.Conn, next jsonrpc2.Handler) jsonrpc2.Handler {
	return func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) (err error) {
		defer func() {
			if r := recover(); r != nil {
				s.log.Printf("panic in %s: %v\n%s", req.Method(), r, debug.Stack())
				err = reply(ctx, nil, jsonrpc2.NewError(jsonrpc2.InternalError, fmt.Sprintf("internal error in %s: %v", req.Method(), r)))
			}
		}()
		_, isCall := req.(*jsonrpc2.Call)
		s.mu.Lock()
		state := s.state
		s.mu.Unlock()
		switch method := req.Method(); {
		case method == protocol.MethodExit:
			s.mu.Lock()
			if s.state == stateShutdown {
				s.exitCode = 0
			}
			s.mu.Unlock()
			return conn.Close()
		case state == stateNew && method != protocol.MethodInitialize:
			if !isCall {
				return nil // notifications before initialize are dropped
			}
			return reply(ctx, nil, jsonrpc2.NewError(codeServerNotInitialized, "the server is not initialized"))
		case state == stateShutdown:
			return reply(ctx, nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "the server is shut down"))
		case method == "textDocument/selectionRange": // not in protocol.Server
			var params protocol.SelectionRangeParams
			if err := json.Unmarshal(req.Params(), &params); err != nil {
				return reply(ctx, nil, jsonrpc2.NewError(jsonrpc2.ParseError, err.Error()))
			}
			result, err := s.selectionRange(ctx, &params)
			return reply(ctx, result, err)
		case method == protocol.MethodTextDocumentDidChange:
			var params didChangeParams
			if err := json.Unmarshal(req.Params(), &params); err != nil {
				return reply(ctx, nil, jsonrpc2.NewError(jsonrpc2.ParseError, err.Error()))
			}
			return reply(ctx, nil, s.didChange(ctx, &params))
		}
		return next(ctx, reply, req)
	}
}

func (s *server) Initialize(ctx context.Context, params *protocol.InitializeParams) (*protocol.InitializeResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state != stateNew {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "initialize was already sent")
	}
	s.state = stateRunning
	if ws := params.Capabilities.Workspace; ws != nil && ws.DidChangeWatchedFiles != nil {
		s.watch = ws.DidChangeWatchedFiles.DynamicRegistration
	}
	return &protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			TextDocumentSync: &protocol.TextDocumentSyncOptions{
				OpenClose: true,
				Change:    protocol.TextDocumentSyncKindIncremental,
				Save:      &protocol.SaveOptions{},
			},
			HoverProvider:                   true,
			DocumentFormattingProvider:      true,
			DocumentRangeFormattingProvider: true,
			CompletionProvider:              &protocol.CompletionOptions{TriggerCharacters: []string{":", " ", "-"}},
			CodeActionProvider: &protocol.CodeActionOptions{CodeActionKinds: []protocol.CodeActionKind{
				protocol.QuickFix, fixAllKind,
			}},
			DocumentSymbolProvider: true,
			FoldingRangeProvider:   true,
			SelectionRangeProvider: true,
			CodeLensProvider:       &protocol.CodeLensOptions{},
			ExecuteCommandProvider: &protocol.ExecuteCommandOptions{Commands: []string{previewRequestCommand}},
		},
		ServerInfo: &protocol.ServerInfo{Name: "ie"},
	}, nil
}

// Initialized asks the client, when it can, to report changes of .ie.yaml
// files, so that diagnostics follow the configuration. The request is sent
// from its own goroutine: this handler runs on the connection's reading
// loop, which the answer must come through.
func (s *server) Initialized(context.Context, *protocol.InitializedParams) error {
	s.mu.Lock()
	watch := s.watch
	s.mu.Unlock()
	if watch {
		go func() {
			err := s.client.RegisterCapability(context.Background(), &protocol.RegistrationParams{Registrations: []protocol.Registration{{
				ID:              "ie-config",
				Method:          protocol.MethodWorkspaceDidChangeWatchedFiles,
				RegisterOptions: protocol.DidChangeWatchedFilesRegistrationOptions{Watchers: []protocol.FileSystemWatcher{{GlobPattern: "**/" + lint.ConfigName}}},
			}}})
			if err != nil {
				s.log.Printf("watching %s: %v", lint.ConfigName, err)
			}
		}()
	}
	return nil
}

func (s *server) Shutdown(context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state = stateShutdown
	return nil
}

// snapshot returns a copy of the open document at u, to read after the
// lock is released: a change replaces a document's fields, never the
// text, mapper or result they point to.
func (s *server) snapshot(u protocol.DocumentURI) (*document, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, err := s.document(u)
	if err != nil {
		return nil, err
	}
	c := *d
	return &c, nil
}

// document returns the open document at u; s.mu must be held.
func (s *server) document(u protocol.DocumentURI) (*document, error) {
	d, ok := s.docs[u]
	if !ok {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, fmt.Sprintf("%s is not open", u))
	}
	return d, nil
}
