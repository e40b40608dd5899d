// Package cli holds what the ie and iefmt commands share: their exit
// codes, atomic file writes, and the formatter command that both run ("ie
// fmt" and "iefmt" are the same code).
package cli
