// Command ie checks AWS Import/Export manifest files. Run "ie help" for its
// commands.
package main

import (
	"os"

	"github.com/iekit/iekit/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
