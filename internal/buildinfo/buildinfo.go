// Package buildinfo tells which build of iekit is running: its version,
// the commit it was built from and when.
//
// A release build sets them with the linker, which works whatever the
// build can see of version control:
//
//	go build -ldflags "-X github.com/iekit/iekit/internal/buildinfo.version=v1.2.3
//	    -X github.com/iekit/iekit/internal/buildinfo.commit=0123abc...
//	    -X github.com/iekit/iekit/internal/buildinfo.date=2026-12-01T10:00:00Z"
//
// Otherwise they come from what the Go toolchain records in the binary:
// the module version of "go install MODULE@VERSION", and the revision and
// time of a build from a checkout.
package buildinfo

import (
	"runtime/debug"
	"strings"
)

// Set by the linker in release builds; see the package documentation.
var version, commit, date string

// Info is what is known of a build. Commit and Date are "" when unknown.
type Info struct {
	Version string // "v1.2.3", a pseudo-version, or "devel" for a source build without one
	Commit  string // the full revision
	Date    string // the commit time, RFC 3339
	Dirty   bool   // the checkout had uncommitted changes
}

// Read returns the build's information.
func Read() Info {
	return read(version, commit, date, debug.ReadBuildInfo)
}

func read(version, commit, date string, buildInfo func() (*debug.BuildInfo, bool)) Info {
	info := Info{Version: strings.TrimSpace(version), Commit: commit, Date: date}
	if bi, ok := buildInfo(); ok {
		if info.Version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			info.Version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				if info.Commit == "" {
					info.Commit = s.Value
				}
			case "vcs.time":
				if info.Date == "" {
					info.Date = s.Value
				}
			case "vcs.modified":
				info.Dirty = s.Value == "true"
			}
		}
	}
	if info.Version == "" {
		info.Version = "devel"
	}
	return info
}

// String returns the version, followed by the short commit and the date
// when they are known and the version does not already name the commit:
// "v1.2.3", "devel 0123456789ab 2026-12-01T10:00:00Z".
func (i Info) String() string {
	s := i.Version
	if i.Commit != "" {
		short := i.Commit[:min(12, len(i.Commit))]
		if !strings.Contains(i.Version, short) {
			s += " " + short
			if i.Dirty {
				s += "+dirty"
			}
		}
	}
	if i.Date != "" && !strings.HasPrefix(i.Version, "v") {
		s += " " + i.Date
	}
	return s
}
