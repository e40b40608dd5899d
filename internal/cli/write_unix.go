//go:build unix

package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// stopSignals are the signals that remove WriteFile's temporary files.
var stopSignals = []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP}

// closeBeforeRename is false: an open file can be renamed over, and stays
// open for writing in place should the rename be refused.
const closeBeforeRename = false

// links returns the number of hard links of a file.
func links(info fs.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}

// keepAttrs gives tmp the owner, group, mode and extended attributes of
// orig, whose information is info, or returns errCannotKeep. The owner
// goes first, as changing it clears the setuid and setgid bits; the mode
// is then checked, as the system silently drops setgid for a group the
// writer is not in.
func keepAttrs(tmp, orig *os.File, info fs.FileInfo) error {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return errCannotKeep
	}
	if err := tmp.Chown(int(st.Uid), int(st.Gid)); err != nil {
		return fmt.Errorf("%w: %v", errCannotKeep, err)
	}
	mode := info.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)
	if err := tmp.Chmod(mode); err != nil {
		return fmt.Errorf("%w: %v", errCannotKeep, err)
	}
	if now, err := tmp.Stat(); err != nil || now.Mode() != info.Mode() {
		return errCannotKeep
	}
	if err := copyXattrs(tmp, orig); err != nil {
		return fmt.Errorf("%w: extended attributes: %v", errCannotKeep, err)
	}
	return nil
}

// renameRefused reports whether a rename failed because the target
// cannot be replaced by another file: a bind mount, another device.
func renameRefused(err error) bool {
	return errors.Is(err, syscall.EBUSY) || errors.Is(err, syscall.EXDEV)
}
