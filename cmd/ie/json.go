package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/iekit/iekit/internal/cli"
	"github.com/iekit/iekit/internal/inputfile"
	"github.com/iekit/iekit/parser"
)

var jsonCommand = &command{
	name:    "json",
	summary: "print a manifest's data as JSON",
	usage:   jsonUsage,
	run:     runJSON,
}

const jsonUsage = `usage: ie json FILE...

Json parses each manifest and prints its data as JSON: mappings as objects
(keys in file order), lists as arrays, and every value as a string, exactly
as written (quotes removed and escapes decoded, never retyped: 2.0 stays
"2.0", yes stays "yes", an empty value is ""). With several files it prints
one JSON document per file, in order. "-" reads standard input.

Syntax errors go to standard error as "file:line:col: error: message
[syntax]"; the data of a broken file is still printed, as far as it could
be read.

Exit status: 0 no errors, 1 syntax errors, 2 usage error, unreadable input
or unwritable output, 3 internal error.
`

func runJSON(args []string, std stdio) int {
	fs := flag.NewFlagSet("json", flag.ContinueOnError)
	var maxSize inputfile.Limit
	fs.Var(&maxSize, "max-size", inputfile.FlagUsage)
	fs.SetOutput(std.err)
	fs.Usage = func() { fmt.Fprint(std.err, jsonUsage) }
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return cli.ExitOK
		}
		return cli.ExitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprint(std.err, "usage: ie json FILE...\nRun 'ie help json' for details.\n")
		return cli.ExitUsage
	}
	out := bufio.NewWriter(std.out)
	code := cli.ExitOK
	for _, path := range fs.Args() {
		name, src, err := readInput(path, std.in, maxSize)
		if err != nil {
			fmt.Fprintf(std.err, "ie: %v\n", err)
			code = max(code, cli.ExitUsage)
			continue
		}
		f, diags := parser.Parse(name, src)
		for _, d := range diags {
			fmt.Fprintf(std.err, "%s:%s\n", name, d)
		}
		if len(diags) > 0 {
			code = max(code, cli.ExitFindings)
		}
		writeJSON(out, f.Body, 0)
		out.WriteByte('\n')
		if err := out.Flush(); err != nil {
			fmt.Fprintf(std.err, "ie: writing the output: %v\n", err)
			return cli.ExitUsage
		}
	}
	return code
}

// readInput reads the file at path, or standard input for "-". It returns
// the name to use in messages.
func readInput(path string, stdin io.Reader, limit inputfile.Limit) (string, []byte, error) {
	if path == "-" {
		src, err := inputfile.ReadAll(stdin, "standard input", limit)
		return "<stdin>", src, err
	}
	src, err := inputfile.Read(path, limit)
	return path, src, err
}

// writeJSON writes the data of a block as indented JSON. An entry or item
// with nothing after its colon or dash and no block is "".
func writeJSON(w *bufio.Writer, n parser.Node, depth int) {
	indent := strings.Repeat("  ", depth+1)
	switch n := n.(type) {
	case *parser.Mapping:
		if len(n.Entries) == 0 {
			w.WriteString("{}")
			return
		}
		w.WriteString("{")
		for i, e := range n.Entries {
			if i > 0 {
				w.WriteByte(',')
			}
			w.WriteString("\n" + indent)
			writeString(w, e.Key.Name)
			w.WriteString(": ")
			writeValue(w, e.Value, e.Block, depth+1)
		}
		w.WriteString("\n" + indent[2:] + "}")
	case *parser.List:
		w.WriteString("[")
		for i, it := range n.Items {
			if i > 0 {
				w.WriteByte(',')
			}
			w.WriteString("\n" + indent)
			writeValue(w, it.Value, it.Block, depth+1)
		}
		w.WriteString("\n" + indent[2:] + "]")
	}
}

// writeValue writes what an entry or item holds. When a broken manifest
// gives one both a value and a block, the block is written.
func writeValue(w *bufio.Writer, v *parser.Scalar, block parser.Block, depth int) {
	switch {
	case block != nil:
		writeJSON(w, block, depth)
	case v != nil:
		writeString(w, v.Text)
	default:
		w.WriteString(`""`)
	}
}

// writeString writes s as a JSON string, leaving <, > and & readable.
func writeString(w *bufio.Writer, s string) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.Encode(s) // a string always encodes
	w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
}
