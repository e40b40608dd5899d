package lint

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/iekit/iekit/internal/inputfile"
	"github.com/iekit/iekit/internal/par"
	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// Options control a run over files and directories.
type Options struct {
	Config    string          // a configuration file for every target; "" finds .ie.yaml per file
	Kind      schema.Kind     // forces the job kind over any configuration
	Region    string          // the region of S3 jobs' buckets, over any configuration
	Stdin     io.Reader       // read for the path "-"
	StdinName string          // the name of standard input in reports and for finding .ie.yaml
	MaxSize   inputfile.Limit // the size cap on each file read; zero is the default
	// MaxFindings, when not 0, overrides the cap on the findings of a
	// rule in a file of every configuration (see Config.MaxFindings).
	MaxFindings int
	// Release makes Run release each result once linted (see Result.Release).
	Release bool
}

// Problem is a target that could not be linted, or a broken configuration.
type Problem struct {
	Path  string
	Err   error              // the file could not be read
	Diags parser.Diagnostics // the configuration at Path is broken
}

func (p Problem) Error() string {
	if p.Err != nil {
		return p.Err.Error()
	}
	return fmt.Sprintf("%s: %d problems in the configuration", p.Path, len(p.Diags))
}

// Target is one file to lint or format, with the configuration that
// governs it.
type Target struct {
	Path   string  // as reported
	Stdin  []byte  // the content of standard input; nil for a file
	Config *Config // never nil

	maxSize inputfile.Limit
}

// Expand turns command-line paths into targets: a file is itself, "-" is
// standard input, and a directory holds the files its governing
// configurations include (lexical order, hidden directories skipped). A
// broken configuration or a missing path is a problem; with problems, no
// target should be processed.
//
// A walk takes regular files only, and symbolic links to them; it does not
// follow links to directories, so a link loop cannot trap it. Anything
// else an include glob matches (a FIFO, a device, a socket, a dangling or
// looping link) is skipped like a file the globs exclude: such a file is
// never a manifest, and reading it could block or never end. A file named
// on the command line is read whatever it is, and Read refuses it with a
// clear error if it is not a regular file.
func Expand(paths []string, opt Options) ([]Target, []Problem) {
	c := &configs{opt: opt, byPath: map[string]*Config{}, byDir: map[string]string{}}
	var targets []Target
	for _, p := range paths {
		targets = append(targets, c.expand(p)...)
	}
	return targets, c.problems
}

// Run lints files, and the files of directories the governing
// configuration includes, in parallel on every core. Results come in the
// order of paths, a directory's files in lexical order. A broken
// configuration stops the run before any file is linted: the problems say
// why.
func Run(paths []string, opt Options) ([]*Result, []Problem) {
	targets, problems := Expand(paths, opt)
	if len(problems) > 0 {
		return nil, problems
	}
	results := make([]*Result, len(targets))
	failed := make([]error, len(targets))
	par.Do(len(targets), func(i int) {
		t := targets[i]
		src, err := t.Read()
		if err != nil {
			failed[i] = err
			return
		}
		results[i] = Check(t.Path, src, t.Config)
		if opt.Release {
			results[i].Release()
		}
	})
	var out []*Result
	var bad []Problem
	for i, r := range results {
		if r != nil {
			out = append(out, r)
		} else if failed[i] != nil {
			bad = append(bad, Problem{Path: targets[i].Path, Err: failed[i]})
		}
	}
	return out, bad
}

// configs finds and caches the configuration of each directory.
type configs struct {
	opt      Options
	byPath   map[string]*Config // configuration file path ("" for none) -> parsed
	byDir    map[string]string  // directory -> its configuration file path
	absDirs  map[string]string  // configuration file path -> its directory, absolute
	problems []Problem
}

// Read returns the target's content. A file that is not a regular file,
// or is larger than the size cap, is refused (see inputfile.Read).
func (t Target) Read() ([]byte, error) {
	if t.Stdin != nil {
		return t.Stdin, nil
	}
	return inputfile.Read(t.Path, t.maxSize)
}

// expand turns a command-line path into targets.
func (c *configs) expand(path string) []Target {
	if path == "-" {
		name := c.opt.StdinName
		if name == "" {
			name = "<stdin>"
		}
		src, err := inputfile.ReadAll(c.opt.Stdin, name, c.opt.MaxSize)
		if err != nil {
			c.problems = append(c.problems, Problem{Path: name, Err: err})
			return nil
		}
		if src == nil {
			src = []byte{}
		}
		return c.target(name, src)
	}
	info, err := os.Stat(path)
	if err != nil {
		c.problems = append(c.problems, Problem{Path: path, Err: err})
		return nil
	}
	if !info.IsDir() {
		return c.target(path, nil)
	}
	root := path
	if li, err := os.Lstat(path); err == nil && li.Mode()&fs.ModeSymlink != 0 {
		root += string(filepath.Separator) // a named link to a directory is walked
	}
	var out []Target
	w := c.walk(root)
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			c.problems = append(c.problems, Problem{Path: p, Err: err})
			return nil
		}
		if d.IsDir() {
			if p != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir // .git and friends
			}
			return nil
		}
		if !regular(p, d) {
			return nil
		}
		cfg := c.forFile(p)
		if cfg != nil && cfg.includes(w.rel(cfg, p)) {
			out = append(out, Target{Path: p, Config: cfg, maxSize: c.opt.MaxSize})
		}
		return nil
	})
	if err != nil {
		c.problems = append(c.problems, Problem{Path: path, Err: err})
	}
	return out
}

// target returns the target for a file, or none when its configuration is
// broken (a problem says so).
func (c *configs) target(path string, stdin []byte) []Target {
	cfg := c.forFile(path)
	if cfg == nil {
		return nil
	}
	return []Target{{Path: path, Stdin: stdin, Config: cfg, maxSize: c.opt.MaxSize}}
}

// regular reports whether the walked entry d at p is a regular file or a
// symbolic link to one.
func regular(p string, d fs.DirEntry) bool {
	switch {
	case d.Type().IsRegular():
		return true
	case d.Type()&fs.ModeSymlink != 0:
		info, err := os.Stat(p)
		return err == nil && info.Mode().IsRegular()
	}
	return false
}

// forFile returns the configuration for a file, with -kind and -region
// applied; nil when the configuration is broken (a problem says so).
func (c *configs) forFile(path string) *Config {
	cfgPath := c.opt.Config
	if cfgPath == "" {
		dir := filepath.Dir(path)
		var found bool
		if cfgPath, found = c.byDir[dir]; !found {
			cfgPath = FindConfig(dir)
			c.byDir[dir] = cfgPath
		}
	}
	cfg, seen := c.byPath[cfgPath]
	if !seen {
		cfg = Default()
		if cfgPath != "" {
			loaded, diags, err := LoadConfig(cfgPath)
			switch {
			case err != nil:
				c.problems = append(c.problems, Problem{Path: cfgPath, Err: err})
				cfg = nil
			case len(diags) > 0:
				c.problems = append(c.problems, Problem{Path: cfgPath, Diags: diags})
				cfg = nil
			default:
				cfg = loaded
			}
		}
		if cfg != nil && c.opt.Kind != schema.KindUnknown {
			cfg.Kind = c.opt.Kind
		}
		if cfg != nil && c.opt.Region != "" {
			cfg.Region = c.opt.Region
		}
		if cfg != nil && c.opt.MaxFindings != 0 {
			cfg.MaxFindings = c.opt.MaxFindings
		}
		c.byPath[cfgPath] = cfg
	}
	return cfg
}

// walk holds what a directory walk needs to place each file it finds:
// the absolute paths are computed once, not per file (filepath.Abs asks
// the system for the working directory each time).
type walk struct {
	c         *configs
	root, abs string // the walk's root, as given and absolute; abs is "" when unknown
}

// walk returns the walk from root.
func (c *configs) walk(root string) walk {
	abs, err := filepath.Abs(root)
	if err != nil {
		abs = ""
	}
	return walk{c: c, root: root, abs: abs}
}

// rel returns the path that cfg's globs match for the file at p, found
// by the walk: relative to the configuration's directory, or to the root
// without a configuration file. It is p itself when p is not under that
// directory or a path cannot be made absolute.
func (w walk) rel(cfg *Config, p string) string {
	rel := p
	base := w.abs
	if cfg.Path != "" {
		base = w.c.absDir(cfg.Path)
	}
	if r, err := filepath.Rel(w.root, p); err == nil && w.abs != "" && base != "" {
		if r, err := filepath.Rel(base, filepath.Join(w.abs, r)); err == nil && !strings.HasPrefix(r, "..") {
			rel = r
		}
	}
	return filepath.ToSlash(rel)
}

// absDir returns the absolute directory of the configuration file at
// path, or "" when it cannot be made absolute.
func (c *configs) absDir(path string) string {
	dir, seen := c.absDirs[path]
	if !seen {
		var err error
		if dir, err = filepath.Abs(filepath.Dir(path)); err != nil {
			dir = ""
		}
		if c.absDirs == nil {
			c.absDirs = map[string]string{}
		}
		c.absDirs[path] = dir
	}
	return dir
}

// includes reports whether a directory walk lints the file whose path,
// relative to the directory the globs are matched from, is rel (slash
// separated; see walk.rel): it matches an include glob and no exclude
// glob.
func (c *Config) includes(rel string) bool {
	match := func(globs []string) bool {
		for _, g := range globs {
			if matchGlob(g, rel) {
				return true
			}
		}
		return false
	}
	return match(c.Include) && !match(c.Exclude)
}
