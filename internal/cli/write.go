package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/iekit/iekit/internal/inputfile"
)

// How a file is rewritten
//
// WriteFile is the one place where iefmt -w and ie lint -fix change a
// file. It treats the file as gofmt does, or better:
//
//   - A symbolic link is followed and its target rewritten: the link stays
//     a link, and a loop is an error.
//   - A file without any write permission bit is refused, even for root
//     (whom the system would let write it); so is a file the system will
//     not open for writing (permissions, an immutable file, a read-only
//     file system).
//   - The content is compared with what was read just before the file
//     changes: if another program wrote or replaced it meanwhile, nothing
//     is written and the error says so, rather than losing that edit. (The
//     window left is the few system calls between the check and the
//     change; only a lock every editor honours could close it.)
//
// The change itself is made in one of two ways:
//
//   - Atomically, by default: the new content goes to a temporary file in
//     the same directory, which is given the original's owner, group,
//     full mode (setuid, setgid and sticky bits included) and extended
//     attributes (ACLs and SELinux labels among them), synced, and renamed
//     over the original. Any interruption leaves the old file or the new
//     one, whole.
//   - In place, when a new file cannot be the same file: the original has
//     several hard links (a rename would split them), it is a bind mount
//     (rename fails with EBUSY) or on another device (EXDEV), or its owner,
//     mode or attributes cannot be given to a new file (a file of another
//     user that the group may write, a label only root may set). The
//     original content is first saved to a backup file beside it, synced;
//     then the file is overwritten, truncated and synced, and the backup
//     removed. If the write fails, the original content is put back; if
//     that fails too, the error names the backup. Only a kill during the
//     write itself can leave the file partial, and then the backup
//     (.NAME.ie-backup, mode 0600) holds the original whole; while it is
//     there, WriteFile refuses to write the file again.
//
// Temporary and backup files are removed on SIGINT, SIGTERM and SIGHUP:
// the signal waits for a rename or an in-place write under way to end,
// the files are removed, and the process then dies of the signal as it
// would have (see cleanup.go). SIGKILL cannot be caught; it can leave a
// temporary file, never a damaged original without its backup.

// errCannotKeep says an atomic write would lose what makes the file this
// file; WriteFile then writes in place.
var errCannotKeep = errors.New("a new file cannot keep the original's identity")

// errChanged is the error of a file that changed after it was read.
var errChanged = errors.New("changed since it was read, so it was not overwritten; run again")

// rename is os.Rename; a test makes it fail as a bind mount does.
var rename = os.Rename

// WriteFile replaces the content of the file at path, which held old when
// it was read, with data, keeping the file itself: its links, inode where
// it matters, owner, mode and extended attributes. It refuses a read-only
// file and a file that no longer holds old. The comment at the top of
// this file describes how.
func WriteFile(path string, old, data []byte) error {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return err
	}
	f, err := inputfile.Open(target, os.O_RDWR)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	switch {
	case !info.Mode().IsRegular():
		return fmt.Errorf("%s: not a regular file, so it was not written", path)
	case info.Mode().Perm()&0o222 == 0:
		return fmt.Errorf("%s: read-only file (mode %v), so it was not written", path, info.Mode().Perm())
	}
	if backup := staleBackup(target); backup != "" {
		return fmt.Errorf("%s: %s holds its content from before an interrupted write; compare the two, remove the backup, and run again", path, backup)
	}
	if links(info) > 1 {
		err = writeInPlace(f, target, old, data)
	} else if err = writeAtomic(f, target, info, old, data); errors.Is(err, errCannotKeep) {
		err = writeInPlace(f, target, old, data)
	}
	if errors.Is(err, errChanged) {
		return fmt.Errorf("%s: %w", path, err)
	}
	return err
}

// writeAtomic writes data to a temporary file made like orig, and renames
// it over path.
func writeAtomic(orig *os.File, path string, info fs.FileInfo, old, data []byte) (err error) {
	tmp, err := createTracked(func() (*os.File, error) {
		return os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	})
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
		untrack(tmp.Name())
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = keepAttrs(tmp, orig, info); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	critical.RLock()
	defer critical.RUnlock()
	if err = unchanged(orig, path, old); err != nil {
		return err
	}
	if closeBeforeRename {
		orig.Close()
	}
	if err = rename(tmp.Name(), path); err != nil {
		if renameRefused(err) {
			return fmt.Errorf("%w: %v", errCannotKeep, err)
		}
		return err
	}
	syncDir(filepath.Dir(path))
	return nil
}

// writeInPlace overwrites f, the file at path, with data, after saving old
// to a backup file.
func writeInPlace(f *os.File, path string, old, data []byte) (err error) {
	backup, err := createTracked(func() (*os.File, error) {
		return os.OpenFile(backupName(path), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	})
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s: %s exists: another write of the file is under way, or was killed", path, backupName(path))
	}
	if err != nil {
		return err
	}
	kept := false
	defer func() {
		if !kept {
			os.Remove(backup.Name())
			untrack(backup.Name())
		}
	}()
	if _, err = backup.Write(old); err == nil {
		err = backup.Sync()
	}
	if cerr := backup.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	critical.RLock()
	defer critical.RUnlock()
	if err = unchanged(f, path, old); err != nil {
		return err
	}
	if err = overwrite(f, data); err != nil {
		if rerr := overwrite(f, old); rerr != nil {
			untrack(backup.Name()) // the only whole copy: a signal must not take it
			kept = true
			return fmt.Errorf("%v; restoring the original failed too (%v): it is in %s", err, rerr, backup.Name())
		}
		return err
	}
	return nil
}

// backupName is where writeInPlace keeps the original content of path
// while it writes: one fixed name, so that a backup a killed write left
// is found at once, and a second writer of the same file stops.
func backupName(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".ie-backup")
}

// staleBackup returns the backup a killed write left beside path, or "".
// Such a file may be partial: it is not written again until someone has
// looked.
func staleBackup(path string) string {
	if _, err := os.Lstat(backupName(path)); err == nil {
		return backupName(path)
	}
	return ""
}

// overwrite makes data the whole content of f, on disk.
func overwrite(f *os.File, data []byte) error {
	if _, err := f.WriteAt(data, 0); err != nil {
		return err
	}
	if err := f.Truncate(int64(len(data))); err != nil {
		return err
	}
	return f.Sync()
}

// unchanged returns errChanged unless path still names f and f still
// holds old.
func unchanged(f *os.File, path string, old []byte) error {
	now, err := os.Stat(path)
	if err != nil {
		return errChanged
	}
	mine, err := f.Stat()
	if err != nil || !os.SameFile(now, mine) || mine.Size() != int64(len(old)) {
		return errChanged
	}
	buf := make([]byte, len(old)+1)
	n, err := f.ReadAt(buf, 0)
	if err != nil && err != io.EOF || !bytes.Equal(buf[:n], old) {
		return errChanged
	}
	return nil
}

// syncDir makes a rename in dir durable, where the system allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
