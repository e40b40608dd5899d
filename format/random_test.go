package format

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/iekit/iekit/parser"
)

// TestRandom formats generated manifests that mix every shape of spec §2
// (mappings and lists nested four deep at any indentation, YAML-compact
// lists, dashes alone, empty items and values, comments at any column,
// blank lines, odd spacing around colons) and checks the output as
// TestCorpus does, then formats the range of every entry and item of some
// of them as TestRange does. The seeds are fixed: a failure is a fixed
// input, printed so that it can become a case of its own.
func TestRandom(t *testing.T) {
	const n = 2000
	formatted, ranged := 0, 0
	var fails, rangeFails []string
	for seed := range int64(n) {
		src := randomManifest(rand.New(rand.NewSource(seed)))
		if _, diags := parser.Parse("", src); diags.HasErrors() {
			continue
		}
		formatted++
		out, err := Source(src)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if err := checkFormatted(src, out); err != nil {
			fails = append(fails, fmt.Sprintf("seed %d: %q:\n%v", seed, src, err))
			continue
		}
		if seed%4 != 0 {
			continue
		}
		ranged++
		f, _ := parser.Parse("", src)
		failed := false
		parser.Inspect(f, func(n parser.Node) bool {
			switch n.(type) {
			case *parser.Entry, *parser.Item:
				if _, err := checkRange(src, n.Pos().Offset, n.End().Offset, out); err != nil && !failed {
					failed = true
					rangeFails = append(rangeFails, fmt.Sprintf("seed %d: range [%d, %d) of %q:\n%v",
						seed, n.Pos().Offset, n.End().Offset, src, err))
				}
			}
			return !failed
		})
	}
	if formatted < n/2 {
		t.Errorf("only %d of %d generated manifests have no syntax errors", formatted, n)
	}
	report := func(what string, fails []string, of int) {
		if len(fails) > 0 {
			t.Errorf("%s fails on %d of %d generated manifests; the first:\n%s", what, len(fails), of, fails[0])
		}
	}
	report("formatting", fails, formatted)
	report("Range", rangeFails, ranged)
}

// randomManifest generates a manifest, nearly always without syntax
// errors, from r.
func randomManifest(r *rand.Rand) []byte {
	g := &generator{r: r}
	top := 0
	if r.Intn(10) == 0 {
		top = 1 + r.Intn(3)
	}
	if r.Intn(20) == 0 {
		g.b.WriteString(bom)
	}
	g.mapping(top, 0)
	g.blanks()
	g.comment()
	s := g.b.String()
	if r.Intn(10) == 0 {
		s = strings.ReplaceAll(s, "\n", "\r\n")
	}
	if r.Intn(10) == 0 {
		s = strings.TrimSuffix(s, "\n")
	}
	return []byte(s)
}

type generator struct {
	r *rand.Rand
	b strings.Builder
	n int // numbers keys, items and comments
}

func (g *generator) next() int { g.n++; return g.n }

// blanks sometimes writes blank lines, some holding blanks.
func (g *generator) blanks() {
	switch g.r.Intn(8) {
	case 0:
		g.b.WriteString("\n")
	case 1:
		g.b.WriteString("  \n\n")
	}
}

// comment sometimes writes a comment line at any column.
func (g *generator) comment() {
	if g.r.Intn(4) == 0 {
		fmt.Fprintf(&g.b, "%s# c%d\n", strings.Repeat(" ", g.r.Intn(12)), g.next())
	}
}

// mapping writes one to three entries with their keys at col.
func (g *generator) mapping(col, depth int) {
	for range 1 + g.r.Intn(3) {
		g.blanks()
		g.comment()
		g.entry(strings.Repeat(" ", col), depth)
	}
}

// entry writes an entry after lead (its indentation, or the dash of an
// item): "key: value", or a key opening a mapping or a list.
func (g *generator) entry(lead string, depth int) {
	key := fmt.Sprintf("k%d", g.next())
	if g.r.Intn(10) == 0 {
		key = fmt.Sprintf("%q", key+" q")
	}
	if depth < 4 && g.r.Intn(3) == 0 {
		g.b.WriteString(lead + key + ":" + g.pick("", "", " ", "\t") + "\n")
		col := len(lead)
		if g.r.Intn(2) == 0 {
			g.mapping(col+1+g.r.Intn(5), depth+1)
		} else {
			width := 1 + g.r.Intn(4)
			if g.r.Intn(3) == 0 {
				width = 0 // YAML-compact
			}
			g.list(col+width, depth+1)
		}
		return
	}
	value := g.pick("v", "", "a  b", `"q\t"`, "'it''s'", "x:y", "#h", "a\tb", "a\rb", "- x")
	sep := g.pick(": ", ":", ":   ", " : ", ":\t")
	if value == "" {
		sep = g.pick(":", ": ", ":\t")
	}
	g.b.WriteString(lead + key + sep + value + g.pick("", "", " ", "\t") + "\n")
}

// list writes one to three items with their dashes at col.
func (g *generator) list(col, depth int) {
	ind := strings.Repeat(" ", col)
	for range 1 + g.r.Intn(3) {
		g.blanks()
		g.comment()
		switch g.r.Intn(4) {
		case 0:
			fmt.Fprintf(&g.b, "%s- s%d%s\n", ind, g.next(), g.pick("", " "))
		case 1: // "- key: value" and keys aligned under the first
			lead := ind + "-" + strings.Repeat(" ", 1+g.r.Intn(3))
			g.entry(lead, depth+1)
			for range g.r.Intn(3) {
				g.blanks()
				g.comment()
				g.entry(strings.Repeat(" ", len(lead)), depth+1)
			}
		case 2: // a dash alone, and a block below it
			g.b.WriteString(ind + "-\n")
			if depth < 4 {
				g.blanks()
				g.comment()
				if g.r.Intn(2) == 0 {
					g.mapping(col+1+g.r.Intn(4), depth+1)
				} else {
					g.list(col+1+g.r.Intn(4), depth+1)
				}
			}
		case 3: // an empty item
			g.b.WriteString(ind + "-" + g.pick("", " ") + "\n")
		}
	}
}

func (g *generator) pick(choices ...string) string { return choices[g.r.Intn(len(choices))] }
