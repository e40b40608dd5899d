package inputfile

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadRegular(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "job.manifest")
	want := bytes.Repeat([]byte("bucket: b\n"), 1000)
	if err := os.WriteFile(path, want, 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.manifest")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, link} {
		got, err := Read(p, 0)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("Read(%s) = %d bytes, %v; want %d bytes", p, len(got), err, len(want))
		}
	}
	empty := filepath.Join(dir, "empty.manifest")
	os.WriteFile(empty, nil, 0o644)
	if got, err := Read(empty, 0); err != nil || got == nil || len(got) != 0 {
		t.Errorf("Read(empty) = %q, %v; want an empty, non-nil slice", got, err)
	}
}

func TestReadCapped(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.manifest")
	if err := os.WriteFile(path, make([]byte, 1025), 0o644); err != nil {
		t.Fatal(err)
	}
	var tooLarge *TooLargeError
	if _, err := Read(path, 1024); !errors.As(err, &tooLarge) ||
		err.Error() != path+": larger than 1KiB, the cap on input files; -max-size raises it" {
		t.Errorf("Read over the cap: %v", err)
	}
	if got, err := Read(path, 1025); err != nil || len(got) != 1025 {
		t.Errorf("Read at the cap: %d bytes, %v", len(got), err)
	}
	// A reader gives no size beforehand: it is cut off as it goes.
	if _, err := ReadAll(endless{}, "<stdin>", 1<<20); !errors.As(err, &tooLarge) || tooLarge.Name != "<stdin>" {
		t.Errorf("ReadAll of an endless reader: %v", err)
	}
	if got, err := ReadAll(strings.NewReader("a: 1\n"), "<stdin>", 5); err != nil || string(got) != "a: 1\n" {
		t.Errorf("ReadAll at the cap: %q, %v", got, err)
	}
}

// endless is /dev/zero as a reader.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func TestLimitFlag(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Limit
		str  string
	}{
		{"4096", 4096, "4KiB"},
		{"1000", 1000, "1000"},
		{"512KiB", 512 << 10, "512KiB"},
		{"64M", 64 << 20, "64MiB"},
		{"1GiB", 1 << 30, "1GiB"},
		{"1536KiB", 1536 << 10, "1536KiB"},
		{"10B", 10, "10"},
	} {
		var l Limit
		if err := l.Set(c.in); err != nil || l != c.want || l.String() != c.str {
			t.Errorf("Set(%q) = %d (%s), %v; want %d (%s)", c.in, l, l, err, c.want, c.str)
		}
	}
	for _, bad := range []string{"", "0", "-1", "ten", "1TiB", "1.5M", "99999999999G"} {
		var l Limit
		if err := l.Set(bad); err == nil {
			t.Errorf("Set(%q) accepted: %d", bad, l)
		}
	}
	if Limit(0).String() != "16MiB" {
		t.Errorf("the zero Limit is %s, want the default 16MiB", Limit(0))
	}
}
