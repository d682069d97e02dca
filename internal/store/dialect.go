package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"strconv"
	"strings"
)

// The store speaks one SQL to two engines: SQLite (one file, the one-desk
// office) and PostgreSQL (a server shared by several desks). Queries are
// written once, with `?` placeholders and SQL both engines accept; what
// truly differs sits behind a dialect the store picks at Open.
type dialect interface {
	// name is "sqlite" or "postgres".
	name() string
	// rebind rewrites the `?` placeholders of a query for the driver.
	rebind(q string) string
	// migration is the SQL of migration i (0-based) for this engine.
	migration(i int) string
	// version reads the schema version; setVersion records it inside the
	// migration's transaction.
	version(ctx context.Context, q querier) (int, error)
	setVersion(tx *sqlTx, v int) error
	// beginMigration serialises migrations of several desks opening an old
	// schema at the same moment.
	beginMigration(tx *sqlTx) error
	// indexSQL adds a dossier's folded text to the search index (args: n, text);
	// searchSQL lists row numbers matching a query, newest first (args:
	// match, limit); match builds the exact and prefix forms of a query.
	indexSQL() string
	indexText(folded string) string
	searchSQL() string
	match(q string) (exact, prefix string)
	// matchWhere is the condition on dossier_search for one match argument,
	// and searchKey its column holding the dossier's row number.
	matchWhere() string
	searchKey() string
	// txOptions are the options of a write transaction; retry tells whether
	// an error is a serialization failure worth running the transaction again.
	txOptions() *sql.TxOptions
	// prepare: Tx.exec prepares its statements once per transaction (SQLite);
	// pgx already caches prepared statements per connection, where an
	// explicit Prepare would cost one more round trip to the server.
	prepare() bool
	begin(tx *sqlTx) error
	retry(err error) bool
	// denseRows: row numbers never skip (SQLite numbers rows max+1 and
	// dossiers are never deleted; a PostgreSQL sequence skips a number when a
	// receive rolls back).
	denseRows() bool
	// references lists the tables a table's foreign keys point to;
	// afterCopy runs after Copy filled the tables (row-number sequences).
	references(ctx context.Context, db *DB, table string) ([]string, error)
	afterCopy(tx *sqlTx, tables []string) error
	// close runs before the handle closes.
	close(db *DB)
}

// IsURL reports whether dsn names a PostgreSQL server rather than a file.
func IsURL(dsn string) bool {
	l := strings.ToLower(strings.TrimSpace(dsn))
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// Engine is "sqlite" or "postgres".
func (s *Store) Engine() string { return s.db.d.name() }

// DB is the database handle with the dialect applied: every query written
// with `?` placeholders runs on either engine. It embeds *sql.DB for the
// rest (Ping, Stats, SetMaxOpenConns…).
type DB struct {
	*sql.DB
	d dialect
}

func (db *DB) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return db.DB.ExecContext(ctx, db.d.rebind(q), args...)
}

func (db *DB) Exec(q string, args ...any) (sql.Result, error) {
	return db.ExecContext(context.Background(), q, args...)
}

func (db *DB) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return db.DB.QueryContext(ctx, db.d.rebind(q), args...)
}

func (db *DB) Query(q string, args ...any) (*sql.Rows, error) {
	return db.QueryContext(context.Background(), q, args...)
}

func (db *DB) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return db.DB.QueryRowContext(ctx, db.d.rebind(q), args...)
}

func (db *DB) QueryRow(q string, args ...any) *sql.Row {
	return db.QueryRowContext(context.Background(), q, args...)
}

func (db *DB) PrepareContext(ctx context.Context, q string) (*sql.Stmt, error) {
	return db.DB.PrepareContext(ctx, db.d.rebind(q))
}

func (db *DB) Prepare(q string) (*sql.Stmt, error) {
	return db.PrepareContext(context.Background(), q)
}

// BeginTx starts a transaction whose queries are rebound too.
func (db *DB) BeginTx(ctx context.Context, opts *sql.TxOptions) (*sqlTx, error) {
	tx, err := db.DB.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &sqlTx{Tx: tx, d: db.d}, nil
}

// Begin starts a transaction with the engine's write options.
func (db *DB) Begin() (*sqlTx, error) {
	return db.BeginTx(context.Background(), db.d.txOptions())
}

// sqlTx is a *sql.Tx with the dialect applied; or, for a PostgreSQL
// transaction begun by hand on one connection (beginOnConn), that
// connection, so the store can also send statements in a pipeline on it
// (pgx batches, see receive.go).
type sqlTx struct {
	*sql.Tx
	d    dialect
	conn *sql.Conn // set instead of Tx by beginOnConn
	// ended: the transaction was committed inside a pipeline; closed: the
	// connection went back to the pool.
	ended, closed bool
}

// beginOnConn starts a transaction on one connection of the pool, with
// BEGIN sent by hand (READ COMMITTED, as BeginTx with txOptions).
// A connection the pool found dead (the server restarted) is dropped and
// another taken, as BeginTx does.
func (db *DB) beginOnConn(ctx context.Context) (*sqlTx, error) {
	for attempt := 1; ; attempt++ {
		c, err := db.DB.Conn(ctx)
		if err != nil {
			return nil, err
		}
		_, err = c.ExecContext(ctx, "BEGIN")
		if err == nil {
			return &sqlTx{conn: c, d: db.d}, nil
		}
		c.Close()
		if !errors.Is(err, driver.ErrBadConn) || attempt >= 3 {
			return nil, err
		}
	}
}

var errEnded = errors.New("giao dịch đã được lưu xong, không ghi thêm được (lỗi của phần mềm)")

func (tx *sqlTx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	if tx.conn != nil {
		if tx.ended {
			return nil, errEnded
		}
		return tx.conn.ExecContext(ctx, tx.d.rebind(q), args...)
	}
	return tx.Tx.ExecContext(ctx, tx.d.rebind(q), args...)
}

func (tx *sqlTx) Exec(q string, args ...any) (sql.Result, error) {
	return tx.ExecContext(context.Background(), q, args...)
}

func (tx *sqlTx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if tx.conn != nil {
		if tx.ended {
			return nil, errEnded
		}
		return tx.conn.QueryContext(ctx, tx.d.rebind(q), args...)
	}
	return tx.Tx.QueryContext(ctx, tx.d.rebind(q), args...)
}

func (tx *sqlTx) Query(q string, args ...any) (*sql.Rows, error) {
	return tx.QueryContext(context.Background(), q, args...)
}

func (tx *sqlTx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	if tx.conn != nil {
		// After the end, the query runs outside any transaction and fails
		// on its own; the store never asks (ReceiveDossier is last).
		return tx.conn.QueryRowContext(ctx, tx.d.rebind(q), args...)
	}
	return tx.Tx.QueryRowContext(ctx, tx.d.rebind(q), args...)
}

func (tx *sqlTx) QueryRow(q string, args ...any) *sql.Row {
	return tx.QueryRowContext(context.Background(), q, args...)
}

func (tx *sqlTx) PrepareContext(ctx context.Context, q string) (*sql.Stmt, error) {
	if tx.conn != nil {
		return tx.conn.PrepareContext(ctx, tx.d.rebind(q))
	}
	return tx.Tx.PrepareContext(ctx, tx.d.rebind(q))
}

func (tx *sqlTx) Prepare(q string) (*sql.Stmt, error) {
	return tx.PrepareContext(context.Background(), q)
}

// Commit ends the transaction (nothing to send when a pipeline committed
// it) and, for a connection begun by hand, gives it back to the pool.
func (tx *sqlTx) Commit() error { return tx.end("COMMIT") }

// Rollback undoes the transaction; after Commit it does nothing.
func (tx *sqlTx) Rollback() error { return tx.end("ROLLBACK") }

func (tx *sqlTx) end(verb string) error {
	if tx.conn == nil {
		if verb == "COMMIT" {
			return tx.Tx.Commit()
		}
		return tx.Tx.Rollback()
	}
	if tx.closed {
		return sql.ErrTxDone
	}
	tx.closed = true
	// A connection left inside a transaction (a lost server) is dropped by
	// the pool rather than reused (pgx's ResetSession).
	defer tx.conn.Close()
	if tx.ended {
		return nil
	}
	tx.ended = true
	_, err := tx.conn.ExecContext(context.Background(), verb)
	return err
}

// rebindDollar turns `?` into `$1`, `$2`… outside string literals, quoted
// identifiers and comments, for PostgreSQL.
func rebindDollar(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'' || c == '"':
			j := i + 1
			for j < len(q) {
				if q[j] == c {
					if j+1 < len(q) && q[j+1] == c { // doubled quote inside
						j += 2
						continue
					}
					break
				}
				j++
			}
			if j >= len(q) {
				j = len(q) - 1
			}
			b.WriteString(q[i : j+1])
			i = j
		case c == '-' && i+1 < len(q) && q[i+1] == '-':
			j := strings.IndexByte(q[i:], '\n')
			if j < 0 {
				j = len(q) - i - 1
			}
			b.WriteString(q[i : i+j+1])
			i += j
		case c == '?':
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func stringsOf(rows *sql.Rows, err error) ([]string, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// Conn is one connection of the pool, with queries rebound.
func (db *DB) Conn(ctx context.Context) (*sqlConn, error) {
	c, err := db.DB.Conn(ctx)
	if err != nil {
		return nil, err
	}
	return &sqlConn{Conn: c, d: db.d}, nil
}

// sqlConn is a *sql.Conn with the dialect applied (Raw and Close as they are).
type sqlConn struct {
	*sql.Conn
	d dialect
}

func (c *sqlConn) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return c.Conn.ExecContext(ctx, c.d.rebind(q), args...)
}

func (c *sqlConn) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return c.Conn.QueryContext(ctx, c.d.rebind(q), args...)
}

func (c *sqlConn) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return c.Conn.QueryRowContext(ctx, c.d.rebind(q), args...)
}

func (c *sqlConn) PrepareContext(ctx context.Context, q string) (*sql.Stmt, error) {
	return c.Conn.PrepareContext(ctx, c.d.rebind(q))
}
