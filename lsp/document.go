package lsp

import (
	"path/filepath"

	"github.com/iekit/iekit/lint"
	"github.com/iekit/iekit/parser"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// document is one open document, at one version, linted.
type document struct {
	uri     protocol.DocumentURI // as the client sent it: the key of the document
	version int32
	text    string
	m       *mapper
	result  *lint.Result
	lost    string // why the text is out of sync with the editor's; "" when it is not (sync.go)
}

// set replaces the text and lints it with cfg.
func (d *document) set(text string, version int32, cfg *lint.Config) {
	d.text, d.version = text, version
	d.m = newMapper(text)
	d.result = lint.Check(d.name(), []byte(text), cfg)
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
