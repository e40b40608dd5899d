package lint

import "testing"

func TestSuggest(t *testing.T) {
	candidates := []string{"bucket", "logBucket", "manifestVersion", "accessKeyId", "acl"}
	for _, c := range []struct{ in, want string }{
		{"bukcet", "bucket"},
		{"buckt", "bucket"},
		{"manifestversion", "manifestVersion"},
		{"AccessKeyID", "accessKeyId"},
		{"logbucket", "logBucket"},
		{"zebra", ""},
		{"ac", "acl"},
		{"x", ""},
	} {
		if got := suggest(c.in, candidates); got != c.want {
			t.Errorf("suggest(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "abc", 0}, {"abc", "acb", 1}, {"abc", "ab", 1},
		{"kitten", "sitting", 3}, {"", "abc", 3},
	} {
		if got := distance(c.a, c.b); got != c.want {
			t.Errorf("distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}
