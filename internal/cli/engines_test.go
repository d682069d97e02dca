package cli

import (
	"testing"

	"motcua/internal/store/storetest"
)

// Every test of this package runs on SQLite, then again on PostgreSQL when
// MOTCUA_TEST_PG names a server (TestMain in process_test.go).
func TestPostgreSQLEngine(t *testing.T) { storetest.Note(t) }
