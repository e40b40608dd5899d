// Package vscode holds the VS Code extension for manifests, written in
// JavaScript beside this file: a TextMate grammar of the dialect, the
// language configuration, and a client that starts ie lsp. Its Go tests
// run the extension's own tests with the npm-installed tools (grammar
// assertions and snapshots, unit tests of the client, packaging), so that
// go test ./... covers the extension too.
package vscode
