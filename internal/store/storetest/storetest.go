// Package storetest runs a package's tests once per database engine: on
// SQLite always, and again on PostgreSQL when MOTCUA_TEST_PG names a server
// (scripts/pg-test.sh starts a throwaway one and sets it; CI does). One
// suite, two engines: a test opens its database through DSN, which gives a
// file path on the SQLite pass and a fresh PostgreSQL schema on the other.
//
//	func TestMain(m *testing.M) { storetest.Main(m) }
//	func TestPostgreSQLEngine(t *testing.T) { storetest.Note(t) }
//	…
//	o, err := office.Open(storetest.DSN(t, filepath.Join(t.TempDir(), "r.db")), …)
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5/stdlib"
)

const envURL = "MOTCUA_TEST_PG"

var (
	mu      sync.Mutex
	engine  = "sqlite"
	schemas = map[string]string{} // path → URL, for the PostgreSQL pass
	admin   *sql.DB
)

// URL is the server the PostgreSQL pass uses ("" when none; "off" also
// means none, said on purpose, e.g. by a CI step whose PostgreSQL run is a
// separate step).
func URL() string {
	u := os.Getenv(envURL)
	if u == "off" {
		return ""
	}
	return u
}

// Engine is the engine of the pass running now: "sqlite" or "postgres".
func Engine() string {
	mu.Lock()
	defer mu.Unlock()
	return engine
}

// Main runs the tests on SQLite, then on PostgreSQL when a server is given,
// and exits with the worse status.
func Main(m *testing.M) { os.Exit(Run(m)) }

// Run is Main for a TestMain that has more to do before exiting: it runs
// both passes and returns the worse status.
func Run(m *testing.M) int {
	code := m.Run()
	if u := URL(); u != "" {
		fmt.Printf("=== the same tests again on PostgreSQL (%s)\n", envURL)
		mu.Lock()
		engine = "postgres"
		mu.Unlock()
		if c := m.Run(); c != 0 {
			code = c
		}
		if admin != nil {
			admin.Close()
		}
	}
	return code
}

// Note is the visible trace of the PostgreSQL pass: it skips with a message
// when no server is given, fails when that happens in CI (CI=true), and
// logs the engine otherwise.
func Note(t *testing.T) {
	if URL() != "" {
		t.Logf("engine this pass: %s", Engine())
		return
	}
	if os.Getenv("CI") == "true" && os.Getenv(envURL) != "off" {
		t.Fatalf("%s is not set in CI: the PostgreSQL engine would go untested (run the tests through scripts/pg-test.sh)", envURL)
	}
	t.Skipf("PostgreSQL engine not tested: %s is not set (bash scripts/pg-test.sh make test-pg runs both engines)", envURL)
}

// DSN is where a test's database named path lives on this pass: path itself
// on SQLite, or the URL of a fresh PostgreSQL schema, the same one each time
// the same path is asked for, dropped when the test ends.
func DSN(t testing.TB, path string) string {
	t.Helper()
	if Engine() != "postgres" || strings.HasPrefix(path, "postgres://") {
		return path // already a server's address: a helper was given DSN's answer
	}
	return pgSchema(t, path)
}

func pgSchema(t testing.TB, path string) string {
	t.Helper()
	mu.Lock()
	defer mu.Unlock()
	if u, ok := schemas[path]; ok {
		return u
	}
	base := URL()
	if admin == nil {
		db, err := sql.Open("pgx", base)
		if err != nil {
			t.Fatal(err)
		}
		admin = db
	}
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "t_" + hex.EncodeToString(b[:])
	ctx := context.Background()
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("PostgreSQL test schema: %v", err)
	}
	// The desk role (scripts/pg-test.sh) may use what the tests create.
	_, _ = admin.ExecContext(ctx, "GRANT USAGE ON SCHEMA "+schema+" TO motcua_desk")
	t.Cleanup(func() {
		mu.Lock()
		delete(schemas, path)
		mu.Unlock()
		if _, err := admin.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Logf("dropping test schema %s: %v", schema, err)
		}
	})
	u := WithSchema(base, schema)
	schemas[path] = u
	return u
}

// WithSchema is the URL base with its search path set to schema.
func WithSchema(base, schema string) string {
	pu, err := url.Parse(base)
	if err != nil {
		return base
	}
	q := pu.Query()
	q.Set("search_path", schema)
	pu.RawQuery = q.Encode()
	return pu.String()
}

// NewSchema makes a fresh schema on the server for a test that needs a
// PostgreSQL database whatever the pass (a migration between engines); it
// skips the test when no server is given.
func NewSchema(t testing.TB) string {
	t.Helper()
	if URL() == "" {
		t.Skipf("needs PostgreSQL: %s is not set", envURL)
	}
	var b [6]byte
	_, _ = rand.Read(b[:])
	return pgSchema(t, "schema-"+hex.EncodeToString(b[:]))
}

var _ = stdlib.GetDefaultDriver // registers the "pgx" driver

// Server is a PostgreSQL cluster of a test's own, for tests that stop and
// restart the server under a desk (the shared one must stay up for the
// other packages' tests).
type Server struct {
	URL  string
	bin  string
	dir  string
	port int
	t    testing.TB
}

// StartServer initialises and starts a private cluster with the binaries
// scripts/pg-test.sh names in MOTCUA_TEST_PG_BIN; it skips the test when
// there are none. The cluster is removed when the test ends.
func StartServer(t testing.TB) *Server {
	t.Helper()
	bin := os.Getenv("MOTCUA_TEST_PG_BIN")
	if bin == "" || URL() == "" {
		t.Skip("needs MOTCUA_TEST_PG_BIN (bash scripts/pg-test.sh sets it)")
	}
	dir, err := os.MkdirTemp("", "motcua-pgtest")
	if err != nil {
		t.Fatal(err)
	}
	os.Chmod(dir, 0o777)
	s := &Server{bin: bin, dir: dir, port: freePort(t), t: t}
	s.run("initdb -D " + dir + "/data -A trust -U postgres -E UTF8 --locale=C.UTF-8")
	s.Start()
	t.Cleanup(func() {
		s.sh(s.bin + "/pg_ctl -D " + s.dir + "/data -m immediate stop")
		os.RemoveAll(dir)
	})
	s.URL = fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable&connect_timeout=3", s.port)
	return s
}

// Start starts (or restarts) the server and waits until it accepts connections.
func (s *Server) Start() {
	s.t.Helper()
	s.run(fmt.Sprintf("pg_ctl -D %s/data -o '-p %d -k %s -c listen_addresses=127.0.0.1' -l %s/log -w start", s.dir, s.port, s.dir, s.dir))
}

// Stop stops the server at once, as a power cut or a pulled cable would
// look to a desk (open connections break).
func (s *Server) Stop() {
	s.t.Helper()
	s.run("pg_ctl -D " + s.dir + "/data -m immediate -w stop")
}

func (s *Server) run(cmd string) {
	s.t.Helper()
	if out, err := s.sh(s.bin + "/" + cmd); err != nil {
		log, _ := os.ReadFile(s.dir + "/log")
		s.t.Fatalf("%s: %v\n%s\n%s", cmd, err, out, log)
	}
}

func (s *Server) sh(line string) ([]byte, error) {
	var c *exec.Cmd
	if os.Geteuid() == 0 { // initdb refuses root
		exec.Command("chown", "-R", "postgres", s.dir).Run()
		c = exec.Command("su", "postgres", "-s", "/bin/sh", "-c", line)
	} else {
		c = exec.Command("/bin/sh", "-c", line)
	}
	return c.CombinedOutput()
}

func freePort(t testing.TB) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
