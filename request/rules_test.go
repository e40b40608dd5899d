package request

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	iep "github.com/iekit/iekit/parser"
)

// TestRuleDocs checks that every rule the decoder can report is
// documented, and only those: the rule names are the constants passed to
// report in the package's code, read from its source, so a new check
// cannot go undocumented.
func TestRuleDocs(t *testing.T) {
	reported := reportedRules(t)
	if len(reported) < 12 {
		t.Fatalf("found only %d rules reported in the code: %v", len(reported), reported)
	}
	documented := map[string]bool{}
	for _, r := range Rules {
		if documented[r.Name] {
			t.Errorf("%s: documented twice", r.Name)
		}
		documented[r.Name] = true
		if !reported[r.Name] {
			t.Errorf("%s: documented, but no code reports it", r.Name)
		}
	}
	for name := range reported {
		if !documented[name] {
			t.Errorf("%s: reported, but not in Rules", name)
		}
	}
}

// TestRuleExamples checks each rule's documentation: complete, and its
// fragment to avoid reported by that rule, the one to prefer not.
func TestRuleExamples(t *testing.T) {
	for _, r := range Rules {
		if r.Severity != iep.SeverityError || r.Summary == "" || r.Doc == "" || r.Avoid == "" || r.Prefer == "" {
			t.Errorf("%s: incomplete documentation: %+v", r.Name, r)
		}
		if strings.HasSuffix(r.Summary, ".") || strings.Contains(r.Summary, "\n") {
			t.Errorf("%s: the summary %q is not one line without a final period", r.Name, r.Summary)
		}
		if !fires(r.Avoid, r.Name) {
			t.Errorf("%s: the fragment to avoid is not reported:\n%s%v", r.Name, r.Avoid, Decode([]byte(r.Avoid)).Diagnostics)
		}
		if fires(r.Prefer, r.Name) {
			t.Errorf("%s: the fragment to prefer is reported:\n%s%v", r.Name, r.Prefer, Decode([]byte(r.Prefer)).Diagnostics)
		}
		if LookupRule(r.Name) != r {
			t.Errorf("LookupRule(%q) does not find it", r.Name)
		}
	}
	if LookupRule("yes-no") != nil {
		t.Error("LookupRule finds a rule that is not the decoder's")
	}
}

// fires reports whether rule reports input. A signature that does not
// hold is found by verifying, with the example credentials the rules'
// examples are signed with.
func fires(input, rule string) bool {
	d := Decode([]byte(input))
	diags := d.Diagnostics
	if rule == RuleSignatureMatch {
		v, err := d.Verify(Credentials{AccessKeyID: "AKIAIOSFODNN7EXAMPLE", SecretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"})
		if err != nil || v.OK == (v.Diagnostic != nil) {
			return false
		}
		if v.Diagnostic != nil {
			diags = append(diags, *v.Diagnostic)
		}
	}
	for _, d := range diags {
		if d.Rule == rule {
			return true
		}
	}
	return false
}

// reportedRules returns the values of the constants that the package's
// code passes to report, which makes every finding, or sets as the Rule
// of a finding it makes itself.
func reportedRules(t *testing.T) map[string]bool {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	consts := map[string]string{}
	var args []ast.Expr
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for i, id := range n.Names {
					if i < len(n.Values) {
						if lit, ok := n.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
							consts[id.Name], _ = strconv.Unquote(lit.Value)
						}
					}
				}
			case *ast.CallExpr:
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "report" && len(n.Args) > 0 {
					args = append(args, n.Args[0])
				}
			case *ast.FuncDecl:
				return n.Name.Name != "report" // which sets the Rule it is given
			case *ast.KeyValueExpr:
				if key, ok := n.Key.(*ast.Ident); ok && key.Name == "Rule" {
					args = append(args, n.Value)
				}
			}
			return true
		})
	}
	out := map[string]bool{}
	for _, a := range args {
		id, ok := a.(*ast.Ident)
		if !ok || consts[id.Name] == "" {
			t.Errorf("%s: report is called with something other than a rule constant", fset.Position(a.Pos()))
			continue
		}
		out[consts[id.Name]] = true
	}
	return out
}
