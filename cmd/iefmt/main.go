// Command iefmt formats AWS Import/Export manifests in the one canonical
// style, like gofmt. It is the same code as "ie fmt"; run "iefmt -h" for
// its flags.
package main

import (
	"os"

	"github.com/iekit/iekit/internal/cli"
)

func main() {
	os.Exit(cli.FmtMain(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
