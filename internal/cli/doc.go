// Package cli holds the ie and iefmt commands: every subcommand, one file
// each, behind Main (and FmtMain, "ie fmt" under the name iefmt), with
// their flag and help handling, problem printing and input reading
// written once (command.go), their exit codes and atomic file writes.
package cli
