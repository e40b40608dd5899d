package cli

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestReadmeRequests runs, from the checkout, every command of the
// README's section on ie encode and ie decode, with the variables its
// "$ export" lines set, and compares what it prints with what the README
// shows (carriage returns aside). testdata/script/readme-requests.txtar
// runs the same commands as the commands' specification.
func TestReadmeRequests(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	start := strings.Index(readme, "## ie encode and ie decode\n")
	if start < 0 {
		t.Fatal("README has no section on ie encode and ie decode")
	}
	section := readme[start+1:]
	section = section[:strings.Index(section, "\n## ")]
	t.Chdir("../..")

	type example struct{ command, output string }
	var examples []example
	inBlock := false
	for _, line := range strings.SplitAfter(section, "\n") {
		switch {
		case strings.HasPrefix(line, "```"):
			inBlock = !inBlock
		case !inBlock:
		case strings.HasPrefix(line, "$ "):
			examples = append(examples, example{command: strings.TrimSpace(line[2:])})
		case len(examples) > 0:
			examples[len(examples)-1].output += line
		}
	}
	ran := 0
	for _, ex := range examples {
		if vars, ok := strings.CutPrefix(ex.command, "export "); ok {
			for _, kv := range strings.Fields(vars) {
				name, value, _ := strings.Cut(kv, "=")
				t.Setenv(name, value)
			}
			continue
		}
		args, ok := strings.CutPrefix(ex.command, "go run ./cmd/ie ")
		if !ok {
			t.Errorf("README command %q is not go run ./cmd/ie", ex.command)
			continue
		}
		var stdout, stderr bytes.Buffer
		Main(strings.Fields(args), strings.NewReader(""), &stdout, &stderr)
		got := strings.ReplaceAll(stdout.String(), "\r", "")
		if !strings.HasSuffix(got, "\n") {
			got += "\n" // a terminal's final newline
		}
		if got != ex.output {
			t.Errorf("$ %s\nprints:\n%s\nthe README shows:\n%s", ex.command, got, ex.output)
		}
		if stderr.Len() > 0 {
			t.Errorf("$ %s\nwrites to stderr: %s", ex.command, stderr.Bytes())
		}
		ran++
	}
	if ran < 5 {
		t.Errorf("ran %d commands of the README, want at least 5", ran)
	}
}
