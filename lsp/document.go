package lsp

import (
	"path/filepath"

	"github.com/iekit/iekit/lint"
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
}

// set replaces the text and lints it with the configuration found from
// the document's path (none for an untitled document).
func (d *document) set(text string, version int32) {
	d.text, d.version = text, version
	d.m = newMapper(text)
	d.result = lint.Check(d.name(), []byte(text), config(d.uri))
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

// config returns the .ie.yaml that governs a document, or the default
// when there is none or it is broken.
func config(u protocol.DocumentURI) *lint.Config {
	p := path(u)
	if p == "" {
		return nil
	}
	if cfgPath := lint.FindConfig(filepath.Dir(p)); cfgPath != "" {
		if c, diags, err := lint.LoadConfig(cfgPath); err == nil && len(diags) == 0 {
			return c
		}
	}
	return nil
}
