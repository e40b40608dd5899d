// Package lsp is iekit's language server ("ie lsp"): diagnostics from
// every lint rule as a manifest is typed, hover with the schema's and the
// rules' documentation, and formatting, served over JSON-RPC with
// go.lsp.dev/protocol. The server answers what it does not route with
// "method not found" (route.go); each feature lives in its own file.
package lsp
