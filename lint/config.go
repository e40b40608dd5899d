package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/iekit/iekit/internal/inputfile"
	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// ConfigName is the name of the configuration file, looked up from each
// linted file's directory towards the root; the nearest one wins.
const ConfigName = ".ie.yaml"

// Level is a rule's level in the configuration.
type Level uint8

// The levels a configuration can give a rule. LevelDefault keeps the
// rule's own severities.
const (
	LevelDefault Level = iota
	LevelOff
	LevelError
	LevelWarning
	LevelInfo
)

var levelNames = []string{"off", "error", "warning", "info"}

// Config is a parsed .ie.yaml.
type Config struct {
	Path    string           // where it was read from; "" for the defaults
	Rules   map[string]Level // rule name -> level
	Kind    schema.Kind      // forces the job kind; KindUnknown infers it
	Region  string           // the region of an S3 job's buckets, which tells its facility; "" when not known
	Include []string         // globs of files a directory walk lints
	Exclude []string         // globs of files a directory walk skips
	// MaxFindings caps the findings of each rule in a file: 0 is
	// DefaultMaxFindings, a negative number reports them all.
	MaxFindings int
}

// DefaultInclude is what a directory walk lints when no configuration
// says otherwise: files named *.manifest, and the names the AWS
// Import/Export guide gives manifests, MyImportManifest.txt and
// MyExportManifest.txt, or manifest.txt.
var DefaultInclude = []string{"**/*.manifest", "**/*[Mm]anifest.txt"}

// Default returns the configuration used where no .ie.yaml is found.
func Default() *Config {
	return &Config{Include: DefaultInclude}
}

// configKeys are the keys a configuration may have.
var configKeys = []string{"rules", "kind", "region", "include", "exclude"}

// ParseConfig reads a configuration, written in the manifest dialect
// itself with one difference: as in YAML, a "#" after a blank ends a
// value and starts a comment (see stripComments). Every problem is
// returned, with its position, as a diagnostic of the rule "config"; the
// configuration is usable only when there are none.
func ParseConfig(path string, src []byte) (*Config, parser.Diagnostics) {
	c := Default()
	c.Path = path
	f, diags := parser.Parse(path, stripComments(src))
	report := func(n parser.Node, format string, args ...any) {
		diags = append(diags, parser.Diagnostic{
			Start: n.Pos(), End: n.End(), Severity: parser.SeverityError, Rule: "config",
			Message: fmt.Sprintf(format, args...),
		})
	}
	for _, e := range f.Body.Entries {
		switch e.Key.Name {
		case "rules":
			c.Rules = map[string]Level{}
			m, ok := e.Block.(*parser.Mapping)
			if !ok {
				report(e.Key, "rules must be a block of \"rule: level\" lines")
				continue
			}
			for _, r := range m.Entries {
				name, value := r.Key.Name, text(r)
				switch {
				case name == parser.RuleSyntax:
					report(r.Key, "the syntax rule cannot be configured: a manifest must parse")
				case Lookup(name) == nil:
					report(r.Key, "unknown rule %q%s", name, DidYouMean(name, RuleNames()))
				default:
					level, ok := parseLevel(value)
					if !ok {
						report(r, "invalid level %q for %s; the levels are %s", value, name, strings.Join(levelNames, ", "))
					}
					c.Rules[name] = level
				}
			}
		case "kind":
			k, ok := schema.ParseKind(text(e))
			if !ok {
				var kinds []string
				for _, k := range schema.Kinds {
					kinds = append(kinds, k.String())
				}
				report(e, "invalid kind %q; the kinds are %s", text(e), strings.Join(kinds, ", "))
			}
			c.Kind = k
		case "region":
			c.Region = text(e)
			if err := CheckRegion(c.Region); err != nil {
				report(e, "%v", err)
			}
		case "include", "exclude":
			globs, ok := stringList(e)
			if !ok {
				report(e.Key, "%s must be a list of globs, one \"- pattern\" per line", e.Key.Name)
				continue
			}
			for i, g := range globs {
				if err := checkGlob(g); err != nil {
					report(e.Block.(*parser.List).Items[i].Value, "invalid glob %q in %s: %v", g, e.Key.Name, err)
				}
			}
			if e.Key.Name == "include" {
				c.Include = globs
			} else {
				c.Exclude = globs
			}
		default:
			report(e.Key, "unknown configuration key %q%s", e.Key.Name, DidYouMean(e.Key.Name, configKeys))
		}
	}
	diags.Sort()
	return c, diags
}

// LoadConfig reads the configuration file at path: a regular file of at
// most inputfile.DefaultLimit bytes.
func LoadConfig(path string) (*Config, parser.Diagnostics, error) {
	src, err := inputfile.Read(path, 0)
	if err != nil {
		return nil, nil, err
	}
	c, diags := ParseConfig(path, src)
	return c, diags, nil
}

// FindConfig returns the path of the configuration governing a file in
// dir: the nearest .ie.yaml in dir or above it, or "" when there is none.
func FindConfig(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, ConfigName)
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func parseLevel(s string) (Level, bool) {
	for i, n := range levelNames {
		if s == n {
			return Level(i + 1), true
		}
	}
	return LevelDefault, false
}

// stringList returns the scalar items of an entry's list block.
func stringList(e *parser.Entry) ([]string, bool) {
	l, ok := e.Block.(*parser.List)
	if !ok {
		return nil, false
	}
	var out []string
	for _, it := range l.Items {
		if it.Value == nil {
			return nil, false
		}
		out = append(out, it.Value.Text)
	}
	return out, true
}

// DidYouMean returns `; did you mean "x"?` naming the candidate closest to
// s, or "" when none is close.
func DidYouMean(s string, candidates []string) string {
	if c := suggest(s, candidates); c != "" {
		return fmt.Sprintf("; did you mean %q?", c)
	}
	return ""
}

// CheckRegion returns an error unless name is an AWS region iekit knows,
// as the region setting and the -region flag need.
func CheckRegion(name string) error {
	if schema.IsRegion(name) {
		return nil
	}
	return fmt.Errorf("unknown region %q%s", name, DidYouMean(name, schema.Regions))
}
