package main

import "github.com/iekit/iekit/internal/cli"

var fmtCommand = &command{
	name:    "fmt",
	summary: "format manifests in the canonical style (same as iefmt)",
	usage:   cli.FmtUsage("ie fmt"),
	run: func(args []string, std stdio) int {
		return cli.Fmt("ie fmt", args, std.in, std.out, std.err)
	},
}
