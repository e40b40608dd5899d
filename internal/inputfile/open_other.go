//go:build !unix

package inputfile

// openNonblock is zero where there are no FIFOs to wait on.
const openNonblock = 0
