package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"

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
be read. The output is data: every value is printed as written, secrets
(pinCode, trueCryptPassword) included.

Exit status: 0 no errors, 1 syntax errors, 2 usage error, unreadable input
or unwritable output, 3 internal error.
`

func runJSON(e *env, args []string) int {
	e.maxSizeFlag()
	paths, code, ok := e.parse(args, 1, -1)
	if !ok {
		return code
	}
	out := bufio.NewWriter(e.stdout)
	for _, path := range paths {
		name, src, err := e.readInput(path)
		if err != nil {
			code = max(code, e.fail(ExitUsage, "%v", err))
			continue
		}
		f, diags := parser.Parse(name, src)
		e.diagnostics(name, src, diags)
		if len(diags) > 0 {
			code = max(code, ExitFindings)
		}
		writeJSON(out, f.Body, 0)
		out.WriteByte('\n')
		if err := out.Flush(); err != nil {
			return e.fail(ExitUsage, "writing the output: %v", err)
		}
	}
	return code
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
