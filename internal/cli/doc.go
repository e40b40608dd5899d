// Package cli holds the ie and iefmt commands: every subcommand, one file
// each, behind Main (and FmtMain, "ie fmt" under the name iefmt), with
// their flag and help handling, problem printing and input reading
// written once (command.go), their exit codes, and the rewriting of files
// (WriteFile, which keeps a file's links, owner, mode and attributes, and
// never loses a concurrent edit).
package cli
