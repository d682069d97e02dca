// Package store keeps the office's data in one SQLite file, or, for an
// office with several desks, on a PostgreSQL server (Open with a
// postgres:// URL; the differences sit behind dialect.go): the register of
// dossiers with their events, procedures, settings, calendar schedules and
// the audit log. It knows SQL and nothing of windows or business rules; the
// use cases in internal/office are its only callers.
//
// The database runs in WAL mode with full synchronous commits, so a dossier
// that was saved survives a power cut, and one that was being saved is
// either fully there or not at all. Schema changes are versioned migrations
// applied in place when an older database is opened.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Store is an open database.
type Store struct {
	db         *DB
	path       string
	contigOnce sync.Once
	contig     bool
	damaged    atomic.Pointer[error] // set when a failed integrity check made it read-only (Damaged)
	wrote      atomic.Bool           // a write transaction committed (Close checkpoints then)
	local      atomic.Int64          // commits made through this Store (ChangeMark)
	closeOnce  sync.Once
	closeErr   error
	// progress and upgradeBackup come from Options (upgrade.go).
	progress      func(Progress)
	upgradeBackup func(real string, from int) string
	pgcfg         *pgx.ConnConfig // the server's connection settings (Listen)
}

// Options tune Open.
type Options struct {
	// ReadOnly opens the file without writing (no migration either).
	ReadOnly bool
	// Fast trades durability for speed: synchronous=NORMAL. Only the seeder
	// uses it; a counter always commits durably.
	Fast bool
	// MaxMigration stops migrations at that version (tests of upgrades).
	MaxMigration int
	// CheckAlways runs the full integrity check at this open even if it
	// already passed today (see checkIntegrity).
	CheckAlways bool
	// DeferCheck leaves the day's integrity check of a SQLite register to
	// CheckInBackground (the window runs it after its first frame), except
	// before an upgrade, which is always checked first.
	DeferCheck bool
	// Progress, when set, is told how an upgrade of a register made by an
	// older release advances (upgrade.go); it is called on Open's goroutine.
	Progress func(Progress)
	// UpgradeBackup, when set, names the file a SQLite register (at its
	// real path, at schema from) is copied to before it is upgraded.
	UpgradeBackup func(real string, from int) string
}

// Open opens (creating if needed) the database at path and brings its
// schema up to date. A SQLite file of another program is refused before
// anything is written to it; a damaged register is opened for reading only
// (Damaged says why) so the clerk can still look things up. A postgres://
// or postgresql:// URL opens the register on a PostgreSQL server instead
// (see postgres.go); a URL is never taken for a file name.
func Open(path string, opt Options) (*Store, error) {
	if IsURL(path) {
		return openPostgres(strings.TrimSpace(path), opt)
	}
	if path == "" {
		return nil, errors.New("chưa chỉ định tệp cơ sở dữ liệu")
	}
	real, err := RealPath(path)
	if err != nil {
		return nil, err
	}
	if dir := filepath.Dir(real); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("không tạo được thư mục dữ liệu %s: %v", dir, err)
		}
	}
	if fi, err := os.Stat(real); err == nil && fi.IsDir() {
		return nil, fmt.Errorf("%s là một thư mục, không phải tệp cơ sở dữ liệu", path)
	}
	sqldb, err := sql.Open("sqlite", sqliteDSN(real, opt))
	if err != nil {
		return nil, Explain(err)
	}
	// One connection: SQLite has one writer anyway, and a single connection
	// keeps transactions strictly serial within the process.
	sqldb.SetMaxOpenConns(1)
	db := &DB{DB: sqldb, d: sqliteDialect{}}
	s := &Store{db: db, path: real, progress: opt.Progress, upgradeBackup: opt.UpgradeBackup}
	if err := s.openSQLite(opt); err != nil {
		db.Close()
		if errors.Is(err, ErrNotOurs) || errors.Is(err, errNewer) {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return nil, explainOpen(path, err)
	}
	return s, nil
}

// openSQLite checks the file before writing to it, then switches it to
// WAL, marks it as ours and migrates it.
func (s *Store) openSQLite(opt Options) error {
	if err := s.db.Ping(); err != nil {
		return err
	}
	fresh, err := s.checkOwner()
	if err != nil {
		return err
	}
	if opt.ReadOnly {
		return nil
	}
	if !fresh {
		v, err := s.checkVersion()
		if err != nil {
			return err
		}
		// The check runs before an upgrade writes anything, whatever
		// DeferCheck says; otherwise the window runs it after its first
		// frame (CheckInBackground).
		if upgrade := v < len(migrations); upgrade || !opt.DeferCheck {
			if upgrade && v > 0 { // a new register is created, not upgraded
				s.report(Progress{Phase: PhaseCheck, Steps: len(migrations) - v, From: v, To: len(migrations)})
			}
			if err := s.checkIntegrity(time.Now(), opt.CheckAlways); err != nil {
				return s.markDamaged(err)
			}
		}
	}
	if err := s.enableWAL(); err != nil {
		return err
	}
	max := len(migrations)
	if opt.MaxMigration > 0 && opt.MaxMigration < max {
		max = opt.MaxMigration
	}
	return s.migrate(max)
}

// Damaged is the integrity check's finding when the register was opened
// read-only because it is damaged; nil for a sound register.
func (s *Store) Damaged() error {
	if p := s.damaged.Load(); p != nil {
		return *p
	}
	return nil
}

// markDamaged makes the register read-only for good: every write is
// refused with err (Tx), and the connection itself refuses writes.
func (s *Store) markDamaged(err error) error {
	s.damaged.Store(&err)
	_, qerr := s.db.Exec("PRAGMA query_only = 1")
	return qerr
}

// Wrote reports whether this store committed a write.
func (s *Store) Wrote() bool { return s.wrote.Load() }

// Path is the database file (its real path, links resolved), or the
// server's address without its password.
func (s *Store) Path() string { return s.path }

// Close closes the database. When this process wrote, the WAL is folded
// back into the main file if no reader is in the way (a checkpoint never
// waits); any error is reported, not dropped.
// Closing twice returns the first close's result.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		var cerr error
		if s.db.d.name() == "sqlite" && s.wrote.Load() && s.Damaged() == nil {
			cerr = s.checkpoint()
		}
		s.closeErr = errors.Join(cerr, s.db.Close())
	})
	return s.closeErr
}

// DB exposes the handle for benchmarks and tests in other packages.
func (s *Store) DB() *DB { return s.db }

var errNewer = errors.New("cơ sở dữ liệu được tạo bởi phiên bản phần mềm mới hơn")

// checkVersion refuses a file from a newer program before anything is
// written to it.
func (s *Store) checkVersion() (int, error) {
	var v int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		return 0, err
	}
	if v > len(migrations) {
		return v, fmt.Errorf("%w (lược đồ %d, phần mềm này hiểu đến %d); hãy cập nhật phần mềm", errNewer, v, len(migrations))
	}
	return v, nil
}

// migrate brings the schema to version max. A register already at max is
// only read: opening it takes no write lock, so a command that only reads
// never waits for (or blocks) a writer.
func (s *Store) migrate(max int) error {
	ctx := context.Background()
	v, err := s.db.d.version(ctx, s.db)
	if err != nil {
		return err
	}
	if v > len(migrations) {
		return fmt.Errorf("%w (lược đồ %d, phần mềm này hiểu đến %d); hãy cập nhật phần mềm", errNewer, v, len(migrations))
	}
	app := int64(ApplicationID)
	if s.db.d.name() == "sqlite" { // the file's mark; a server database is ours by its URL
		if err := s.db.QueryRow("PRAGMA application_id").Scan(&app); err != nil {
			return err
		}
	}
	if v >= max && app == ApplicationID {
		return nil
	}
	steps := max - v
	if v > 0 && v < max {
		if err := s.backupBeforeUpgrade(v, steps); err != nil {
			return err
		}
	}
	if app != ApplicationID {
		if err := s.Tx(ctx, func(tx *Tx) error { return tx.markOurs() }); err != nil {
			return err
		}
	}
	// A new, empty register is created, not upgraded: only an older
	// register's upgrade is reported (the window's "Đang nâng cấp sổ…").
	report := s.report
	if v == 0 {
		report = func(Progress) {}
	}
	for i := v; i < max; i++ {
		p := Progress{Phase: PhaseMigrate, Step: i - v + 1, Steps: steps, From: v, To: max}
		report(p)
		rows := throttle(200*time.Millisecond, func(done, total int64) {
			p.Done, p.Total = done, total
			report(p)
		})
		err := s.Tx(ctx, func(tx *Tx) error {
			if s.progress != nil && v > 0 {
				tx.progress = rows
			}
			if err := s.db.d.beginMigration(tx.tx); err != nil {
				return err
			}
			cur, err := s.db.d.version(ctx, tx.tx)
			if err != nil {
				return err
			}
			if cur != i {
				return nil // another process (another desk) migrated meanwhile
			}
			if _, err := tx.tx.Exec(s.db.d.migration(i)); err != nil {
				return fmt.Errorf("nâng cấp lược đồ lên %d: %w", i+1, err)
			}
			if i+1 == 2 {
				if err := tx.reindexAll(); err != nil {
					return err
				}
			}
			if hook := hookOf(migrations[i]); hook != nil {
				if err := hook(tx); err != nil {
					return fmt.Errorf("nâng cấp lược đồ lên %d: %w", i+1, err)
				}
			}
			return s.db.d.setVersion(tx.tx, i+1)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// Version is the schema version of the open database.
func (s *Store) Version() (int, error) {
	return s.db.d.version(context.Background(), s.db)
}

// Tx is a write transaction.
type Tx struct {
	tx    *sqlTx
	stmts map[string]*sql.Stmt
	// progress is set during a migration step that walks rows.
	progress func(done, total int64)
	// late: the register lock is taken by the first method that needs
	// order (TxLateLock); locked: it was.
	late, locked bool
	// marked: the change mark was moved and the desks nudged with the
	// commit (committed has nothing more to do).
	marked bool
}

// exec runs a statement prepared once per transaction: bulk work (seeding,
// imports) repeats the same few statements many times.
func (tx *Tx) exec(query string, args ...any) (sql.Result, error) {
	if err := tx.lock(); err != nil {
		return nil, err
	}
	if !tx.tx.d.prepare() {
		return tx.tx.Exec(query, args...)
	}
	st, ok := tx.stmts[query]
	if !ok {
		var err error
		if st, err = tx.tx.Prepare(query); err != nil {
			return nil, err
		}
		if tx.stmts == nil {
			tx.stmts = map[string]*sql.Stmt{}
		}
		tx.stmts[query] = st
	}
	return st.Exec(args...)
}

func (tx *Tx) closeStmts() {
	for _, st := range tx.stmts {
		st.Close()
	}
}

// Tx runs fn in one write transaction: all of it is saved or none. Write
// transactions are serial (SQLite's immediate lock; PostgreSQL's register
// lock, see postgresDialect.begin). Should PostgreSQL still report a
// serialization failure, fn runs again from the start, so fn must not keep
// state between attempts beyond what it reassigns.
func (s *Store) Tx(ctx context.Context, fn func(*Tx) error) error {
	return s.tx(ctx, false, fn)
}

func (s *Store) tx(ctx context.Context, late bool, fn func(*Tx) error) error {
	if err := s.Damaged(); err != nil {
		return err
	}
	for attempt := 1; ; attempt++ {
		marked, err := s.tx1(ctx, late, fn)
		if err == nil || !s.db.d.retry(err) || attempt >= maxAttempts || ctx.Err() != nil {
			if err == nil {
				s.wrote.Store(true)
				s.committed(marked)
			}
			return Explain(err)
		}
		backoff(attempt)
	}
}

// tx1 runs fn once; marked: the change mark was moved after the commit.
func (s *Store) tx1(ctx context.Context, late bool, fn func(*Tx) error) (marked bool, err error) {
	var tx *sqlTx
	if late && s.db.d.name() == "postgres" {
		tx, err = s.db.beginOnConn(ctx) // for ReceiveDossier's pipelines
	} else {
		tx, err = s.db.BeginTx(ctx, s.db.d.txOptions())
	}
	if err != nil {
		return false, err
	}
	// SQLite's lock is taken at BEGIN whatever late says.
	t := &Tx{tx: tx, late: late && s.db.d.name() == "postgres"}
	defer t.closeStmts()
	if !t.late {
		if err := s.db.d.begin(tx); err != nil {
			_ = tx.Rollback()
			return false, err
		}
	}
	if err := fn(t); err != nil {
		_ = tx.Rollback()
		return false, err
	}
	if err := tx.Commit(); err != nil {
		_ = tx.Rollback()
		return false, err
	}
	return t.marked, nil
}

// ErrNotFound is returned when a looked-up record does not exist.
var ErrNotFound = errors.New("không tìm thấy")

// ErrDuplicate is returned when a unique code or number is already taken.
var ErrDuplicate = errors.New("bị trùng")

// kindError carries a clerk-facing message and matches a sentinel with
// errors.Is, without repeating the sentinel's words in the message.
type kindError struct {
	msg  string
	kind error
}

func (e *kindError) Error() string        { return e.msg }
func (e *kindError) Is(target error) bool { return target == e.kind }

// NotFound makes an error that reads as the message and matches ErrNotFound.
func NotFound(format string, a ...any) error {
	return &kindError{fmt.Sprintf(format, a...), ErrNotFound}
}

func duplicate(format string, a ...any) error {
	return &kindError{fmt.Sprintf(format, a...), ErrDuplicate}
}

// Explain turns SQLite's errors into sentences a clerk can act on. Errors
// that are already explained pass through.
func Explain(err error) error {
	if err == nil {
		return nil
	}
	if e, ok := explainPostgres(err); ok {
		return e
	}
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return err
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_FULL:
		return fmt.Errorf("ổ đĩa đã đầy nên dữ liệu chưa được lưu (không mất dữ liệu cũ). Hãy giải phóng dung lượng ổ đĩa rồi thử lại: %w", err)
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return fmt.Errorf("cơ sở dữ liệu đang bận vì một chương trình khác đang ghi; đợi một lát rồi thử lại: %w", err)
	case sqlite3.SQLITE_READONLY:
		return fmt.Errorf("không ghi được vào tệp cơ sở dữ liệu (chỉ đọc hoặc không có quyền ghi): %w", err)
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return fmt.Errorf("tệp cơ sở dữ liệu bị hỏng hoặc không phải cơ sở dữ liệu của phần mềm; hãy khôi phục từ bản sao lưu: %w", err)
	case sqlite3.SQLITE_IOERR:
		return fmt.Errorf("lỗi đọc ghi ổ đĩa, dữ liệu chưa được lưu; kiểm tra ổ đĩa rồi thử lại: %w", err)
	case sqlite3.SQLITE_CANTOPEN:
		return fmt.Errorf("không mở được tệp cơ sở dữ liệu; kiểm tra đường dẫn và quyền truy cập: %w", err)
	case sqlite3.SQLITE_CONSTRAINT:
		if strings.Contains(se.Error(), "UNIQUE") {
			return duplicate("dữ liệu bị trùng với một bản ghi đã có (%v)", err)
		}
	}
	return err
}

func explainOpen(path string, err error) error {
	e := Explain(err)
	if e != err {
		return fmt.Errorf("%s: %w", path, e)
	}
	return fmt.Errorf("không mở được cơ sở dữ liệu %s: %w", path, err)
}

func unix(t time.Time) int64 { return t.Unix() }

func nullUnix(t *time.Time) any {
	if t == nil {
		return nil
	}
	return t.Unix()
}
