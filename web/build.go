// Package web builds the iekit playground: the page of this directory,
// its script bundled with esbuild, the engine (cmd/playground) compiled
// to WebAssembly, and a reference page for each lint rule. The result is
// a directory of static files that any web server can publish.
package web

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/iekit/iekit/schema"
)

// ErrNoModules is returned by Build when the page's npm packages (esbuild
// and CodeMirror) are not installed: "npm ci" in web/ installs them.
var ErrNoModules = errors.New("web/node_modules is missing esbuild: run \"npm ci\" in web/")

// The files Build writes besides the rule pages.
const (
	WasmFile   = "iekit.wasm"     // the engine
	ScriptFile = "playground.js"  // the page's script, CodeMirror included
	StyleFile  = "playground.css" // the page's style
)

// Build writes the playground into out: root is the module's root
// directory, which holds web/, cmd/playground and examples/.
func Build(root, out string) error {
	dir := filepath.Join(root, "web")
	esbuild := filepath.Join(dir, "node_modules", ".bin", "esbuild")
	if _, err := os.Stat(esbuild); err != nil {
		return ErrNoModules
	}
	if err := os.MkdirAll(filepath.Join(out, "rules"), 0o755); err != nil {
		return err
	}
	absOut, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	// The engine, as small as it goes: no symbol table, no DWARF.
	wasm := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", filepath.Join(absOut, WasmFile), "./cmd/playground")
	wasm.Dir = root
	wasm.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if err := run(wasm); err != nil {
		return err
	}
	goroot, err := output(exec.Command("go", "env", "GOROOT"))
	if err != nil {
		return err
	}
	if err := copyFile(filepath.Join(goroot, "lib", "wasm", "wasm_exec.js"), filepath.Join(out, "wasm_exec.js")); err != nil {
		return err
	}
	if err := copyFile(filepath.Join(dir, "boot.js"), filepath.Join(out, "boot.js")); err != nil {
		return err
	}
	bundle := exec.Command(esbuild, "src/main.js", "--bundle", "--minify", "--format=esm",
		"--log-level=warning", "--outdir="+absOut, "--entry-names=playground")
	bundle.Dir = dir
	if err := run(bundle); err != nil {
		return err
	}
	if err := writePage(root, out); err != nil {
		return err
	}
	return WriteRules(filepath.Join(out, "rules"))
}

// Example is a manifest one click away in the page.
type Example struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

// Examples returns the example manifest of each job kind, from
// examples/ under root.
func Examples(root string) ([]Example, error) {
	var out []Example
	for _, k := range schema.Kinds {
		data, err := os.ReadFile(filepath.Join(root, "examples", k.String()+".manifest"))
		if err != nil {
			return nil, err
		}
		out = append(out, Example{Name: k.String(), Text: string(data)})
	}
	return out, nil
}

// writePage writes index.html with the examples and the job kinds.
func writePage(root, out string) error {
	tmpl, err := template.ParseFiles(filepath.Join(root, "web", "index.html"))
	if err != nil {
		return err
	}
	examples, err := Examples(root)
	if err != nil {
		return err
	}
	var kinds []string
	for _, k := range schema.Kinds {
		kinds = append(kinds, k.String())
	}
	var b bytes.Buffer
	if err := tmpl.Execute(&b, map[string]any{"Examples": examples, "Kinds": kinds}); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "index.html"), b.Bytes(), 0o644)
}

// run runs cmd, and returns its standard error in the error when it fails.
func run(cmd *exec.Cmd) error {
	_, err := output(cmd)
	return err
}

// output runs cmd and returns its standard output, trimmed.
func output(cmd *exec.Cmd) (string, error) {
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, stderr.Bytes())
	}
	return strings.TrimSpace(stdout.String()), nil
}

// copyFile copies the file from to the file to.
func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o644)
}
