package lsp

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/iekit/iekit/lint"
	"github.com/iekit/iekit/parser"
	"go.lsp.dev/protocol"
)

// maxConfig is the size of the largest .ie.yaml the server reads: a
// hundred times the largest configuration anyone writes.
const maxConfig = 1 << 20

// loadConfig reads and parses a configuration file as lint.LoadConfig
// does, but only a regular file of at most maxConfig bytes: a .ie.yaml
// that is a FIFO would block the server, one linked to /dev/zero would
// fill its memory.
func loadConfig(path string) (*lint.Config, parser.Diagnostics, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, nil, fmt.Errorf("%s is not a regular file", path)
	}
	if info.Size() > maxConfig {
		return nil, nil, fmt.Errorf("%s is larger than %d bytes", path, maxConfig)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, maxConfig+1))
	if err != nil {
		return nil, nil, err
	}
	if len(src) > maxConfig {
		return nil, nil, fmt.Errorf("%s is larger than %d bytes", path, maxConfig)
	}
	cfg, diags := lint.ParseConfig(path, src)
	return cfg, diags, nil
}

// configError tells the user, on the screen and in the log, that a
// configuration could not be read and the defaults apply.
func (s *server) configError(ctx context.Context, err error) {
	if err == nil {
		return
	}
	msg := fmt.Sprintf("ie: %v: the default configuration applies", err)
	s.log.Print(msg)
	if err := s.client.ShowMessage(ctx, &protocol.ShowMessageParams{Type: protocol.MessageTypeWarning, Message: msg}); err != nil {
		s.log.Print(err)
	}
}
