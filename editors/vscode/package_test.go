package vscode

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestPackage builds the universal .vsix and the linux-x64 one with
// scripts/package.js, and checks what they hold: the files VS Code loads
// and nothing else, a manifest that matches package.json, and in the
// platform .vsix the ie program, executable.
func TestPackage(t *testing.T) {
	t.Parallel()
	needTools(t)
	out := t.TempDir()
	ie := filepath.Join(out, "ie")
	runEnv(t, []string{"GOOS=linux", "GOARCH=amd64"}, "go", "build", "-o", ie, "github.com/iekit/iekit/cmd/ie")
	run(t, "node", "scripts/package.js", "-out", out, "-ie", ie, "universal", "linux-x64")

	var pkg struct {
		Name, Version, Publisher, Main string
		Engines                        struct{ Vscode string }
		Contributes                    json.RawMessage
	}
	src, err := os.ReadFile("package.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(src, &pkg); err != nil {
		t.Fatal(err)
	}
	common := []string{
		"[Content_Types].xml",
		"extension.vsixmanifest",
		"extension/dist/extension.js",
		"extension/language-configuration.json",
		"extension/package.json",
		"extension/readme.md",
		"extension/syntaxes/ie-manifest.tmLanguage.json",
	}
	for _, c := range []struct {
		file, target string
		files        []string
		maxSize      int64
	}{
		{pkg.Name + "-" + pkg.Version + ".vsix", "", common, 1 << 20},
		{pkg.Name + "-linux-x64-" + pkg.Version + ".vsix", "linux-x64", append(slices.Clone(common), "extension/bin/ie"), 40 << 20},
	} {
		t.Run(c.file, func(t *testing.T) {
			path := filepath.Join(out, c.file)
			info, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if info.Size() > c.maxSize {
				t.Errorf("%s is %d bytes, more than %d", c.file, info.Size(), c.maxSize)
			}
			z, err := zip.OpenReader(path)
			if err != nil {
				t.Fatal(err)
			}
			defer z.Close()
			files := map[string]*zip.File{}
			var names []string
			for _, f := range z.File {
				files[f.Name] = f
				names = append(names, f.Name)
			}
			slices.Sort(names)
			want := slices.Sorted(slices.Values(c.files))
			if !slices.Equal(names, want) {
				t.Fatalf("files:\n  %s\nwant:\n  %s", strings.Join(names, "\n  "), strings.Join(want, "\n  "))
			}

			var m struct {
				Metadata struct {
					Identity struct {
						ID             string `xml:"Id,attr"`
						Version        string `xml:"Version,attr"`
						Publisher      string `xml:"Publisher,attr"`
						TargetPlatform string `xml:"TargetPlatform,attr"`
					}
					Properties []struct {
						ID    string `xml:"Id,attr"`
						Value string `xml:"Value,attr"`
					} `xml:"Properties>Property"`
				}
			}
			if err := xml.Unmarshal(read(t, files["extension.vsixmanifest"]), &m); err != nil {
				t.Fatal(err)
			}
			id := m.Metadata.Identity
			if id.ID != pkg.Name || id.Version != pkg.Version || id.Publisher != pkg.Publisher || id.TargetPlatform != c.target {
				t.Errorf("identity %+v; want %s.%s %s for %q", id, pkg.Publisher, pkg.Name, pkg.Version, c.target)
			}
			engine := ""
			for _, p := range m.Metadata.Properties {
				if p.ID == "Microsoft.VisualStudio.Code.Engine" {
					engine = p.Value
				}
			}
			if engine != pkg.Engines.Vscode {
				t.Errorf("engine %q; want %q", engine, pkg.Engines.Vscode)
			}

			// The packaged package.json is the source one, and its main
			// is the bundle, which carries the language client inside.
			var packed struct {
				Main        string
				Contributes json.RawMessage
			}
			if err := json.Unmarshal(read(t, files["extension/package.json"]), &packed); err != nil {
				t.Fatal(err)
			}
			if packed.Main != pkg.Main || !jsonEqual(t, packed.Contributes, pkg.Contributes) {
				t.Error("the packaged package.json differs from package.json")
			}
			if "extension/"+strings.TrimPrefix(pkg.Main, "./") != "extension/dist/extension.js" {
				t.Errorf("main is %q, not the bundle", pkg.Main)
			}
			bundle := read(t, files["extension/dist/extension.js"])
			if bytes.Contains(bundle, []byte(`require("vscode-languageclient`)) || !bytes.Contains(bundle, []byte(`require("vscode")`)) {
				t.Error("the bundle does not hold the language client, or does not load vscode from VS Code")
			}
			grammar, err := os.ReadFile(grammarFile)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(read(t, files["extension/syntaxes/ie-manifest.tmLanguage.json"]), grammar) {
				t.Error("the packaged grammar differs from " + grammarFile)
			}

			if c.target == "" {
				return
			}
			f := files["extension/bin/ie"]
			if mode := f.Mode(); mode.Perm()&0o111 != 0o111 {
				t.Errorf("extension/bin/ie has mode %v; want it executable", mode)
			}
			exe, err := os.ReadFile(ie)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(read(t, f), exe) {
				t.Error("extension/bin/ie is not the ie given")
			}
		})
	}
}

func read(t *testing.T, f *zip.File) []byte {
	t.Helper()
	if f == nil {
		t.Fatal("missing file")
	}
	r, err := f.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func jsonEqual(t *testing.T, a, b json.RawMessage) bool {
	t.Helper()
	var x, y any
	if err := json.Unmarshal(a, &x); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &y); err != nil {
		t.Fatal(err)
	}
	xb, _ := json.Marshal(x)
	yb, _ := json.Marshal(y)
	return bytes.Equal(xb, yb)
}
