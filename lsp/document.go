package lsp

import (
	"path/filepath"

	"github.com/iekit/iekit/lint"
	"github.com/iekit/iekit/parser"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// document is one open document, at one version. It keeps the parse of
// its text between changes (parser.Document), so that a change costs a
// parse of the lines it touches, and the findings of its items
// (lint.Incremental), so that the rules about one item run again for the
// items that changed; the lint of a version is made once, after the
// changes queued behind it are applied (publish.go).
//
// A copy of a document (server.snapshot) may be read without the
// server's lock: a change replaces the fields, never the text, mapper or
// result they point to. parsed is the exception: it changes in place, and
// is only used with the lock held; linter is safe for concurrent use.
type document struct {
	uri     protocol.DocumentURI // as the client sent it: the key of the document
	version int32
	text    string
	m       *mapper
	result  *lint.Result // the lint of text; nil until it is made
	lost    string       // why the text is out of sync with the editor's; "" when it is not (sync.go)

	parsed *parser.Document  // the parse of text, kept between changes
	linter *lint.Incremental // the findings of the items of text, kept between changes
	cfg    *lint.Config      // the configuration text is linted with
	rev    int               // counts the changes of text and cfg: a lint of an older rev is stale
	tried  int               // the last rev the linter tried, even if it failed
	pubRev int               // the rev whose diagnostics the client has

	published []protocol.Diagnostic // what the client was last sent; nil before the first publish
}

// reset replaces the text, parsing it anew, and the configuration.
func (d *document) reset(text string, version int32, cfg *lint.Config) {
	d.parsed = parser.NewDocument(d.name(), []byte(text))
	d.linter = new(lint.Incremental)
	d.changed(d.parsed.Text(), version, cfg) // the same text, kept once
}

// changed records that the text, the version or the configuration
// changed: the lint is stale.
func (d *document) changed(text string, version int32, cfg *lint.Config) {
	if d.m == nil || text != d.text {
		d.m = newMapper(text)
	}
	d.text, d.version, d.cfg = text, version, cfg
	d.result = nil
	d.rev++
}

// lint returns a function that lints the current version and may run
// without the lock. The parse is brought up to date first, which needs
// it.
func (d *document) lint() func() *lint.Result {
	f, syntax := d.parsed.File()
	src, cfg, linter := []byte(d.text), d.cfg, d.linter
	return func() *lint.Result { return linter.CheckFile(f, syntax, src, cfg) }
}

// name is the document's path for messages, or its URI.
func (d *document) name() string {
	if p := path(d.uri); p != "" {
		return p
	}
	return string(d.uri)
}

// path returns the file path of a file: URI, or "".
func path(u protocol.DocumentURI) string {
	parsed, err := uri.Parse(string(u))
	if err != nil || len(u) < 5 || string(u)[:5] != "file:" {
		return ""
	}
	return parsed.Filename()
}

// configs caches the configuration of each directory, so that a
// keystroke does not look for and read .ie.yaml files. It is emptied when
// a configuration file changes.
type configs map[string]*lint.Config

// of returns the .ie.yaml that governs a document, or nil (the default)
// for an untitled document, when there is none, or when it is broken.
// The error, when it cannot be read, is returned once: the first time.
func (c configs) of(u protocol.DocumentURI) (*lint.Config, error) {
	p := path(u)
	if p == "" {
		return nil, nil
	}
	dir := filepath.Dir(p)
	cfg, ok := c[dir]
	var err error
	if !ok {
		if cfgPath := lint.FindConfig(dir); cfgPath != "" {
			var loaded *lint.Config
			var diags parser.Diagnostics
			if loaded, diags, err = loadConfig(cfgPath); err == nil && len(diags) == 0 {
				cfg = loaded
			}
		}
		c[dir] = cfg
	}
	return cfg, err
}
