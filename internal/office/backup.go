package office

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/store"
)

// BackupFolder is the folder of automatic backups, beside the register in
// the user's data folder.
const BackupFolder = "sao-luu"

// KeepBackups is how many days of automatic backups are kept.
const KeepBackups = 30

const autoSuffix = ".db"

// autoPrefix names the automatic backups of the register at dbPath after its
// file: motcua.db backs up as motcua-2026-11-28.db, the demo register beside
// it (motcua-demo.db) as motcua-demo-2026-11-28.db. Two registers in one
// folder share one backup folder, so a shared name would let the demo's
// backup overwrite the real register's, and a restore offer the demo's.
func autoPrefix(dbPath string) string {
	return strings.TrimSuffix(filepath.Base(dbPath), filepath.Ext(dbPath)) + "-"
}

// BackupDir is where the automatic backups of the register at dbPath go.
func BackupDir(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), BackupFolder)
}

// Backup writes a consistent copy of the register to dst while it stays in
// use (SQLite's VACUUM INTO, never a file copy of a live database). When
// dst is a folder (a USB stick), the copy is named after the date and time
// inside it. It returns the file written. The window's "Sao lưu ra USB"
// calls this with the folder the clerk picked.
func (o *Office) Backup(ctx context.Context, dst string) (string, error) {
	if fi, err := os.Stat(dst); err == nil && fi.IsDir() {
		dst = filepath.Join(dst, "motcua-sao-luu-"+o.Now().Format("2006-01-02-1504")+".db")
	}
	if _, err := os.Stat(dst); err == nil {
		return "", fmt.Errorf("tệp %s đã có; hãy chọn tên tệp khác", dst)
	}
	// The copy is made under a temporary name beside dst and renamed only
	// when whole: a cancel, a full stick or a pulled USB leaves no file
	// that looks like a backup.
	tmp := filepath.Join(filepath.Dir(dst), "."+filepath.Base(dst)+"-"+strconv.FormatInt(time.Now().UnixNano(), 36)+".tmp")
	if err := o.st.CopyTo(ctx, tmp); err != nil {
		os.Remove(tmp)
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		// The clerk chose dst: the message names it, not the temporary file.
		return "", namedErr{err, strings.ReplaceAll(err.Error(), tmp, dst)}
	}
	if err := os.Rename(tmp, dst); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("không lưu được bản sao lưu thành %s: %v", dst, err)
	}
	return dst, nil
}

// DailyBackup makes today's automatic backup if there is none yet (the
// window calls it when it opens), and removes automatic backups older than
// KeepBackups days. It returns the file written, or "" when today's backup
// already existed.
func (o *Office) DailyBackup(ctx context.Context) (string, error) {
	if store.IsURL(o.Path()) {
		return "", nil // a register on a server is backed up there (pg_dump, docs/postgresql.md)
	}
	path := o.autoBackupPath()
	if _, err := os.Stat(path); err == nil {
		return "", o.pruneBackups()
	}
	return o.refreshBackup(ctx, path)
}

// ExitBackup refreshes today's automatic backup with the day's work (the
// window calls it when it closes). It returns "" and writes nothing when
// the register has not changed since today's backup was made: a window
// only looked at held the register's lock for seconds while it copied a
// large register again (7 s at 1,000,000 dossiers), and a clerk opening
// the program again meanwhile was told it was already open.
func (o *Office) ExitBackup(ctx context.Context) (string, error) {
	if store.IsURL(o.Path()) {
		return "", nil // see DailyBackup
	}
	path := o.autoBackupPath()
	if !o.Wrote() && !changedSince(o.Path(), path) {
		o.keepExitCopy(ctx, path)
		return "", nil
	}
	written, err := o.refreshBackup(ctx, path)
	if written != "" {
		o.keepExitCopy(ctx, written)
	}
	return written, err
}

// exitCopy is the automatic backup the exit made or found current, and the
// register's change mark at that moment.
type exitCopy struct {
	path string
	mark int64
}

func (o *Office) keepExitCopy(ctx context.Context, path string) {
	if mark, err := o.st.ChangeMark(ctx); err == nil {
		o.exitCopy.Store(&exitCopy{path, mark})
	}
}

// exitCopyCurrent is the exit's backup when nothing was committed since
// it was made or found current, else "".
func (o *Office) exitCopyCurrent() string {
	c := o.exitCopy.Load()
	if c == nil {
		return ""
	}
	if mark, err := o.st.ChangeMark(context.Background()); err != nil || mark != c.mark {
		return ""
	}
	return c.path
}

// changedSince reports whether the register at dbPath may hold changes
// the backup file lacks: the backup is missing, or the register's file or
// its write-ahead log was written after it (a session that ended without
// its exit backup, a change from the command line). In doubt, it says yes.
func changedSince(dbPath, backup string) bool {
	b, err := os.Stat(backup)
	if err != nil {
		return true
	}
	db, err := os.Stat(dbPath)
	if err != nil || !db.ModTime().Before(b.ModTime()) {
		return true
	}
	// SQLite creates an empty log when it opens the register: only a log
	// with something in it can hold a change.
	wal, err := os.Stat(dbPath + "-wal")
	if os.IsNotExist(err) {
		return false
	}
	return err != nil || wal.Size() > 0 && !wal.ModTime().Before(b.ModTime())
}

func (o *Office) autoBackupPath() string {
	return filepath.Join(BackupDir(o.Path()), autoPrefix(o.Path())+o.Now().Format("2006-01-02")+autoSuffix)
}

// refreshBackup writes a new copy beside path and renames it over path, so
// a crash during the copy never leaves the day without a whole backup.
func (o *Office) refreshBackup(ctx context.Context, path string) (string, error) {
	if o.Damaged() != nil {
		return "", errors.New("không sao lưu tự động vì tệp dữ liệu đang bị hỏng: bản sao lưu tốt hiện có được giữ nguyên")
	}
	tmp := path + ".tmp"
	os.Remove(tmp)
	if err := o.st.CopyTo(ctx, tmp); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("không lưu được bản sao lưu %s: %v", path, err)
	}
	return path, o.pruneBackups()
}

// pruneBackups removes automatic backups older than KeepBackups days. Only
// files named by the automatic scheme are touched.
func (o *Office) pruneBackups() error {
	cut := o.Now().AddDate(0, 0, -KeepBackups)
	for _, b := range listBackups(o.Path()) {
		if b.day.Before(cut) {
			if err := os.Remove(b.path); err != nil {
				return fmt.Errorf("không xóa được bản sao lưu cũ %s: %v", b.path, err)
			}
		}
	}
	return nil
}

type backupFile struct {
	path string
	day  time.Time
}

// listBackups lists the automatic backups of the register at dbPath, newest
// first; another register's backups in the same folder are not its.
func listBackups(dbPath string) []backupFile {
	dir, prefix := BackupDir(dbPath), autoPrefix(dbPath)
	entries, _ := os.ReadDir(dir)
	var out []backupFile
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, autoSuffix) {
			continue
		}
		day, err := time.ParseInLocation("2006-01-02", strings.TrimSuffix(strings.TrimPrefix(name, prefix), autoSuffix), calendar.Zone)
		if err != nil {
			continue
		}
		out = append(out, backupFile{filepath.Join(dir, name), day})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].day.After(out[j].day) })
	return out
}

// NewestGoodBackup is the newest automatic backup of the register at
// dbPath that passes its checks, or "" when there is none.
func NewestGoodBackup(ctx context.Context, dbPath string) string {
	if store.IsURL(dbPath) {
		return ""
	}
	for _, b := range listBackups(dbPath) {
		if _, err := store.Inspect(ctx, b.path); err == nil {
			return b.path
		}
	}
	return ""
}

// RestorePlan is what a restore would do, for the clerk to confirm.
type RestorePlan struct {
	Source         string    `json:"source"`
	SourceDossiers int       `json:"source_dossiers"`
	SourceNewest   time.Time `json:"source_newest"`
	Current        string    `json:"current"`
	// CurrentDossiers is -1 when the current register could not be read.
	CurrentDossiers int `json:"current_dossiers"`
	// Newer counts the dossiers of the current register that the backup
	// lacks or holds with fewer steps: the restore would lose them.
	Newer int `json:"newer"`
	// Aside is where the current register is kept.
	Aside string `json:"aside"`
}

// Warning is the sentence a clerk must read before confirming.
func (p RestorePlan) Warning() string {
	if p.Newer > 0 {
		return fmt.Sprintf("Cảnh báo: sổ hiện tại có %d hồ sơ được tiếp nhận hoặc cập nhật sau bản sao lưu; khôi phục sẽ làm các thay đổi đó biến mất khỏi sổ (sổ hiện tại vẫn được giữ lại ở %s).", p.Newer, p.Aside)
	}
	return ""
}

// ErrRestoreCancelled is returned when the clerk does not confirm.
var ErrRestoreCancelled = errors.New("chưa khôi phục: người dùng không xác nhận; sổ hiện tại giữ nguyên")

// Restore replaces the register at dbPath with the backup src. It checks
// the backup first (a register of ours, whole, not from a newer program),
// refuses while the window has the register open, shows confirm the plan
// (how many dossiers are newer than the backup), keeps the current register
// aside in the backup folder, and only then puts the backup in place.
func Restore(ctx context.Context, dbPath, src string, now time.Time, confirm func(RestorePlan) bool) (RestorePlan, error) {
	plan := RestorePlan{Source: src, CurrentDossiers: -1}
	if store.IsURL(dbPath) {
		return plan, errors.New("sổ đang ở trên máy chủ PostgreSQL: việc khôi phục do quản trị viên làm trên máy chủ (pg_restore, xem docs/postgresql.md), hoặc chuyển một bản sao lưu lên máy chủ trống bằng lệnh motcua migrate")
	}
	real, err := store.RealPath(dbPath)
	if err != nil {
		return plan, err
	}
	plan.Current = real
	srcReal, err := store.RealPath(src)
	if err != nil {
		return plan, err
	}
	if srcReal == real {
		return plan, fmt.Errorf("tệp %s chính là sổ đang dùng; hãy chọn một bản sao lưu", src)
	}
	info, err := store.Inspect(ctx, src)
	if err != nil {
		return plan, err
	}
	plan.SourceDossiers = info.Dossiers
	plan.SourceNewest = time.Unix(info.Newest, 0).In(calendar.Zone)
	lock, err := store.Lock(real)
	if err != nil {
		if errors.Is(err, store.ErrInUse) {
			return plan, errors.New("cửa sổ phần mềm đang mở sổ này; hãy đóng cửa sổ rồi khôi phục lại")
		}
		return plan, err
	}
	defer lock.Release()

	plan.Aside = filepath.Join(BackupDir(real), "truoc-khoi-phuc-"+now.In(calendar.Zone).Format("2006-01-02-150405")+".db")
	var cur *store.Store
	if _, err := os.Stat(real); err == nil {
		if cur, err = store.Open(real, store.Options{}); err == nil {
			defer func() {
				if cur != nil {
					cur.Close()
				}
			}()
			if n, err := cur.Count(ctx, store.Filter{}); err == nil {
				plan.CurrentDossiers = n
			}
			if plan.Newer, err = cur.CountNotIn(ctx, src); err != nil {
				return plan, err
			}
		}
	}
	if confirm != nil && !confirm(plan) {
		return plan, ErrRestoreCancelled
	}
	// Keep the current register aside: an online copy when it can be read,
	// else its files as they are (a damaged register).
	if cur != nil {
		if err := cur.CopyTo(ctx, plan.Aside); err != nil {
			return plan, fmt.Errorf("chưa khôi phục: không giữ lại được sổ hiện tại (%w)", err)
		}
		if err := cur.Close(); err != nil {
			return plan, fmt.Errorf("chưa khôi phục: %w", err)
		}
		cur = nil
	} else if _, err := os.Stat(real); err == nil {
		if err := os.MkdirAll(filepath.Dir(plan.Aside), 0o755); err != nil {
			return plan, err
		}
		if err := os.Rename(real, plan.Aside); err != nil {
			return plan, fmt.Errorf("chưa khôi phục: không giữ lại được sổ hiện tại: %v", err)
		}
		for _, ext := range []string{"-wal", "-shm"} {
			os.Rename(real+ext, plan.Aside+ext)
		}
	} else {
		plan.Aside = ""
	}
	// Copy the backup in beside the register, then swap it in.
	tmp := real + ".khoi-phuc.tmp"
	os.Remove(tmp)
	bs, err := store.Open(src, store.Options{ReadOnly: true})
	if err != nil {
		return plan, err
	}
	err = bs.CopyTo(ctx, tmp)
	bs.Close()
	if err != nil {
		return plan, err
	}
	for _, ext := range []string{"-wal", "-shm"} {
		if err := os.Remove(real + ext); err != nil && !os.IsNotExist(err) {
			os.Remove(tmp)
			return plan, fmt.Errorf("chưa khôi phục: không xóa được tệp nhật ký %s: %v", real+ext, err)
		}
	}
	if err := os.Rename(tmp, real); err != nil {
		os.Remove(tmp)
		return plan, fmt.Errorf("không thay được tệp dữ liệu %s: %v (sổ cũ được giữ ở %s)", real, err, plan.Aside)
	}
	// The restored register records what happened to it, in its own chain.
	st, err := store.Open(real, store.Options{})
	if err != nil {
		return plan, fmt.Errorf("đã khôi phục nhưng không mở được sổ để ghi nhật ký: %w", err)
	}
	note, err := json.Marshal(plan)
	if err == nil {
		err = st.Tx(ctx, func(tx *store.Tx) error {
			return tx.AppendAudit(store.Audit{At: now, Actor: defaultActor(), Action: "restore", Entity: "register", EntityID: filepath.Base(real), After: string(note)})
		})
	}
	return plan, errors.Join(err, st.Close())
}

// Wrote reports whether this office saved anything since it was opened.
func (o *Office) Wrote() bool { return o.st.Wrote() }

// Check runs the full integrity check of the register now and returns the
// problems it finds (none for a sound register).
func (o *Office) Check(ctx context.Context) ([]string, error) { return o.st.Check(ctx) }

// namedErr is err with its message reworded (Unwrap keeps what it is).
type namedErr struct {
	err error
	msg string
}

func (e namedErr) Error() string { return e.msg }
func (e namedErr) Unwrap() error { return e.err }
