package store

// Opening a register made by an older release upgrades it in place
// (migrate): on a large register that takes seconds to a minute, so the
// caller is told how far it is (Options.Progress) and, for a file, a copy
// of the register as it was is written first (Options.UpgradeBackup). Each
// migration is one transaction: a program killed mid-upgrade leaves the
// register at the last finished step, and the next open goes on from there.

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// Phases of an upgrade, in the order they happen.
const (
	PhaseCheck   = "check"   // integrity check before anything is written
	PhaseBackup  = "backup"  // the copy of the register as it was
	PhaseMigrate = "migrate" // schema step Step of Steps
)

// Progress is how far an upgrade is.
type Progress struct {
	Phase string
	// Step is the schema step under way (1-based) of Steps pending; both
	// are set in every phase, Step is 0 before the first.
	Step, Steps int
	// Done of Total rows in a step that walks the register's rows; Total
	// is 0 when the step does not count.
	Done, Total int64
	// Backup is the file the pre-upgrade copy goes to (PhaseBackup).
	Backup string
	// From and To are the schema versions before and after the upgrade.
	From, To int
}

// PendingUpgrade reads, without writing or migrating, whether the SQLite
// register at path was made by an older release and needs an upgrade:
// it returns its schema version and the one this program brings it to.
// A new or missing file, a PostgreSQL URL or a file this program cannot
// read report no upgrade (Open says what is wrong with them).
func PendingUpgrade(path string) (from, to int, pending bool) {
	to = len(migrations)
	if IsURL(path) || path == "" {
		return 0, to, false
	}
	real, err := RealPath(path)
	if err != nil {
		return 0, to, false
	}
	if fi, err := os.Stat(real); err != nil || fi.IsDir() || fi.Size() == 0 {
		return 0, to, false
	}
	s, err := Open(real, Options{ReadOnly: true})
	if err != nil {
		return 0, to, false
	}
	defer s.Close()
	v, err := s.Version()
	if err != nil {
		return 0, to, false
	}
	return v, to, v > 0 && v < to
}

// report sends p to the caller's progress function, if any.
func (s *Store) report(p Progress) {
	if s.progress != nil {
		s.progress(p)
	}
}

// rowProgress is called by long migration steps every so many rows; it
// reports at most a few times a second.
func (tx *Tx) rowProgress(done, total int64) {
	if tx.progress != nil {
		tx.progress(done, total)
	}
}

// backupBeforeUpgrade writes a consistent copy of the register as it is
// (still at schema from) to the file the caller names, through a temporary
// file renamed when whole, so a kill during the copy never leaves a half
// file under the recognisable name. No copy, no upgrade: the clerk keeps
// the register untouched and is told why.
func (s *Store) backupBeforeUpgrade(from, steps int) error {
	if s.upgradeBackup == nil || s.db.d.name() != "sqlite" || from == 0 {
		return nil
	}
	dst := s.upgradeBackup(s.path, from)
	if dst == "" {
		return nil
	}
	s.report(Progress{Phase: PhaseBackup, Steps: steps, Backup: dst, From: from, To: from + steps})
	tmp := dst + ".tmp"
	os.Remove(tmp)
	if err := s.CopyTo(context.Background(), tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("chưa nâng cấp sổ lên phiên bản mới vì không tạo được bản sao lưu trước khi nâng cấp (%v); sổ vẫn nguyên như cũ. Hãy giải phóng dung lượng ổ đĩa rồi mở lại phần mềm", err)
	}
	if err := os.Rename(tmp, dst); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("chưa nâng cấp sổ lên phiên bản mới vì không lưu được bản sao lưu %s: %v; sổ vẫn nguyên như cũ", dst, err)
	}
	return syncDir(filepath.Dir(dst))
}

// throttle returns a row-progress function that passes at most one report
// per interval (and always the last row) on to report.
func throttle(every time.Duration, report func(done, total int64)) func(done, total int64) {
	var last time.Time
	return func(done, total int64) {
		if done < total && time.Since(last) < every {
			return
		}
		last = time.Now()
		report(done, total)
	}
}
