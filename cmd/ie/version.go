package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

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

// version returns the module version ie was built at, "devel" for a build
// from a source tree, with the VCS revision when the build recorded one.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := info.Main.Version
	if v == "" || v == "(devel)" {
		v = "devel"
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " " + s.Value[:12]
		}
	}
	return v
}
