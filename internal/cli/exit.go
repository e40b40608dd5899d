package cli

// The exit codes of every command.
const (
	ExitOK       = 0 // nothing to report
	ExitFindings = 1 // the input has problems, or (iefmt -l, -d) needs formatting
	ExitUsage    = 2 // bad command line, unreadable input, unwritable output; iefmt: syntax errors
	ExitInternal = 3 // a bug: a panic, or formatted text that failed its checks
)
