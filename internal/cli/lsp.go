package cli

import (
	"context"
	"io"
	"os"

	"github.com/iekit/iekit/lsp"
)

var lspCommand = &command{
	name:    "lsp",
	summary: "run the language server on standard input and output",
	usage:   lspUsage,
	run:     runLSP,
}

const lspUsage = `usage: ie lsp [-log FILE]

Lsp serves the Language Server Protocol on standard input and output, for
editors: diagnostics from every lint rule as you type, hover with the
documentation of options and rules, and formatting. Logs go to standard
error, or to FILE; never to standard output. It exits 0 after the client
asks for shutdown then exit, 1 when the client exits or goes away without
shutdown.
`

func runLSP(e *env, args []string) int {
	logFile := e.flags.String("log", "", "write logs to this file instead of standard error")
	if _, code, ok := e.parse(args, 0, 0); !ok {
		return code
	}
	logw := e.stderr
	if *logFile != "" {
		f, err := os.OpenFile(*logFile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			return e.fail(ExitUsage, "%v", err)
		}
		defer f.Close()
		logw = f
	}
	return lsp.Serve(context.Background(), stdioConn{e.stdin, e.stdout}, logw)
}

// stdioConn is the connection of "ie lsp": read standard input, write
// standard output.
type stdioConn struct {
	io.Reader
	io.Writer
}

// Close closes standard input when the server ends, if it can.
func (c stdioConn) Close() error {
	if cl, ok := c.Reader.(io.Closer); ok {
		return cl.Close()
	}
	return nil
}
