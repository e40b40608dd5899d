package lint

import (
	"fmt"
	"regexp"
	"slices"
	"testing"

	"github.com/iekit/iekit/parser"
)

// TestItemScope checks what each rule of ScopeItem promises (see Scope)
// on every manifest of the corpus and of the rule cases that has a
// top-level list: each of the rule's findings lies within one unit (an
// item, or the text around the lists) and names no line; and linted
// with the text around
// the lists and one item alone, each item gets the findings it gets in
// the whole manifest, and the text around the lists too.
func TestItemScope(t *testing.T) {
	for i, src := range fuzzSeeds(t) {
		for _, rule := range Rules {
			if rule.Scope != ScopeItem {
				continue
			}
			if problem := itemScopeProblem(rule, src); problem != "" {
				t.Errorf("seed %d: rule %s: %s\n%s", i, rule.Name, problem, src)
			}
		}
	}
}

// itemScopeProblem returns how rule breaks the promise of ScopeItem on
// src, or "".
func itemScopeProblem(rule *Rule, src []byte) string {
	f, _ := parser.Parse("scope.manifest", src)
	lay := layoutOf(f, src)
	if len(lay.lists) == 0 {
		return ""
	}
	p := newPass(f, src, Default())
	lint := func(f *parser.File) parser.Diagnostics {
		q := &Pass{File: f, Src: src, Kind: p.Kind, Markers: p.Markers, Forced: p.Forced, Region: p.Region, newline: p.newline}
		q.run(rule)
		return q.diags
	}
	// byUnit groups findings by unit: list and item, item -1 around the
	// lists.
	byUnit := func(ds parser.Diagnostics) map[[2]int][]string {
		out := map[[2]int][]string{}
		for _, d := range ds {
			list, item, _ := lay.unitOf(d.Start.Offset, len(src))
			out[[2]int{list, item}] = append(out[[2]int{list, item}], describe(d))
		}
		return out
	}
	whole := lint(f)
	for _, d := range whole {
		for _, msg := range append([]string{d.Message}, relatedMessages(d)...) {
			if namesLine.MatchString(msg) {
				return fmt.Sprintf("finding %s names a line", describe(d))
			}
		}
		if _, item, u := lay.unitOf(d.Start.Offset, len(src)); item >= 0 && !u.holds(d) || item < 0 && !lay.aroundItems(d, len(src)) {
			return fmt.Sprintf("finding %s is about an item and more", describe(d))
		}
	}
	want := byUnit(whole)
	for i, l := range lay.lists {
		for j := range l.items {
			only := make([][]int, len(lay.lists))
			only[i] = []int{j}
			got := byUnit(lint(subset(f, lay, only)))
			for k := range len(lay.lists) + 1 {
				if !slices.Equal(got[[2]int{k, -1}], want[[2]int{k, -1}]) {
					return fmt.Sprintf("with item %d of list %d alone, the findings around the lists are\n%q\nnot\n%q", j, i, got[[2]int{k, -1}], want[[2]int{k, -1}])
				}
			}
			if key := [2]int{i, j}; !slices.Equal(got[key], want[key]) {
				return fmt.Sprintf("item %d of list %d alone has the findings\n%q\nnot\n%q", j, i, got[key], want[key])
			}
		}
	}
	return ""
}

// namesLine matches a message that names a line of the source.
var namesLine = regexp.MustCompile(`\bline \d`)

// relatedMessages returns the messages of d's related places.
func relatedMessages(d parser.Diagnostic) []string {
	var out []string
	for _, r := range d.Related {
		out = append(out, r.Message)
	}
	return out
}

// describe returns all of a finding as text.
func describe(d parser.Diagnostic) string {
	s := fmt.Sprintf("%d-%d %s %s %s %v %v", d.Start.Offset, d.End.Offset, d.Start, d.Rule, d.Message, d.Related, d.Fixes)
	if d.Data != nil {
		s += fmt.Sprintf(" %v", *d.Data)
	}
	return s
}
