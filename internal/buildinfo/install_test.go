package buildinfo

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The module as people install it: "go install MODULE/cmd/ie@VERSION"
// refuses a module whose go.mod has replace or exclude directives, and
// nothing else shows it but installing it. These tests publish the
// checkout to a module proxy in a temporary directory and install from
// there, as a user would from the real one.

const modulePath = "github.com/iekit/iekit"

func TestGoInstallAtVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("builds ie from a module proxy; skipped with -short")
	}
	goTool := needGo(t)
	root := moduleRoot(t)
	const version = "v1.2.3"
	proxy := publish(t, root, version)
	bin := t.TempDir()
	env := installEnv(t, goTool, proxy, bin)
	run(t, env, "", goTool, "install", modulePath+"/cmd/...@"+version)
	for _, cmd := range []string{"ie", "iefmt"} {
		if _, err := os.Stat(filepath.Join(bin, exe(cmd))); err != nil {
			t.Errorf("go install did not install %s: %v", cmd, err)
		}
	}
	out := run(t, nil, "", filepath.Join(bin, exe("ie")), "version")
	if !strings.HasPrefix(out, "ie "+version+" ") {
		t.Errorf("ie version after go install @%s printed %q", version, out)
	}
}

// TestReleaseBuildVersion builds ie as the release does, without version
// control information and with the version given to the linker.
func TestReleaseBuildVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("builds ie; skipped with -short")
	}
	goTool := needGo(t)
	root := moduleRoot(t)
	bin := filepath.Join(t.TempDir(), exe("ie"))
	ldflags := "-X " + modulePath + "/internal/buildinfo.version=v9.8.7 -X " + modulePath + "/internal/buildinfo.commit=fedcba9876543210fedcba9876543210fedcba98"
	run(t, nil, root, goTool, "build", "-buildvcs=false", "-ldflags", ldflags, "-o", bin, "./cmd/ie")
	out := run(t, nil, "", bin, "version")
	if !strings.HasPrefix(out, "ie v9.8.7 fedcba987654 ") {
		t.Errorf("ie version of a release build printed %q", out)
	}
}

func needGo(t *testing.T) string {
	p, err := exec.LookPath("go")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("the go command is not on PATH")
		}
		t.Skip("the go command is not on PATH")
	}
	return p
}

func exe(name string) string {
	if filepath.Separator == '\\' {
		return name + ".exe"
	}
	return name
}

func moduleRoot(t *testing.T) string {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatal(err)
	}
	return root
}

// installEnv is the environment of a "go install" from proxy into bin:
// the module from proxy, its dependencies from the local module cache
// first (no network when they are there) and then from the usual proxy,
// and a module cache of its own, so that the published version never
// lingers in the real one.
func installEnv(t *testing.T, goTool, proxy, bin string) []string {
	cache := strings.TrimSpace(run(t, nil, "", goTool, "env", "GOMODCACHE"))
	upstream := strings.TrimSpace(run(t, nil, "", goTool, "env", "GOPROXY"))
	modcache := t.TempDir()
	env := append(os.Environ(),
		"GOPROXY="+fileURL(proxy)+","+fileURL(filepath.Join(cache, "cache", "download"))+","+upstream,
		"GONOSUMDB="+modulePath, "GOFLAGS=-mod=mod",
		"GOMODCACHE="+modcache, "GOBIN="+bin, "GOWORK=off",
	)
	// A module cache is read-only: "go clean -modcache" empties it, and
	// only this one (env names it last, and the last one counts).
	t.Cleanup(func() {
		clean := exec.Command(goTool, "clean", "-modcache")
		clean.Env = env
		if out, err := clean.CombinedOutput(); err != nil {
			t.Errorf("go clean -modcache in %s: %v\n%s", modcache, err, out)
		}
	})
	return env
}

func fileURL(dir string) string {
	p := filepath.ToSlash(dir)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return "file://" + p
}

// publish writes the module at root, as version, into a new module proxy
// directory (the layout of the GOPROXY protocol), and returns it.
func publish(t *testing.T, root, version string) string {
	proxy := t.TempDir()
	dir := filepath.Join(proxy, filepath.FromSlash(modulePath), "@v")
	if err := os.MkdirAll(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	info := fmt.Sprintf(`{"Version":%q,"Time":%q}`, version, time.Now().UTC().Format(time.RFC3339))
	var zipped bytes.Buffer
	zw := zip.NewWriter(&zipped)
	for _, name := range moduleFiles(t, root) {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create(modulePath + "@" + version + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"list": []byte(version + "\n"), version + ".info": []byte(info),
		version + ".mod": mod, version + ".zip": zipped.Bytes(),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	return proxy
}

// moduleFiles lists the files of the module at root, slash-separated: the
// files git tracks or would track (those it does not ignore), less those
// of nested modules, which a module zip leaves out.
func moduleFiles(t *testing.T, root string) []string {
	out := run(t, nil, root, "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	var files, nested []string
	seen := map[string]bool{}
	for _, name := range strings.Split(out, "\x00") {
		if name == "" || seen[name] {
			continue // git lists a file with merge conflicts once per side
		}
		seen[name] = true
		if strings.HasSuffix(name, "/go.mod") {
			nested = append(nested, strings.TrimSuffix(name, "go.mod"))
		}
		files = append(files, name)
	}
	var keep []string
next:
	for _, name := range files {
		for _, n := range nested {
			if strings.HasPrefix(name, n) {
				continue next
			}
		}
		if info, err := os.Lstat(filepath.Join(root, filepath.FromSlash(name))); err != nil || !info.Mode().IsRegular() {
			continue // deleted in the work tree, or a link a module zip cannot hold
		}
		keep = append(keep, name)
	}
	return keep
}

func run(t *testing.T, env []string, dir, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Env, cmd.Dir = env, dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.Bytes())
	}
	return string(out)
}
