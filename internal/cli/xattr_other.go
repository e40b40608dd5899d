//go:build unix && !(linux || darwin || freebsd || netbsd)

package cli

import "os"

// copyXattrs does nothing: there is no extended attribute interface here.
func copyXattrs(dst, src *os.File) error { return nil }
