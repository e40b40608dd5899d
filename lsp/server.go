package lsp

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"runtime/debug"
	"strings"
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
	stale    chan struct{} // wakes the linter (publish.go)
	pub      sync.Mutex    // serialises publishing, so that no stale list overtakes a newer one
}

const (
	stateNew = iota
	stateRunning
	stateShutdown
)

// Serve runs the language server on a connection (stdin and stdout for
// "ie lsp") until the client sends exit or closes it. It returns the exit
// status: 0 when the client asked for shutdown first, 1 otherwise. Logs go
// to logw, never to the connection.
func Serve(ctx context.Context, rwc io.ReadWriteCloser, logw io.Writer) int {
	s := &server{docs: map[protocol.DocumentURI]*document{}, configs: configs{}, exitCode: 1, log: log.New(logw, "ie lsp: ", log.LstdFlags), stale: make(chan struct{}, 1)}
	conn := jsonrpc2.NewConn(newStream(rwc, s.log))
	s.client = protocol.ClientDispatcher(conn, zap.NewNop())
	var linting sync.WaitGroup
	linting.Go(func() { s.linter(ctx, conn.Done()) })
	conn.Go(protocol.WithClient(ctx, s.client), s.policy(conn))
	<-conn.Done()
	linting.Wait()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.exitCode
}

// policy serves every message: requests before initialize are refused,
// after shutdown only exit is served, a method the server does not serve
// is answered with method not found, and a panic in a handler is logged
// and answered as an internal error. Errors that carry no JSON-RPC code
// are internal errors; a notification cannot be answered, so its error
// is logged.
func (s *server) policy(conn jsonrpc2.Conn) jsonrpc2.Handler {
	return func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) (err error) {
		_, isCall := req.(*jsonrpc2.Call)
		method := req.Method()
		answer := func(result any, err error) error {
			var coded *jsonrpc2.Error
			if err != nil && !errors.As(err, &coded) {
				err = jsonrpc2.NewError(jsonrpc2.InternalError, err.Error())
			}
			if err != nil && !isCall {
				s.log.Printf("%s: %v", method, err)
			}
			return reply(ctx, result, err)
		}
		defer func() {
			if r := recover(); r != nil {
				// Handlers run one at a time, on the connection's
				// goroutine: a lock held now is the one the handler that
				// panicked took, and would block every later message.
				if !s.mu.TryLock() {
					s.log.Printf("%s panicked holding the server's lock: released", method)
				}
				s.mu.Unlock()
				s.log.Printf("panic in %s: %v\n%s", method, r, debug.Stack())
				err = answer(nil, fmt.Errorf("internal error in %s: %v", method, r))
			}
		}()
		s.mu.Lock()
		state := s.state
		s.mu.Unlock()
		h, ok := routes[method]
		switch {
		case method == protocol.MethodExit:
			s.mu.Lock()
			if s.state == stateShutdown {
				s.exitCode = 0
			}
			s.mu.Unlock()
			return conn.Close()
		case !isCall && (state == stateNew || !ok):
			if !ok && !strings.HasPrefix(method, "$/") {
				s.log.Printf("ignored the notification %q: the server does not serve it", method)
			}
			return nil // notifications before initialize, or unknown, are dropped
		case state == stateNew && method != protocol.MethodInitialize:
			return reply(ctx, nil, jsonrpc2.NewError(jsonrpc2.ServerNotInitialized, "the server is not initialized"))
		case state == stateShutdown:
			return reply(ctx, nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "the server is shut down"))
		case !ok:
			return reply(ctx, nil, jsonrpc2.NewError(jsonrpc2.MethodNotFound, fmt.Sprintf("method %q is not supported", method)))
		}
		return answer(h(s, ctx, req.Params()))
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

// snapshot returns a copy of the open document at u, linted, to read
// after the lock is released: a change replaces a document's fields,
// never the text, mapper or result they point to. Every request about a document
// goes through here: one out of sync with the editor (sync.go) is
// refused with ContentModified, the code that tells the editor the
// answer would be stale and that it need not show the error.
func (s *server) snapshot(u protocol.DocumentURI) (*document, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, err := s.document(u)
	if err != nil {
		return nil, err
	}
	if d.lost != "" {
		return nil, jsonrpc2.NewError(protocol.CodeContentModified, fmt.Sprintf("%s is out of sync with the editor (%s): close and reopen it", d.name(), d.lost))
	}
	d.ensure()
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
