//go:build !(js && wasm)

package main

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/iekit/iekit/web"
)

// main builds the playground, then serves it or leaves it in a directory.
func main() {
	out := flag.String("o", "", "write the static site into this directory instead of serving it")
	addr := flag.String("addr", "127.0.0.1:8080", "serve on this address")
	flag.Usage = func() {
		fmt.Fprint(flag.CommandLine.Output(), "usage: go run ./cmd/playground [-o DIR] [-addr HOST:PORT]\n\nPlayground builds the browser playground (the engine compiled to WebAssembly,\nthe page bundled with esbuild, the rule pages) and serves it, or with -o\nwrites it as static files.\n\nFlags:\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := serve(*out, *addr); err != nil {
		fmt.Fprintf(os.Stderr, "playground: %v\n", err)
		os.Exit(1)
	}
}

func serve(out, addr string) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	dir := out
	if dir == "" {
		dir = filepath.Join(root, "web", "dist")
	}
	err = web.Build(root, dir)
	if errors.Is(err, web.ErrNoModules) {
		fmt.Fprintln(os.Stderr, "playground: installing the page's npm packages (npm ci in web/)")
		npm := exec.Command("npm", "ci", "--no-audit", "--no-fund")
		npm.Dir, npm.Stdout, npm.Stderr = filepath.Join(root, "web"), os.Stderr, os.Stderr
		if err := npm.Run(); err != nil {
			return fmt.Errorf("npm ci in web/: %v", err)
		}
		err = web.Build(root, dir)
	}
	if err != nil || out != "" {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "playground: serving %s on http://%s/ (interrupt to stop)\n", dir, ln.Addr())
	return http.Serve(ln, http.FileServer(http.Dir(dir)))
}

// moduleRoot returns the directory of the iekit module: the working
// directory or the nearest one above it with go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			if _, err := os.Stat(filepath.Join(dir, "web", "index.html")); err == nil {
				return dir, nil
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("run it inside the iekit checkout: no go.mod with web/ found")
		}
		dir = parent
	}
}
