package lint

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/iekit/iekit/schema"
)

func TestStripComments(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"kind: s3-export   # force it\n", "kind: s3-export             \n"},
		{"kind: s3-export\t# tab\r\n", "kind: s3-export      \r\n"},
		{"# a comment line\n", "# a comment line\n"},
		{"    # indented comment\n", "    # indented comment\n"},
		{"    - \"**/*.manifest\"  # the default\n", "    - \"**/*.manifest\"               \n"},
		{"    - \"a # b\"\n", "    - \"a # b\"\n"},
		{"    - 'it''s # x' # c\n", "    - 'it''s # x'    \n"},
		{"    - \"a\\\" # b\" # c\n", "    - \"a\\\" # b\"    \n"},
		{"    - a#b\n", "    - a#b\n"},
		{"    - old/** # legacy\n", "    - old/**         \n"},
		{"rules: # by name\n", "rules:          \n"},
		{"key: # only a comment", "key:" + strings.Repeat(" ", 17)},
		{"- x # y", "- x    "},
	} {
		if got := string(stripComments([]byte(c.in))); got != c.want {
			t.Errorf("stripComments(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestConfigEndOfLineComments checks that values come out without their
// comments, and that positions stay those of the file.
func TestConfigEndOfLineComments(t *testing.T) {
	src := "kind: s3-export # forced\nrules:\n    yaml-compat: off   # noisy\n    unknown-key: errr # typo\n"
	c, diags := ParseConfig(".ie.yaml", []byte(src))
	if c.Kind != schema.S3Export || c.Rules["yaml-compat"] != LevelOff {
		t.Errorf("got kind %v, rules %v", c.Kind, c.Rules)
	}
	if len(diags) != 1 || diags[0].Start.Line != 4 || diags[0].Start.Col != 5 || !strings.Contains(diags[0].Message, `"errr"`) {
		t.Fatalf("want one finding at 4:5 about \"errr\", got %v", diags)
	}
}

// TestREADMEConfigSample reads the configuration sample of the README
// verbatim: it must load without a problem and mean what its comments say.
func TestREADMEConfigSample(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	sample := codeBlockAfter(t, string(data), "### Configuration")
	c, diags := ParseConfig(".ie.yaml", []byte(sample))
	if len(diags) > 0 {
		t.Fatalf("the README's sample configuration is rejected:\n%v", diags)
	}
	if c.Kind != schema.S3Export || c.Rules["yaml-compat"] != LevelOff || c.Rules["unknown-key"] != LevelError ||
		!slices.Equal(c.Include, []string{"**/*.manifest"}) || !slices.Equal(c.Exclude, []string{"old/**"}) {
		t.Errorf("the README's sample reads as %+v", c)
	}
}

// codeBlockAfter returns the first fenced code block after heading.
func codeBlockAfter(t *testing.T, doc, heading string) string {
	t.Helper()
	i := strings.Index(doc, heading)
	if i < 0 {
		t.Fatalf("no %q", heading)
	}
	rest := doc[i:]
	j := strings.Index(rest, "\n```")
	if j < 0 {
		t.Fatalf("no code block after %q", heading)
	}
	rest = rest[j+4:]
	rest = rest[strings.IndexByte(rest, '\n')+1:]
	k := strings.Index(rest, "```")
	if k < 0 {
		t.Fatalf("unclosed code block after %q", heading)
	}
	return rest[:k]
}
