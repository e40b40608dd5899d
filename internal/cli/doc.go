// Package cli holds what the ie and iefmt commands share: their exit
// codes, the rewriting of files (WriteFile, which keeps a file's links,
// owner, mode and attributes, and never loses a concurrent edit), and the
// formatter command that both run ("ie fmt" and "iefmt" are the same
// code).
package cli
