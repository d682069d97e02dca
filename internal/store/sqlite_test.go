package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/register"
)

// testDossier is a minimal valid dossier for store-level tests.
func testDossier(i int) *register.Dossier {
	at := time.Date(2026, 11, 20, 8, 0, 0, 0, calendar.Zone).Add(time.Duration(i) * time.Minute)
	return &register.Dossier{
		ID: fmt.Sprintf("0190a0a0-0000-7000-8000-%012d", i), Code: fmt.Sprintf("A-261120-%04d", i),
		Year: 2026, EntryNo: i, BookNo: 1, ProcedureCode: "khai-sinh", ProcedureName: "Đăng ký khai sinh",
		ProcedureVersion: 1, FormSet: "TT01/2018", Limit: calendar.Limit{Unit: calendar.SameDay},
		Applicant:    register.Applicant{Name: fmt.Sprintf("Nguyễn Văn Đức %d", i), Address: "Thôn Đông", Phone: "0912345678"},
		ResultMethod: "counter", ReceivedAt: at, DueAt: at.Add(8 * time.Hour), State: register.Received, UpdatedAt: at,
		Events: []register.Event{{Seq: 1, Kind: register.EvReceived, At: at, State: register.Received}},
	}
}

func insertDossiers(t *testing.T, s *Store, n int) {
	t.Helper()
	err := s.Tx(context.Background(), func(tx *Tx) error {
		for i := 1; i <= n; i++ {
			if err := tx.InsertDossier("A", i, testDossier(i)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A folder name with #, ?, % (a Windows profile "Nguyễn#1", a folder
// "50%") must not send the data to another file than the one locked.
func TestPathsWithURICharacters(t *testing.T) {
	names := []string{"a#b", "a?b", "a%41b", "x%", "a b", "Nguyễn Văn Đức", "#?%&=", "dữ liệu #2 (50%)"}
	if runtime.GOOS == "windows" {
		names = slices.DeleteFunc(names, func(s string) bool { return bytes.ContainsAny([]byte(s), "?") })
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			root := t.TempDir()
			path := filepath.Join(root, name, "sổ "+name+".db")
			s, err := Open(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			insertDossiers(t, s, 3)
			var seq int
			var schema, file string
			if err := s.DB().QueryRow("PRAGMA database_list").Scan(&seq, &schema, &file); err != nil {
				t.Fatal(err)
			}
			real, _ := RealPath(path)
			if file != real || s.Path() != real {
				t.Fatalf("SQLite writes %q, the store says %q, the path is %q", file, s.Path(), real)
			}
			lock, err := Lock(path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(LockPath(real)); err != nil {
				t.Fatalf("lock file not beside the data: %v", err)
			}
			lock.Release()
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			// Nothing was created anywhere but in the named folder.
			top, _ := os.ReadDir(root)
			if len(top) != 1 || top[0].Name() != name {
				t.Fatalf("files outside the folder: %v", top)
			}
			s2, err := Open(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s2.Close()
			if n, _ := s2.Count(context.Background(), Filter{}); n != 3 {
				t.Fatalf("reopened register has %d dossiers, want 3", n)
			}
		})
	}
}

func TestLockFollowsSymlinks(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	real := filepath.Join(dir, "real", "motcua.db")
	s, err := Open(real, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	link := filepath.Join(dir, "link.db")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	l1, err := Lock(link)
	if err != nil {
		t.Fatal(err)
	}
	defer l1.Release()
	if _, err := Lock(real); !errors.Is(err, ErrInUse) {
		t.Fatalf("a second lock through the real path was given: %v", err)
	}
	if !WindowHolds(real) || !WindowHolds(link) {
		t.Fatal("WindowHolds does not see the lock")
	}
	s2, err := Open(link, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if s2.Path() != real {
		t.Fatalf("store through the link is %s, want %s", s2.Path(), real)
	}
	l1.Release()
	if WindowHolds(real) {
		t.Fatal("lock still seen after release")
	}
}

// Another program's SQLite file is refused before a byte of it changes:
// no schema, no WAL switch, no application id.
func TestForeignSQLiteFileIsNotTouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Lan')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, _ := os.ReadFile(path)
	_, err = Open(path, Options{})
	if !errors.Is(err, ErrNotOurs) {
		t.Fatalf("another program's file was opened: %v", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Fatal("the foreign file was modified")
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		if fi, _ := os.Stat(path + "-wal"); fi.Size() > 0 {
			t.Fatal("a WAL was written beside the foreign file")
		}
	}
	// A file that is not SQLite at all is refused too, and left as it was.
	txt := filepath.Join(t.TempDir(), "notes.db")
	os.WriteFile(txt, bytes.Repeat([]byte("ghi chú "), 1000), 0o644)
	if _, err := Open(txt, Options{}); err == nil {
		t.Fatal("a text file was opened as a register")
	}
	if b, _ := os.ReadFile(txt); !bytes.Equal(b, bytes.Repeat([]byte("ghi chú "), 1000)) {
		t.Fatal("the text file was modified")
	}
}

func TestOurFilesAreMarked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var app int64
	s.DB().QueryRow("PRAGMA application_id").Scan(&app)
	var mode string
	s.DB().QueryRow("PRAGMA journal_mode").Scan(&mode)
	s.Close()
	if app != ApplicationID || mode != "wal" {
		t.Fatalf("application_id %#x, journal_mode %s", app, mode)
	}
	// A register from before the mark is recognised by its tables and marked.
	s, _ = Open(path, Options{})
	s.DB().Exec("PRAGMA application_id = 0")
	s.Close()
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatalf("an unmarked register of ours was refused: %v", err)
	}
	s.DB().QueryRow("PRAGMA application_id").Scan(&app)
	s.Close()
	if app != ApplicationID {
		t.Fatalf("old register not marked: %#x", app)
	}
}

// damage overwrites pages in the middle of the file, as a failing disk or
// a careless copy does.
func damage(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	pages := len(b) / page
	if pages < 6 {
		t.Fatalf("file too small to damage: %d pages", pages)
	}
	for p := pages / 2; p < pages-1; p += 2 {
		for i := p*page + 8; i < (p+1)*page; i++ {
			b[i] = byte(i * 7)
		}
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestDamagedRegisterOpensReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Enough rows that the damaged middle of the file holds data pages,
	// not the schema's (which grows with every migration).
	insertDossiers(t, s, 3000)
	s.DB().Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	s.Close()
	// The next open checks and remembers the day's pass.
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if b, err := os.ReadFile(path + checkSuffix); err != nil || !bytes.Contains(b, []byte("ok ")) {
		t.Fatalf("passed check not remembered: %q %v", b, err)
	}
	damage(t, path)
	// The window's start (and motcua check) check again whatever the day.
	s, err = Open(path, Options{CheckAlways: true})
	if err != nil {
		// Damage that reaches the schema refuses the open outright; that
		// is also a clear answer, but this test wants the read-only case.
		t.Fatalf("open of a damaged register: %v", err)
	}
	defer s.Close()
	derr := s.Damaged()
	if derr == nil || !errors.Is(derr, ErrDamaged) {
		t.Fatalf("damage not reported: %v", derr)
	}
	if !bytes.Contains([]byte(derr.Error()), []byte("bị hỏng")) || !bytes.Contains([]byte(derr.Error()), []byte("sao lưu")) {
		t.Fatalf("message does not say what to do: %v", derr)
	}
	assertRefusesWrites(t, s)
}

// A command that only reads must neither wait for nor block another
// process: with a writer holding the write lock, opening, searching,
// showing and closing all succeed (before, the open began an IMMEDIATE
// transaction and failed after the busy timeout).
func TestReadersDoNotTakeTheWriteLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	insertDossiers(t, s, 5)
	s.Close()

	other, err := sql.Open("sqlite", "file://"+filepath.ToSlash(path)+"?_pragma=busy_timeout(0)")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	other.SetMaxOpenConns(1)
	ctx := context.Background()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, "INSERT INTO settings (key, value) VALUES ('held', '1')"); err != nil {
		t.Fatal(err)
	}
	r, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("open while another writer holds the lock: %v", err)
	}
	if _, err := r.Search(ctx, "nguyen van duc", 10); err != nil {
		t.Fatal(err)
	}
	if _, err := r.DossierByCode(ctx, "A-261120-0003"); err != nil {
		t.Fatal(err)
	}
	if err := r.Close(); err != nil {
		t.Fatalf("close after reading: %v", err)
	}
	conn.ExecContext(ctx, "ROLLBACK")

	// Now the other connection holds a read transaction; a writer here
	// commits and closes without error (its checkpoint does not wait).
	if _, err := conn.ExecContext(ctx, "BEGIN"); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := conn.QueryRowContext(ctx, "SELECT COUNT(*) FROM dossiers").Scan(&n); err != nil {
		t.Fatal(err)
	}
	w, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Tx(ctx, func(tx *Tx) error { return tx.SetSetting("k", "v") }); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatalf("close with a reader present: %v", err)
	}
	conn.ExecContext(ctx, "COMMIT")
}

func TestCopyToAndInspect(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(filepath.Join(dir, "a.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	insertDossiers(t, s, 7)
	dst := filepath.Join(dir, "sao lưu #1", "b.db")
	if err := s.CopyTo(context.Background(), dst); err != nil {
		t.Fatal(err)
	}
	if err := s.CopyTo(context.Background(), dst); err == nil {
		t.Fatal("a copy overwrote an existing file")
	}
	fi, err := Inspect(context.Background(), dst)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Dossiers != 7 || fi.Schema != SchemaVersion {
		t.Fatalf("inspect: %+v", fi)
	}
}

// assertRefusesWrites: a damaged register refuses every change, through
// the store (ErrDamaged, in words) and on its connection (read-only).
func assertRefusesWrites(t *testing.T, s *Store) {
	t.Helper()
	if err := s.Tx(context.Background(), func(tx *Tx) error { return tx.SetSetting("x", "y") }); !errors.Is(err, ErrDamaged) {
		t.Fatalf("a write to a damaged register was allowed: %v", err)
	}
	if _, err := s.DB().Exec("INSERT INTO settings (key, value) VALUES ('a','b')"); err == nil {
		t.Fatal("the connection is not read-only")
	}
}
