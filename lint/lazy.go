package lint

import (
	"regexp"
	"sync"
)

// lazyRegexp returns a function that compiles expr on its first call and
// returns that expression on every call. The package's expressions are
// compiled so: a run that needs none of them compiles none, where
// compiling them at start-up took some 7% of a run over one file.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
