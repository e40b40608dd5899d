// Playground is the iekit playground: the linter, the formatter and the
// request builder compiled to WebAssembly and driven by the page in web/.
//
// Built with GOOS=js GOARCH=wasm, it is the page's engine: it sets the
// global object iekit, whose functions take the manifest as a string and
// return JSON. Built for the machine it runs on, it builds the page and
// serves it on 127.0.0.1, or writes it as static files:
//
//	go run ./cmd/playground              # build, then serve on http://127.0.0.1:8080
//	go run ./cmd/playground -o public    # write the static site into public
package main
