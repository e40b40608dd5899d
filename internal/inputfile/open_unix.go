//go:build unix

package inputfile

import "syscall"

// openNonblock keeps opening a FIFO, put in place of a checked file, from
// waiting for a writer. It changes nothing for a regular file.
const openNonblock = syscall.O_NONBLOCK
