package main

// The exit codes of every ie command.
const (
	exitOK       = 0 // nothing to report
	exitFindings = 1 // the input has problems, reported on stderr
	exitUsage    = 2 // bad command line, unreadable input or unwritable output
	exitInternal = 3 // a bug in ie
)
