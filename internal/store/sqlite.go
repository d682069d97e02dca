package store

// SQLite-only mechanics: how a file path becomes a connection string, how a
// file is recognised as ours before anything is written, the integrity
// check at open, the WAL switch, checkpoints and online copies. A
// PostgreSQL store has none of these (its server does them), so they live
// here, apart from the queries both engines share.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// ApplicationID marks a SQLite file as a register of this program (the
// bytes "MCTT" in the file header, PRAGMA application_id). A non-empty
// SQLite file without it, and without our tables, is another program's and
// is never touched.
const ApplicationID = 0x4D435454

// smallDB is the size under which the full integrity_check runs at every
// open; above it the faster quick_check runs (both read every page, the
// full check also cross-checks every index against its table).
const smallDB = 64 << 20

// RealPath is the absolute path of the database file with symbolic links
// resolved, so that the lock file and the data file are always the same
// file however the clerk or a shortcut named it. A file that does not exist
// yet resolves through its folder.
func RealPath(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("không xác định được đường dẫn đầy đủ của %s: %v", path, err)
	}
	if p, err := filepath.EvalSymlinks(abs); err == nil {
		return p, nil
	}
	dir, base := filepath.Split(abs)
	if d, err := filepath.EvalSymlinks(dir); err == nil {
		return filepath.Join(d, base), nil
	}
	return abs, nil
}

// sqliteURI turns a file path into the URI SQLite opens. Without escaping,
// a folder named "a#b" would cut the path at "#" (SQLite reads a fragment)
// and "?" would start the parameters, so the data would go to another file
// than the one locked; "%" would be read as an escape. Only those three
// characters are special in SQLite's URI path; spaces and Vietnamese
// letters pass as they are (UTF-8).
func sqliteURI(abs string) string {
	p := filepath.ToSlash(abs)
	if runtime.GOOS == "windows" && !strings.HasPrefix(p, "/") {
		p = "/" + p // file:///C:/Users/…
	}
	r := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")
	return "file://" + r.Replace(p)
}

// sqliteDSN is the connection string: per-connection settings only. The
// WAL switch, which changes the file, is made after the file is known to
// be ours (enableWAL). Writes begin IMMEDIATE (one writer, no upgrade
// deadlocks); reads outside a transaction take no write lock at all.
func sqliteDSN(abs string, opt Options) string {
	sync := "FULL"
	if opt.Fast {
		sync = "OFF"
	}
	dsn := sqliteURI(abs) + "?_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)" +
		"&_pragma=synchronous(" + sync + ")&_txlock=immediate&_time_format=sqlite"
	if opt.ReadOnly {
		dsn += "&mode=ro"
	}
	return dsn
}

// ErrNotOurs is returned for a SQLite file made by another program.
var ErrNotOurs = errors.New("không phải cơ sở dữ liệu của phần mềm Một Cửa Thân Thiện")

// checkOwner reads the header and the table list (no write) and tells
// whether the file is new (no tables), ours, or another program's.
func (s *Store) checkOwner() (fresh bool, err error) {
	var app int64
	if err := s.db.QueryRow("PRAGMA application_id").Scan(&app); err != nil {
		return false, err
	}
	var tables int
	var ours int
	if err := s.db.QueryRow(`SELECT COUNT(*), COALESCE(SUM(name IN ('dossiers','audit','procedures','settings')), 0)
		FROM sqlite_master WHERE type = 'table'`).Scan(&tables, &ours); err != nil {
		return false, err
	}
	switch {
	case app == ApplicationID:
		return false, nil
	case app == 0 && tables == 0:
		return true, nil
	case app == 0 && ours == 4:
		return false, nil // written by a release before files were marked
	}
	return false, fmt.Errorf("%w (tệp có %d bảng dữ liệu lạ, mã ứng dụng %#x); phần mềm không ghi gì vào tệp này. Hãy chọn đúng tệp sổ theo dõi hồ sơ, hoặc một tên tệp mới", ErrNotOurs, tables, app)
}

// ErrDamaged is matched by the error Damaged returns.
var ErrDamaged = errors.New("cơ sở dữ liệu bị hỏng")

// checkIntegrity runs the integrity check once a day per register:
// integrity_check on a small file, quick_check on a large one (both read
// every page: about a second per 100 MB here, too slow for every command).
// A passed check is remembered in a small file beside the register, so the
// first program to open it each day pays for the check and the rest open
// at once; a failed check is never remembered, so every open finds it
// again. It returns a clerk-facing error naming the first problems.
func (s *Store) checkIntegrity(now time.Time, always bool) error {
	stamp := checkStamp(now)
	if !always {
		if b, err := os.ReadFile(s.path + checkSuffix); err == nil && strings.TrimSpace(string(b)) == stamp {
			return nil
		}
	}
	var pages, size int64
	if err := s.db.QueryRow("PRAGMA page_count").Scan(&pages); err != nil {
		return err
	}
	if err := s.db.QueryRow("PRAGMA page_size").Scan(&size); err != nil {
		return err
	}
	pragma := "PRAGMA quick_check(5)"
	if pages*size <= smallDB || always {
		pragma = "PRAGMA integrity_check(5)"
	}
	problems, err := s.runCheck(pragma)
	if err != nil {
		return err
	}
	if len(problems) == 0 {
		// A cache: if it cannot be written the check simply runs again at
		// the next open.
		_ = os.WriteFile(s.path+checkSuffix, []byte(stamp+"\n"), 0o644)
		return nil
	}
	return &kindError{fmt.Sprintf("Tệp dữ liệu %s bị hỏng (kiểm tra thấy: %s). Phần mềm chỉ mở để xem, không ghi thêm gì; hãy khôi phục từ bản sao lưu mới nhất (motcua restore) và báo cán bộ công nghệ thông tin.", s.path, strings.Join(problems, "; ")), ErrDamaged}
}

// checkSuffix names the file beside the register that remembers the day of
// the last passed integrity check.
const checkSuffix = ".kiem-tra"

func checkStamp(now time.Time) string { return "ok " + now.Format("2006-01-02") }

func (s *Store) runCheck(pragma string) ([]string, error) {
	rows, err := s.db.Query(pragma)
	if err != nil {
		return []string{err.Error()}, nil
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return nil, err
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		problems = append(problems, err.Error())
	}
	return problems, nil
}

// Check runs the full integrity check now (motcua check) and returns the
// problems found, none for a sound register.
func (s *Store) Check(ctx context.Context) ([]string, error) {
	if s.Engine() == "postgres" {
		// The server keeps its own files whole; what a desk can check is
		// that it answers.
		return nil, Explain(s.db.PingContext(ctx))
	}
	return s.runCheck("PRAGMA integrity_check(20)")
}

// enableWAL switches the file to write-ahead logging and checks that the
// switch took: on some network shares it silently stays in the old mode,
// where a reader blocks the writer.
func (s *Store) enableWAL() error {
	var mode string
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil {
		return err
	}
	if strings.EqualFold(mode, "wal") {
		return nil
	}
	if err := s.db.QueryRow("PRAGMA journal_mode = WAL").Scan(&mode); err != nil {
		return err
	}
	if !strings.EqualFold(mode, "wal") {
		return fmt.Errorf("không bật được chế độ ghi an toàn (WAL) cho tệp dữ liệu; chế độ hiện tại là %q. Tệp có nằm trên ổ mạng hoặc USB không? Hãy để tệp dữ liệu trên ổ đĩa của máy", mode)
	}
	return nil
}

// markOurs stamps the application id inside a write transaction.
func (tx *Tx) markOurs() error {
	_, err := tx.tx.Exec(fmt.Sprintf("PRAGMA application_id = %d", ApplicationID))
	return err
}

// checkpoint folds the WAL back into the main file without waiting for
// readers (PASSIVE never blocks); it reports an error instead of hiding it.
func (s *Store) checkpoint() error {
	var busy, logPages, done int
	if err := s.db.QueryRow("PRAGMA wal_checkpoint(PASSIVE)").Scan(&busy, &logPages, &done); err != nil {
		return fmt.Errorf("không gộp được nhật ký ghi vào tệp dữ liệu (dữ liệu vẫn an toàn trong tệp -wal): %w", Explain(err))
	}
	return nil
}

// CopyTo writes a consistent copy of the open database to dst (VACUUM
// INTO: an online copy that readers and writers can go on around; never a
// file copy of a live WAL database). dst must not exist.
func (s *Store) CopyTo(ctx context.Context, dst string) error {
	abs, err := filepath.Abs(dst)
	if err != nil {
		return err
	}
	if _, err := os.Stat(abs); err == nil {
		return fmt.Errorf("tệp %s đã có; hãy chọn tên tệp khác", dst)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return fmt.Errorf("không tạo được thư mục %s: %v", filepath.Dir(abs), err)
	}
	if s.Engine() == "postgres" {
		// A register on a server is copied, verified, into a new SQLite
		// file (the administrator's own backups use pg_dump).
		return s.copyToFile(ctx, abs)
	}
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", abs); err != nil {
		os.Remove(abs)
		return fmt.Errorf("không sao chép được cơ sở dữ liệu sang %s: %w", dst, Explain(err))
	}
	// Opened for writing: Windows flushes (FlushFileBuffers) only through
	// a handle that may write, and refuses a read-only one ("Access denied").
	if f, err := os.OpenFile(abs, os.O_RDWR, 0); err == nil {
		err = f.Sync()
		f.Close()
		if err != nil {
			return fmt.Errorf("không ghi được bản sao %s xuống đĩa: %v", dst, err)
		}
	}
	return syncDir(filepath.Dir(abs))
}

// syncDir makes a rename or a new file in dir durable (no-op on Windows,
// where directories cannot be opened for sync).
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return nil
	}
	defer d.Close()
	_ = d.Sync() // some file systems refuse fsync on a directory; the data itself is synced
	return nil
}

// FileInfo is what a look at a database file (a backup to restore) finds,
// read without changing it.
type FileInfo struct {
	Schema   int   // PRAGMA user_version
	Dossiers int   // rows in the register
	Newest   int64 // latest updated_at of a dossier, unix seconds
}

// Inspect opens a database file read-only and checks it is a register of
// ours, whole (integrity_check), and not from a newer program.
func Inspect(ctx context.Context, path string) (FileInfo, error) {
	var fi FileInfo
	st, err := os.Stat(path)
	if err != nil {
		return fi, fmt.Errorf("không đọc được tệp %s: %v", path, err)
	}
	if st.IsDir() || st.Size() == 0 {
		return fi, fmt.Errorf("tệp %s trống hoặc là thư mục, không phải bản sao lưu", path)
	}
	abs, err := RealPath(path)
	if err != nil {
		return fi, err
	}
	db, err := sql.Open("sqlite", sqliteURI(abs)+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		return fi, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	s := &Store{db: &DB{DB: db, d: sqliteDialect{}}, path: abs}
	fresh, err := s.checkOwner()
	if err != nil {
		return fi, explainOpen(path, err)
	}
	if fresh {
		return fi, fmt.Errorf("tệp %s không chứa sổ theo dõi hồ sơ nào", path)
	}
	if err := s.checkIntegrityFull(); err != nil {
		return fi, err
	}
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&fi.Schema); err != nil {
		return fi, explainOpen(path, err)
	}
	if fi.Schema > len(migrations) {
		return fi, fmt.Errorf("tệp %s do phiên bản phần mềm mới hơn tạo ra (lược đồ %d, phần mềm này hiểu đến %d); hãy cập nhật phần mềm trước khi khôi phục", path, fi.Schema, len(migrations))
	}
	if err := db.QueryRowContext(ctx, "SELECT COUNT(*), COALESCE(MAX(updated_at), 0) FROM dossiers").Scan(&fi.Dossiers, &fi.Newest); err != nil {
		return fi, explainOpen(path, err)
	}
	return fi, nil
}

func (s *Store) checkIntegrityFull() error {
	var line string
	if err := s.db.QueryRow("PRAGMA integrity_check(1)").Scan(&line); err != nil {
		return fmt.Errorf("tệp %s bị hỏng: %w", s.path, Explain(err))
	}
	if line != "ok" {
		return &kindError{fmt.Sprintf("tệp %s bị hỏng (kiểm tra thấy: %s)", s.path, line), ErrDamaged}
	}
	return nil
}

// CountNotIn counts the dossiers of this register that the backup file at
// path lacks or holds with fewer steps: what restoring that backup would
// lose. (SQLite only: it attaches the backup read-only.)
func (s *Store) CountNotIn(ctx context.Context, path string) (int, error) {
	real, err := RealPath(path)
	if err != nil {
		return 0, err
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `ATTACH DATABASE ? AS bk`, sqliteURI(real)+"?mode=ro"); err != nil {
		return 0, fmt.Errorf("không đọc được bản sao lưu %s: %w", path, Explain(err))
	}
	defer conn.ExecContext(context.Background(), `DETACH DATABASE bk`)
	var n int
	err = conn.QueryRowContext(ctx, `SELECT COUNT(*) FROM main.dossiers d LEFT JOIN bk.dossiers b ON b.id = d.id
		WHERE b.id IS NULL
		   OR (SELECT COUNT(*) FROM main.events e WHERE e.dossier_n = d.n) > (SELECT COUNT(*) FROM bk.events f WHERE f.dossier_n = b.n)`).Scan(&n)
	return n, err
}
