package store

import (
	"context"
	"database/sql"
	"fmt"
)

// sqliteDialect is the embedded engine: one file, one writer, FTS5 search.
type sqliteDialect struct{}

func (sqliteDialect) name() string           { return "sqlite" }
func (sqliteDialect) rebind(q string) string { return q }
func (sqliteDialect) migration(i int) string { return migrations[i] }

func (sqliteDialect) version(ctx context.Context, q querier) (int, error) {
	var v int
	err := q.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

func (sqliteDialect) setVersion(tx *sqlTx, v int) error {
	_, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", v))
	return err
}

// beginMigration: the immediate transaction already holds the write lock.
func (sqliteDialect) beginMigration(*sqlTx) error { return nil }

func (sqliteDialect) indexSQL() string {
	return `INSERT INTO dossier_search (rowid, folded) VALUES (?, ?)`
}

func (sqliteDialect) indexText(folded string) string { return folded }

func (sqliteDialect) searchSQL() string {
	return `SELECT rowid FROM dossier_search WHERE dossier_search MATCH ? ORDER BY rowid DESC LIMIT ?`
}

func (sqliteDialect) match(q string) (string, string) { return ftsQueries(q) }
func (sqliteDialect) matchWhere() string              { return `dossier_search MATCH ?` }
func (sqliteDialect) searchKey() string               { return `rowid` }

// txOptions: the DSN's _txlock=immediate takes the write lock at BEGIN, so
// SQLite transactions are serial and never need a retry.
func (sqliteDialect) txOptions() *sql.TxOptions { return nil }
func (sqliteDialect) begin(*sqlTx) error        { return nil }
func (sqliteDialect) prepare() bool             { return true }
func (sqliteDialect) retry(error) bool          { return false }
func (sqliteDialect) denseRows() bool           { return true }

// close folds the WAL back into the main file.
func (sqliteDialect) close(*DB) {} // Close checkpoints (store.go)

func (sqliteDialect) references(ctx context.Context, db *DB, table string) ([]string, error) {
	return stringsOf(db.QueryContext(ctx, `SELECT DISTINCT "table" FROM pragma_foreign_key_list(?)`, table))
}

// afterCopy: a row number is max+1 in SQLite; nothing to move on.
func (sqliteDialect) afterCopy(*sqlTx, []string) error { return nil }
