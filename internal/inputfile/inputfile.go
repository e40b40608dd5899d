// Package inputfile reads the files iekit takes as input (manifests,
// configuration, credentials) as every command and the language server
// must: regular files only, so that a FIFO cannot hang a reader and a link
// to /dev/zero cannot exhaust memory, and never more than a size cap.
package inputfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
)

// DefaultLimit is the size cap on every input unless the -max-size flag
// raises it: thousands of times the largest manifest a job needs, and
// small enough that a runaway input cannot take the machine down.
const DefaultLimit Limit = 16 << 20

// Limit is a size cap in bytes; the zero value is DefaultLimit. As a flag
// value it reads a number of bytes with an optional binary unit: 4096,
// 512KiB, 64MiB, 1GiB (K, M and G are the same units).
type Limit int64

// FlagUsage is the help of the -max-size flag of every command that reads
// input files.
var FlagUsage = "refuse input files larger than `size`: bytes, or a number with KiB, MiB or GiB (default " + DefaultLimit.String() + ")"

var units = []struct {
	suffix string
	shift  uint
}{{"GiB", 30}, {"MiB", 20}, {"KiB", 10}, {"G", 30}, {"M", 20}, {"K", 10}, {"B", 0}}

// Set parses a limit, for the flag package.
func (l *Limit) Set(s string) error {
	num, shift := s, uint(0)
	for _, u := range units {
		if n, ok := strings.CutSuffix(s, u.suffix); ok {
			num, shift = n, u.shift
			break
		}
	}
	n, err := strconv.ParseInt(strings.TrimSpace(num), 10, 64)
	if err != nil || n <= 0 || n > (1<<62)>>shift {
		return fmt.Errorf("invalid size %q: want a positive number of bytes, such as 4096, 512KiB or 64MiB", s)
	}
	*l = Limit(n << shift)
	return nil
}

// String returns the limit in the largest binary unit that divides it
// exactly, as Set reads it back.
func (l Limit) String() string {
	n := int64(l.bytes())
	for _, u := range units[:3] {
		if n%(1<<u.shift) == 0 {
			return strconv.FormatInt(n>>u.shift, 10) + u.suffix
		}
	}
	return strconv.FormatInt(n, 10)
}

func (l Limit) bytes() int64 {
	if l <= 0 {
		return int64(DefaultLimit)
	}
	return int64(l)
}

// TooLargeError is the error of an input larger than its cap.
type TooLargeError struct {
	Name  string // the file, or how standard input is called
	Limit Limit
}

func (e *TooLargeError) Error() string {
	limit := e.Limit.String()
	if !strings.HasSuffix(limit, "B") {
		limit += " bytes"
	}
	return fmt.Sprintf("%s: larger than %s, the cap on input files; -max-size raises it", e.Name, limit)
}

// ErrNotRegular is what errors.Is finds in the error of an input that is
// not a regular file, whose message names the file and what it is:
// "x.manifest: is a named pipe (FIFO), not a regular file".
var ErrNotRegular = errors.New("not a regular file")

type notRegularError struct{ path, what string }

func (e *notRegularError) Error() string {
	if e.what == "a directory" {
		return e.path + ": is a directory" // as the system says it
	}
	return e.path + ": is " + e.what + ", not a regular file"
}

func (e *notRegularError) Unwrap() error { return ErrNotRegular }

// Read returns the content of the regular file at path, following
// symbolic links. A directory, a FIFO, a device or a socket is refused
// before anything is read from it, and so is a file larger than limit.
//
// The file is examined before it is opened, so that opening it cannot
// block (a FIFO without a writer) or act on a device, and again once it
// is open, non-blocking, in case the path changed in between.
func Read(path string, limit Limit) ([]byte, error) {
	if info, err := os.Stat(path); err == nil {
		if err := check(path, info, limit); err != nil {
			return nil, err
		}
	} // else opening fails, and says why as every tool does
	f, err := Open(path, os.O_RDONLY)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if err := check(path, info, limit); err != nil {
		return nil, err
	}
	return readCapped(f, path, int(info.Size()), limit)
}

// Open opens the file at path as os.OpenFile does (without creating it),
// but never waits: a FIFO put in place of a file that was checked opens at
// once, to be refused when it is examined again. It is the open of every
// file iekit reads or rewrites.
func Open(path string, flag int) (*os.File, error) {
	return os.OpenFile(path, flag|openNonblock, 0)
}

// ReadAll reads r to its end (standard input), refusing more than limit
// bytes; name is what messages call it.
func ReadAll(r io.Reader, name string, limit Limit) ([]byte, error) {
	return readCapped(r, name, 0, limit)
}

// check returns why the file described by info cannot be read.
func check(path string, info fs.FileInfo, limit Limit) error {
	switch {
	case !info.Mode().IsRegular():
		return &notRegularError{path, describe(info.Mode())}
	case info.Size() > limit.bytes():
		return &TooLargeError{Name: path, Limit: limit}
	}
	return nil
}

// readCapped reads r to its end, sizing the buffer by hint, and fails as
// soon as more than limit bytes arrive: a file that grows while it is
// read is still capped.
func readCapped(r io.Reader, name string, hint int, limit Limit) ([]byte, error) {
	max := limit.bytes()
	buf := make([]byte, 0, min(int64(hint)+512, max+1))
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		room := buf[len(buf):min(int64(cap(buf)), max+1)]
		n, err := r.Read(room)
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > max {
			return nil, &TooLargeError{Name: name, Limit: limit}
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", name, err)
		}
	}
}

// describe names a kind of file that is not regular.
func describe(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}
