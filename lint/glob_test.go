package lint

import "testing"

func TestMatchGlob(t *testing.T) {
	for _, c := range []struct {
		pattern, name string
		want          bool
	}{
		{"**/*.manifest", "a.manifest", true},
		{"**/*.manifest", "x/y/a.manifest", true},
		{"**/*.manifest", "x/y/a.yaml", false},
		{"jobs/*.manifest", "jobs/a.manifest", true},
		{"jobs/*.manifest", "jobs/old/a.manifest", false},
		{"jobs/**", "jobs/old/a.manifest", true},
		{"**/old/**", "jobs/old/a.manifest", true},
		{"**/old/**", "jobs/older/a.manifest", false},
		{"a/**/b", "a/b", true},
		{"a/**/b", "a/x/y/b", true},
	} {
		if got := matchGlob(c.pattern, c.name); got != c.want {
			t.Errorf("matchGlob(%q, %q) = %v, want %v", c.pattern, c.name, got, c.want)
		}
	}
}
