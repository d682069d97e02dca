package office

import (
	"testing"

	"motcua/internal/store/storetest"
)

// Every test of this package runs on SQLite, then again on PostgreSQL when
// MOTCUA_TEST_PG names a server (bash scripts/pg-test.sh make test-pg).
func TestMain(m *testing.M) { storetest.Main(m) }

func TestPostgreSQLEngine(t *testing.T) { storetest.Note(t) }
