package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"
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
