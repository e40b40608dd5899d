package cli

import (
	"fmt"
	"runtime"

	"github.com/iekit/iekit/internal/buildinfo"
)

var versionCommand = &command{
	name:    "version",
	summary: "print ie's version",
	usage: `usage: ie version

Version prints the version of ie, the Go version that built it, and the
platform. "ie -version" and "ie --version" do the same.
`,
	run: runVersion,
}

func runVersion(e *env, args []string) int {
	if _, code, ok := e.parse(args, 0, 0); !ok {
		return code
	}
	fmt.Fprintf(e.stdout, "%s %s %s %s/%s\n", e.program(), version(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return ExitOK
}

// version returns the version of this build: the module version, or the
// one a release build gave the linker, with the commit when known.
func version() string { return buildinfo.Read().String() }
