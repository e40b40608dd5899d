package cli

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestManPages keeps docs/man/ie.1 and iefmt.1 the help the commands
// print (IE_UPDATE=1 rewrites them), and has groff read them, where it is
// installed, without a warning.
func TestManPages(t *testing.T) {
	for name, write := range map[string]func(io.Writer){"ie": writeManIE, "iefmt": writeManIEFmt} {
		var b bytes.Buffer
		write(&b)
		path := filepath.Join("..", "..", "docs", "man", name+".1")
		if os.Getenv("IE_UPDATE") != "" {
			if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, b.Bytes(), 0o666); err != nil {
				t.Fatal(err)
			}
		}
		have, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(have, b.Bytes()) {
			t.Errorf("%s is not the help the commands print; run IE_UPDATE=1 go test ./internal/cli -run ManPages", path)
		}
		for _, c := range cmdlines() {
			if name == "ie" && c.name != "iefmt" && !strings.Contains(b.String(), "ie "+c.name) {
				t.Errorf("%s: command %s missing", path, c.name)
			}
		}
		groff, err := exec.LookPath("groff")
		if err != nil {
			continue
		}
		out, err := exec.Command(groff, "-man", "-ww", "-z", path).CombinedOutput()
		if err != nil || len(out) > 0 {
			t.Errorf("groff on %s: %v\n%s", path, err, out)
		}
	}
}
