package lsp

import "testing"

// TestRuleDoc checks that the hover's lookup finds the rules of both
// catalogues, and nothing else.
func TestRuleDoc(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"yes-no", "yes-no (default severity: error)\n"},
		{"bad-escape", "bad-escape (default severity: error)\n"},
		{"content-length", "content-length (default severity: error)\n"},
	} {
		d := ruleDoc(c.name)
		if d == nil {
			t.Errorf("ruleDoc(%q) = nil", c.name)
		} else if got := d.Help(); len(got) < len(c.want) || got[:len(c.want)] != c.want {
			t.Errorf("ruleDoc(%q).Help() starts %q, want %q", c.name, got[:min(len(got), len(c.want))], c.want)
		}
	}
	if d := ruleDoc("no-such-rule"); d != nil {
		t.Errorf("ruleDoc found %q", d.Name)
	}
}
