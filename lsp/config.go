package lsp

import (
	"context"
	"errors"
	"fmt"

	"github.com/iekit/iekit/internal/inputfile"
	"github.com/iekit/iekit/lint"
	"github.com/iekit/iekit/parser"
	"go.lsp.dev/protocol"
)

// maxConfig is the size of the largest .ie.yaml the server reads: a
// hundred times the largest configuration anyone writes.
const maxConfig = 1 << 20

// loadConfig reads and parses a configuration file as lint.LoadConfig
// does, through the same reader of regular files only (a .ie.yaml that
// is a FIFO would block the server, one linked to /dev/zero would fill
// its memory), under a cap of maxConfig bytes.
func loadConfig(path string) (*lint.Config, parser.Diagnostics, error) {
	src, err := inputfile.Read(path, maxConfig)
	if tooLarge := (*inputfile.TooLargeError)(nil); errors.As(err, &tooLarge) {
		// The reader's message names the commands' -max-size flag; the
		// server has no such flag.
		return nil, nil, fmt.Errorf("%s: larger than %v, more than any configuration needs", path, tooLarge.Limit)
	}
	if err != nil {
		return nil, nil, err
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
