package buildinfo

import (
	"runtime/debug"
	"testing"
)

func TestRead(t *testing.T) {
	none := func() (*debug.BuildInfo, bool) { return nil, false }
	stamped := func(version string, settings ...debug.BuildSetting) func() (*debug.BuildInfo, bool) {
		return func() (*debug.BuildInfo, bool) {
			bi := &debug.BuildInfo{Settings: settings}
			bi.Main.Version = version
			return bi, true
		}
	}
	rev := debug.BuildSetting{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"}
	at := debug.BuildSetting{Key: "vcs.time", Value: "2026-11-30T12:00:00Z"}
	dirty := debug.BuildSetting{Key: "vcs.modified", Value: "true"}
	for _, c := range []struct {
		name                  string
		version, commit, date string
		bi                    func() (*debug.BuildInfo, bool)
		want                  string
	}{
		{"nothing known", "", "", "", none, "devel"},
		{"source build", "", "", "", stamped("(devel)"), "devel"},
		{"go install at a tag", "", "", "", stamped("v1.2.3"), "v1.2.3"},
		{"checkout", "", "", "", stamped("(devel)", rev, at), "devel 0123456789ab 2026-11-30T12:00:00Z"},
		{"dirty checkout", "", "", "", stamped("(devel)", rev, at, dirty), "devel 0123456789ab+dirty 2026-11-30T12:00:00Z"},
		{"pseudo-version names the commit", "", "", "", stamped("v0.0.0-20261130120000-0123456789ab", rev, at), "v0.0.0-20261130120000-0123456789ab"},
		{"tag with vcs stamping", "", "", "", stamped("v1.2.3", rev, at), "v1.2.3 0123456789ab"},
		{"release ldflags, no vcs", "v1.4.0", "fedcba9876543210", "2026-12-01T00:00:00Z", stamped("(devel)"), "v1.4.0 fedcba987654"},
		{"ldflags win over the build", "v1.4.0", "", "", stamped("v1.2.3", rev), "v1.4.0 0123456789ab"},
	} {
		if got := read(c.version, c.commit, c.date, c.bi).String(); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}
