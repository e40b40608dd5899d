package lint

import (
	"math/rand/v2"
	"path"
	"strings"
	"testing"
)

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
		{"jobs/**", "jobs", true},
		{"**/old/**", "jobs/old/a.manifest", true},
		{"**/old/**", "jobs/older/a.manifest", false},
		{"a/**/b", "a/b", true},
		{"a/**/b", "a/x/y/b", true},
		{"a/**/b", "a/x/y/c", false},
		{"**/a/**/b/**/c.manifest", "a/b/c.manifest", true},
		{"**/a/**/b/**/c.manifest", "x/b/a/b/c.manifest", true},
		{"**/a/**/b/**/c.manifest", "x/b/a/c.manifest", false},
		{"**", "", true},
		{"*", "", true},
		{"a", "", false},
	} {
		if got := matchGlob(c.pattern, c.name); got != c.want {
			t.Errorf("matchGlob(%q, %q) = %v, want %v", c.pattern, c.name, got, c.want)
		}
	}
}

// matchAll is matching by trying every split of the name at each "**":
// obviously right, and exponential.
func matchAll(pat, name []string) bool {
	if len(pat) == 0 {
		return len(name) == 0
	}
	if pat[0] == "**" {
		for i := 0; i <= len(name); i++ {
			if matchAll(pat[1:], name[i:]) {
				return true
			}
		}
		return false
	}
	return len(name) > 0 && matchSegment(pat[0], name[0]) && matchAll(pat[1:], name[1:])
}

// TestMatchGlobAgainstEverySplit checks the linear matcher against
// matchAll on random patterns and paths over a small alphabet, where
// matches and near misses are frequent.
func TestMatchGlobAgainstEverySplit(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	patSegs := []string{"**", "**", "a", "b", "*", "a*", "?"}
	nameSegs := []string{"a", "b", "ab", "ba"}
	pick := func(from []string, n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = from[r.IntN(len(from))]
		}
		return out
	}
	matches := 0
	for range 20000 {
		pat, name := pick(patSegs, 1+r.IntN(6)), pick(nameSegs, 1+r.IntN(7))
		want := matchAll(pat, name)
		if got := matchGlob(strings.Join(pat, "/"), strings.Join(name, "/")); got != want {
			t.Fatalf("matchGlob(%q, %q) = %v, want %v", path.Join(pat...), path.Join(name...), got, want)
		}
		if want {
			matches++
		}
	}
	if matches < 1000 || matches > 19000 {
		t.Fatalf("%d of 20000 cases match: the cases do not exercise both outcomes", matches)
	}
}

func TestCheckGlob(t *testing.T) {
	for _, c := range []struct{ glob, want string }{
		{"**/*.manifest", ""},
		{"old/**", ""},
		{"jobs/[a-c]*.manifest", ""},
		{"./**/*.manifest", `a "." segment never matches: paths are matched without "./"; did you mean "**/*.manifest"?`},
		{"jobs/./a.manifest", `a "." segment never matches: paths are matched without "./"; did you mean "jobs/a.manifest"?`},
		{"/srv/jobs/*.manifest", `globs match paths relative to the configuration's directory, never absolute ones; did you mean "srv/jobs/*.manifest"?`},
		{"../jobs/*.manifest", `a ".." segment never matches: globs match files under the configuration's directory only`},
		{"jobs/../old/*.manifest", `a ".." segment never matches: globs match files under the configuration's directory only; did you mean "old/*.manifest"?`},
		{`jobs\**\*.manifest`, `globs separate directories with "/", never "\"; did you mean "jobs/**/*.manifest"?`},
		{"old/", `an empty segment ("//", or "/" at the end) never matches a file; did you mean "old/**"?`},
		{"jobs//a.manifest", `an empty segment ("//", or "/" at the end) never matches a file; did you mean "jobs/a.manifest"?`},
		{"**.manifest", `"**" stands for whole path segments only, as in "**/*.manifest"; did you mean "**/*.manifest"?`},
		{"jobs/a**", `"**" stands for whole path segments only, as in "**/*.manifest"; did you mean "jobs/a*"?`},
		{"**/", `an empty segment ("//", or "/" at the end) never matches a file; did you mean "**"?`},
		{"", "an empty glob matches nothing"},
		{"jobs/[a-", "syntax error in pattern"},
		{"/", "globs match paths relative to the configuration's directory, never absolute ones"},
	} {
		got := ""
		if err := checkGlob(c.glob); err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("checkGlob(%q) = %q, want %q", c.glob, got, c.want)
		}
	}
}

// BenchmarkMatchGlob measures the worst case of matching: ten "**" over a
// path 26 deep that fails at its last segment, where trying every split
// takes about 30 s.
func BenchmarkMatchGlob(b *testing.B) {
	pattern := strings.Repeat("**/a/", 10) + "*.manifest"
	name := strings.Repeat("a/", 26) + "job.yaml"
	for b.Loop() {
		if matchGlob(pattern, name) {
			b.Fatal("matched")
		}
	}
}

// FuzzMatchGlob checks the linear matcher against matchAll on any
// pattern and path short enough for matchAll to finish.
func FuzzMatchGlob(f *testing.F) {
	f.Add("**/*.manifest", "x/y/a.manifest")
	f.Add("**/a/**/b/**", "a/b/a/b")
	f.Add("a/**/b", "a/x/y/c")
	f.Fuzz(func(t *testing.T, pattern, name string) {
		pat, segs := strings.Split(pattern, "/"), strings.Split(name, "/")
		if len(pat) > 8 || len(segs) > 12 {
			return
		}
		if got, want := matchGlob(pattern, name), matchAll(pat, segs); got != want {
			t.Fatalf("matchGlob(%q, %q) = %v, want %v", pattern, name, got, want)
		}
	})
}
