package store

import (
	"os"
	"testing"
	"time"

	"motcua/internal/store/storetest"
)

// Every test of this package runs on SQLite, then again on PostgreSQL when
// MOTCUA_TEST_PG names a server (bash scripts/pg-test.sh make test-pg).
// With MOTCUA_HOLD_LOCK the test binary instead plays a second program
// holding the instance lock (lock_stale_test.go).
func TestMain(m *testing.M) {
	if path := os.Getenv("MOTCUA_HOLD_LOCK"); path != "" {
		if _, err := Lock(path); err != nil {
			os.Stdout.WriteString("error " + err.Error() + "\n")
			os.Exit(1)
		}
		os.Stdout.WriteString("locked\n")
		time.Sleep(time.Hour)
	}
	storetest.Main(m)
}

func TestPostgreSQLEngine(t *testing.T) { storetest.Note(t) }
