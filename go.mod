module github.com/iekit/iekit

go 1.26

require github.com/alecthomas/participle/v2 v2.1.4

// go.lsp.dev/protocol v0.12.0 builds only with jsonrpc2 v0.10.0.
exclude (
	go.lsp.dev/jsonrpc2 v1.0.0
	go.lsp.dev/jsonrpc2 v1.0.1
)
