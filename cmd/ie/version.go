package main

import (
	"fmt"
	"runtime"

	"github.com/iekit/iekit/internal/buildinfo"
	"github.com/iekit/iekit/internal/cli"
)

var versionCommand = &command{
	name:    "version",
	summary: "print ie's version",
	usage: `usage: ie version

Version prints the version of ie, the Go version that built it, and the
platform.
`,
	run: func(args []string, std stdio) int {
		if len(args) > 0 {
			fmt.Fprint(std.err, "usage: ie version\n")
			return cli.ExitUsage
		}
		fmt.Fprintf(std.out, "ie %s %s %s/%s\n", version(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
		return cli.ExitOK
	},
}

// version returns the version of this build: the module version, or the
// one a release build gave the linker, with the commit when known.
func version() string { return buildinfo.Read().String() }
