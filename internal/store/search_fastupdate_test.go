package store

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"motcua/internal/store/storetest"
)

// fastupdateOf is the reloptions of the search index on PostgreSQL.
func fastupdateOf(t *testing.T, s *Store) string {
	t.Helper()
	var opts string
	err := s.DB().QueryRow(`SELECT COALESCE(array_to_string(c.reloptions, ','), '') FROM pg_class c
		WHERE c.oid = 'dossier_search_words'::regclass`).Scan(&opts)
	if err != nil {
		t.Fatal(err)
	}
	return opts
}

// The search index on PostgreSQL has no pending list (fastupdate off), on a
// register made now and on one made before the migration that turned it
// off, whose list is merged by the upgrade. SQLite is unaffected: its
// migration is a no-op.
func TestSearchIndexWithoutPendingList(t *testing.T) {
	ctx := context.Background()
	at := slices.Index(migrations, searchFastupdateOff)
	if at < 0 {
		t.Fatal("no searchFastupdateOff migration")
	}
	t.Run("fresh", func(t *testing.T) {
		s, err := Open(storetest.DSN(t, filepath.Join(t.TempDir(), "r.db")), Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if s.Engine() != "postgres" {
			insertDossiers(t, s, 3)
			if got, err := s.Search(ctx, "nguyen", 10); err != nil || len(got) == 0 {
				t.Fatalf("SQLite search after the no-op migration: %v %v", got, err)
			}
			return
		}
		if got := fastupdateOf(t, s); got != "fastupdate=off" {
			t.Fatalf("fresh schema: reloptions %q, want fastupdate=off", got)
		}
	})
	t.Run("upgraded", func(t *testing.T) {
		dsn := storetest.DSN(t, filepath.Join(t.TempDir(), "old.db"))
		old, err := Open(dsn, Options{MaxMigration: at})
		if err != nil {
			t.Fatal(err)
		}
		if old.Engine() == "postgres" {
			// As a release before this migration made it: GIN's default,
			// with words waiting in the pending list.
			if _, err := old.DB().Exec(`ALTER INDEX dossier_search_words SET (fastupdate = on)`); err != nil {
				t.Fatal(err)
			}
		}
		insertDossiers(t, old, 30)
		if old.Engine() == "postgres" {
			if got := fastupdateOf(t, old); got != "fastupdate=on" {
				t.Fatalf("old schema: reloptions %q", got)
			}
		}
		old.Close()

		s, err := Open(dsn, Options{UpgradeBackup: func(real string, from int) string {
			return filepath.Join(t.TempDir(), "before.db")
		}})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if v, err := s.Version(); err != nil || v != SchemaVersion {
			t.Fatalf("version %d %v, want %d", v, err, SchemaVersion)
		}
		if got, err := s.Search(ctx, "nguyen", 50); err != nil || len(got) != 30 {
			t.Fatalf("search after the upgrade: %d results %v", len(got), err)
		}
		if s.Engine() != "postgres" {
			return
		}
		if got := fastupdateOf(t, s); !strings.Contains(got, "fastupdate=off") {
			t.Fatalf("upgraded schema: reloptions %q, want fastupdate=off", got)
		}
		// The upgrade merged the pending list: nothing is left to clean.
		var pages int64
		if err := s.DB().QueryRow(`SELECT gin_clean_pending_list('dossier_search_words'::regclass)`).Scan(&pages); err != nil || pages != 0 {
			t.Fatalf("pending list after the upgrade: %d pages %v", pages, err)
		}
	})
}
