package layout

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/iekit/iekit"

// root is the module's directory, from this package's.
const root = "../.."

// layers ranks the packages of the module: a package may import only
// packages of a lower rank. Leaves are utilities that import nothing of
// the module, and that any package may import.
var layers = []struct {
	rank     int
	prefixes []string // the package paths, relative to the module; "x/" takes in everything under x
}{
	{0, []string{"parser"}},
	{1, []string{"schema"}},
	{2, []string{"lint", "format", "request"}},
	{3, []string{"lsp"}},
	{4, []string{"internal/cli", "web"}},
	{5, []string{"cmd/"}},
}

// leaves are the utility packages: they import nothing of the module.
var leaves = []string{"internal/par", "internal/benchdata", "internal/fuzzedit", "internal/benchplot", "internal/layout", "internal/buildinfo", "internal/color", "internal/inputfile", "internal/pty", "internal/docsync", "internal/visible", "editors/vscode"}

// sideways are the imports between packages of one rank that the
// layout allows: the Manifest parameter of a request carries the
// canonical form.
var sideways = map[[2]string]bool{{"request", "format"}: true}

// rank returns the rank of a package of the module, and false for a
// package the layout does not place.
func rank(pkg string) (int, bool) {
	for _, l := range layers {
		for _, p := range l.prefixes {
			if pkg == p || strings.HasSuffix(p, "/") && strings.HasPrefix(pkg, p) {
				return l.rank, true
			}
		}
	}
	return 0, false
}

// file is a Go file of the module, not a test.
type file struct {
	pkg  string // its package's path, relative to the module
	path string
	ast  *ast.File
}

// sources parses every Go file of the module that is not a test, with
// its comments left out.
func sources(t *testing.T) []file {
	t.Helper()
	var out []file
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, filepath.Dir(path))
		if err != nil {
			return err
		}
		out = append(out, file{pkg: filepath.ToSlash(rel), path: path, ast: f})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatal("no Go files found")
	}
	return out
}

// imports returns the import paths of a file.
func imports(f *ast.File) []string {
	var out []string
	for _, imp := range f.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		out = append(out, p)
	}
	return out
}

// TestImportOrder checks that every import between the module's packages
// points down the layers, and that every package has a place in them.
func TestImportOrder(t *testing.T) {
	for _, f := range sources(t) {
		from, placed := rank(f.pkg)
		leaf := slices.Contains(leaves, f.pkg)
		if !placed && !leaf && f.pkg != "." {
			t.Errorf("%s: package %s has no place in the layout: add it to layers or leaves", f.path, f.pkg)
			continue
		}
		for _, imp := range imports(f.ast) {
			to, ok := strings.CutPrefix(imp, module+"/")
			if !ok {
				continue
			}
			switch r, known := rank(to); {
			case leaf:
				t.Errorf("%s: %s is a utility, and imports %s of the module", f.path, f.pkg, to)
			case slices.Contains(leaves, to), sideways[[2]string{f.pkg, to}]:
			case !known:
				t.Errorf("%s: imports %s, which has no place in the layout", f.path, to)
			case r >= from:
				t.Errorf("%s: %s imports %s, against the order cmd -> internal/cli -> lsp -> {lint, format, request} -> schema -> parser", f.path, f.pkg, to)
			}
		}
	}
}

// TestParticipleOnlyInParser checks that participle, the parser's
// grammar library, is imported by the parser alone.
func TestParticipleOnlyInParser(t *testing.T) {
	for _, f := range sources(t) {
		for _, imp := range imports(f.ast) {
			if strings.HasPrefix(imp, "github.com/alecthomas/participle") && f.pkg != "parser" {
				t.Errorf("%s: imports %s: participle stays inside parser", f.path, imp)
			}
		}
	}
}

// textFuncs are the packages whose functions read text: a message passed
// to one of them is being parsed.
var textFuncs = []string{"strings", "strconv", "regexp", "bytes", "unicode", "utf8"}

// TestLSPReadsNoMessages checks that the language server does not work
// out what a finding means from its message: no message of a finding is
// handed to a text function, and no text the linter writes into findings
// (a piece of a message, the directive, the redaction marker) is spelt
// again in lsp.
func TestLSPReadsNoMessages(t *testing.T) {
	files := sources(t)
	var said []string // what lint says: the texts of its messages and exported constants
	for _, f := range files {
		if f.pkg == "lint" {
			said = append(said, messageTexts(f.ast)...)
		}
	}
	if len(said) == 0 {
		t.Fatal("no message text found in lint")
	}
	for _, f := range files {
		if f.pkg != "lsp" {
			continue
		}
		ast.Inspect(f.ast, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ImportSpec, *ast.Field:
				return false // paths and struct tags
			case *ast.CallExpr:
				fn, ok := n.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				if pkg, ok := fn.X.(*ast.Ident); !ok || !slices.Contains(textFuncs, pkg.Name) {
					return true
				}
				for _, arg := range n.Args {
					if sel, ok := arg.(*ast.SelectorExpr); ok && sel.Sel.Name == "Message" {
						t.Errorf("%s: %s.%s reads a finding's message: use its rule, data or fixes", f.path, fn.X, fn.Sel.Name)
					}
				}
			case *ast.BasicLit:
				s, ok := stringValue(n)
				if !ok || len(strings.TrimSpace(s)) < 9 {
					return true // too short to be anyone's own words
				}
				for _, m := range said {
					if strings.Contains(m, s) {
						t.Errorf("%s: %q is the linter's text (in %q): use what lint exports", f.path, s, m)
						break
					}
				}
			}
			return true
		})
	}
}

// messageTexts returns the strings a file of lint puts into findings:
// the literals passed to calls (formats of messages and titles), the
// values of Message and Title fields, and constants.
func messageTexts(f *ast.File) []string {
	var out []string
	add := func(e ast.Expr) { // the literals of e, "a" + b + "c" included
		ast.Inspect(e, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit, *ast.CallExpr:
				return n == e // a call's own arguments are visited as a call
			case *ast.BasicLit:
				if s, ok := stringValue(n); ok {
					out = append(out, s)
				}
			}
			return true
		})
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			for _, a := range n.Args {
				add(a)
			}
		case *ast.KeyValueExpr:
			if k, ok := n.Key.(*ast.Ident); ok && (k.Name == "Message" || k.Name == "Title") {
				add(n.Value)
			}
		case *ast.GenDecl:
			if n.Tok != token.CONST {
				return true
			}
			for _, spec := range n.Specs {
				for _, v := range spec.(*ast.ValueSpec).Values {
					add(v)
				}
			}
		}
		return true
	})
	return out
}

// stringValue returns the value of a string literal.
func stringValue(lit *ast.BasicLit) (string, bool) {
	if lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}
