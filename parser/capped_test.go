package parser

import "testing"

// TestCapped checks that a list keeps max findings of each rule, then one
// at the first left out with their worst severity and how many they are.
func TestCapped(t *testing.T) {
	fix := []Fix{{Title: "f", Safe: true}}
	l := Diagnostics{
		{Rule: "r", Severity: SeverityInfo, Start: Pos{Offset: 1}, Message: "a"},
		{Rule: "r", Severity: SeverityInfo, Start: Pos{Offset: 2}, Message: "b", Fixes: fix},
		{Rule: "q", Severity: SeverityWarning, Start: Pos{Offset: 3}, Message: "c"},
		{Rule: "r", Severity: SeverityError, Start: Pos{Offset: 4}, Message: "d"},
	}
	got := l.Capped(1)
	want := Diagnostics{
		{Rule: "r", Severity: SeverityInfo, Start: Pos{Offset: 1}, Message: "a"},
		{Rule: "r", Severity: SeverityError, Start: Pos{Offset: 2}, Message: "... and 2 more findings of this rule in this file: only the first 1 are reported"},
		{Rule: "q", Severity: SeverityWarning, Start: Pos{Offset: 3}, Message: "c"},
	}
	if len(got) != len(want) {
		t.Fatalf("Capped(1) = %v", got)
	}
	for i := range want {
		if g, w := got[i], want[i]; g.Rule != w.Rule || g.Severity != w.Severity || g.Start != w.Start || g.Message != w.Message || g.Fixes != nil {
			t.Errorf("finding %d: %+v, want %+v", i, g, w)
		}
	}
	for _, max := range []int{0, -1, 2, 3} {
		if n := len(l.Capped(max)); n != 4 {
			t.Errorf("Capped(%d) kept %d of 4", max, n)
		}
	}
}
