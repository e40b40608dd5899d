//go:build !unix

package cli

import (
	"fmt"
	"io/fs"
	"os"
)

// stopSignals are the signals that remove WriteFile's temporary files.
var stopSignals = []os.Signal{os.Interrupt}

// closeBeforeRename is true: Windows cannot rename over a file that is
// open without FILE_SHARE_DELETE, as os.OpenFile opens it.
const closeBeforeRename = true

// links returns 1: hard links are not counted here.
func links(fs.FileInfo) uint64 { return 1 }

// keepAttrs gives tmp the permission bits of the original.
func keepAttrs(tmp, _ *os.File, info fs.FileInfo) error {
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
		return fmt.Errorf("%w: %v", errCannotKeep, err)
	}
	return nil
}

// renameRefused reports false: no rename failure calls for writing in place.
func renameRefused(error) bool { return false }
