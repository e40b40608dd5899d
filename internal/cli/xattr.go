//go:build linux || darwin || freebsd || netbsd

package cli

import (
	"bytes"
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// copyXattrs makes the extended attributes of dst those of src: it sets
// every one of src's and removes any other dst has (such as an ACL
// inherited from the directory).
func copyXattrs(dst, src *os.File) error {
	want, err := xattrs(src)
	if err != nil {
		return err
	}
	have, err := xattrs(dst)
	if err != nil {
		return err
	}
	fd := int(dst.Fd())
	for name := range have {
		if _, ok := want[name]; !ok {
			if err := unix.Fremovexattr(fd, name); err != nil {
				return err
			}
		}
	}
	for name, value := range want {
		if v, ok := have[name]; ok && bytes.Equal(v, value) {
			continue
		}
		if err := unix.Fsetxattr(fd, name, value, 0); err != nil {
			return err
		}
	}
	return nil
}

// xattrs returns the extended attributes of f; none where the file system
// has none.
func xattrs(f *os.File) (map[string][]byte, error) {
	fd := int(f.Fd())
	list, err := sized(func(b []byte) (int, error) { return unix.Flistxattr(fd, b) })
	if errors.Is(err, unix.ENOTSUP) || errors.Is(err, unix.EOPNOTSUPP) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for name := range bytes.SplitSeq(list, []byte{0}) {
		if len(name) == 0 {
			continue
		}
		value, err := sized(func(b []byte) (int, error) { return unix.Fgetxattr(fd, string(name), b) })
		if err != nil {
			return nil, err
		}
		out[string(name)] = value
	}
	return out, nil
}

// sized calls get with a nil buffer for the size, then with a buffer of
// that size, again if what it reads grew in between.
func sized(get func([]byte) (int, error)) ([]byte, error) {
	for {
		n, err := get(nil)
		if err != nil {
			return nil, err
		}
		buf := make([]byte, n)
		n, err = get(buf)
		if errors.Is(err, unix.ERANGE) {
			continue
		}
		if err != nil {
			return nil, err
		}
		return buf[:n], nil
	}
}
