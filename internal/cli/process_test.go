//go:build !windows

package cli

// Tests that run the built program in other processes, as a clerk's
// shortcut, a script and the window would: kill -9 in the middle of work,
// several writers at once, a reader holding the register.

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"motcua/internal/store/storetest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"motcua/internal/store"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// motcuaBin builds the command once per test run (headless, no cgo).
func motcuaBin(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the program; skipped with -short")
	}
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "motcua-bin-*")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "motcua")
		_, file, _, _ := runtime.Caller(0)
		root := filepath.Join(filepath.Dir(file), "..", "..")
		cmd := exec.Command("go", "build", "-tags", "ci", "-o", binPath, ".")
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// TestMain runs the package's tests on both engines (storetest), then
// removes the built program.
func TestMain(m *testing.M) {
	code := storetest.Run(m)
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

func runBin(t *testing.T, db string, args ...string) (string, string, error) {
	t.Helper()
	withProfile(t, db)
	cmd := exec.Command(motcuaBin(t), append([]string{"--db", db}, args...)...)
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	return out.String(), errb.String(), err
}

func receiveArgs(i int) []string {
	return []string{"receive", "--procedure", "chung-thuc-ban-sao", "--applicant", fmt.Sprintf("Nguyễn Văn Thử %d", i), "--json"}
}

// Every receive that answered with a code is in the register after a run
// of receives each killed with SIGKILL at a random moment; the file is
// whole and no code or entry number repeats.
func TestKillNineLosesNoAcknowledgedDossier(t *testing.T) {
	bin := motcuaBin(t)
	db := storetest.DSN(t, filepath.Join(t.TempDir(), "kill.db"))
	if _, errs, err := runBin(t, db, "procedures"); err != nil {
		t.Fatal(errs)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var acked []string
	killed := 0
	for i := 0; i < 40; i++ {
		cmd := exec.Command(bin, append([]string{"--db", db}, receiveArgs(i)...)...)
		var out strings.Builder
		cmd.Stdout = &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err == nil {
				var d struct{ Code string }
				if json.Unmarshal([]byte(out.String()), &d) == nil && d.Code != "" {
					acked = append(acked, d.Code)
				}
			}
		case <-time.After(time.Duration(20+rng.IntN(150)) * time.Millisecond):
			cmd.Process.Signal(syscall.SIGKILL)
			if err := <-done; err == nil {
				var d struct{ Code string }
				if json.Unmarshal([]byte(out.String()), &d) == nil && d.Code != "" {
					acked = append(acked, d.Code)
				}
			} else {
				killed++
			}
		}
	}
	t.Logf("%d receives acknowledged, %d killed", len(acked), killed)
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Damaged() != nil {
		t.Fatal(s.Damaged())
	}
	for _, code := range acked {
		if _, err := s.DossierByCode(context.Background(), code); err != nil {
			t.Errorf("acknowledged dossier %s lost: %v", code, err)
		}
	}
	var dup, gaps int
	s.DB().QueryRow(`SELECT COUNT(*) - COUNT(DISTINCT code) FROM dossiers`).Scan(&dup)
	s.DB().QueryRow(`SELECT COALESCE(MAX(entry_no), 0) - COUNT(*) FROM dossiers`).Scan(&gaps)
	if dup != 0 || gaps != 0 {
		t.Fatalf("duplicate codes %d, entry-number gaps %d", dup, gaps)
	}
}

// Three processes receiving at once lose nothing and never share a code
// or an entry number.
func TestConcurrentWritersLoseNothing(t *testing.T) {
	db := storetest.DSN(t, filepath.Join(t.TempDir(), "conc.db"))
	if _, errs, err := runBin(t, db, "procedures"); err != nil {
		t.Fatal(errs)
	}
	const procs, each = 3, 8
	var wg sync.WaitGroup
	errs := make(chan string, procs*each)
	for p := 0; p < procs; p++ {
		wg.Add(1)
		go func(p int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				if _, e, err := runBin(t, db, receiveArgs(p*100+i)...); err != nil {
					errs <- e
				}
			}
		}(p)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var n, codes, entries int
	s.DB().QueryRow(`SELECT COUNT(*), COUNT(DISTINCT code), COUNT(DISTINCT entry_no) FROM dossiers`).Scan(&n, &codes, &entries)
	if n != procs*each || codes != n || entries != n {
		t.Fatalf("%d dossiers, %d codes, %d entry numbers; want %d of each", n, codes, entries, procs*each)
	}
}

// With another process holding a read transaction, or holding the write
// lock, the read-only commands answer (before, the first waited 10 s at
// close and the second failed after 20 s).
func TestReadOnlyCommandsBesideOtherProcesses(t *testing.T) {
	db := filepath.Join(t.TempDir(), "r.db")
	out, errs, err := runBin(t, db, receiveArgs(1)...)
	if err != nil {
		t.Fatal(errs)
	}
	var d struct{ Code string }
	json.Unmarshal([]byte(out), &d)
	other, err := sql.Open("sqlite", "file://"+db+"?_pragma=busy_timeout(0)")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	ctx := context.Background()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, hold := range []string{"BEGIN", "BEGIN IMMEDIATE"} {
		if _, err := conn.ExecContext(ctx, hold); err != nil {
			t.Fatal(err)
		}
		var n int
		if err := conn.QueryRowContext(ctx, "SELECT COUNT(*) FROM dossiers").Scan(&n); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{{"search", "nguyen van thu"}, {"show", d.Code}, {"letters"}, {"procedures"}, {"calendar", "day", "2026-11-23"}} {
			if _, errs, err := runBin(t, db, args...); err != nil {
				t.Errorf("%s while another process holds %q: %v %s", args[0], hold, err, errs)
			}
		}
		conn.ExecContext(ctx, "ROLLBACK")
	}
}

// A change from the command line while the window holds the register goes
// through and says so (decision recorded in docs/reliability.md).
func TestWriteBesideTheWindowIsAllowedAndSaid(t *testing.T) {
	db := filepath.Join(t.TempDir(), "w.db")
	if _, errs, err := runBin(t, db, "procedures"); err != nil {
		t.Fatal(errs)
	}
	lock, err := store.Lock(db)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Release()
	_, errs, err := runBin(t, db, "receive", "--procedure", "khai-sinh", "--applicant", "Lò Văn Pọm")
	if err != nil || !strings.Contains(errs, "cửa sổ phần mềm đang mở sổ này") {
		t.Fatalf("write beside the window: %v %s", err, errs)
	}
	_, errs, _ = runBin(t, db, "search", "lo van pom")
	if strings.Contains(errs, "cửa sổ") {
		t.Fatalf("a read-only command spoke of the window: %s", errs)
	}
}

// procedures import is one transaction: a kill in the middle leaves either
// the whole catalogue or none of it.
func TestKilledImportSavesAllOrNothing(t *testing.T) {
	bin := motcuaBin(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "imp.db")
	if _, errs, err := runBin(t, db, "procedures"); err != nil {
		t.Fatal(errs)
	}
	var b strings.Builder
	b.WriteString("[")
	const n = 2000
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"code":"thu-tuc-%d","name":"Thủ tục thử %d","field":"Thử","limit":{"value":3,"unit":"working_days"},"version":1}`, i, i)
	}
	b.WriteString("]")
	file := filepath.Join(dir, "p.json")
	os.WriteFile(file, []byte(b.String()), 0o644)
	count := func() int {
		s, err := store.Open(db, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		var c int
		s.DB().QueryRow(`SELECT COUNT(*) FROM procedures WHERE code LIKE 'thu-tuc-%'`).Scan(&c)
		return c
	}
	for _, delay := range []time.Duration{5, 30, 80, 150} {
		cmd := exec.Command(bin, "--db", db, "procedures", "import", file)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if c := count(); c != 0 && c != n {
			t.Fatalf("after a kill at %d ms, %d of %d procedures were saved", delay, c, n)
		}
	}
}
