package store

import (
	"context"
	"fmt"
)

// CountNotIn counts the dossiers of this register that the backup file at
// path lacks or holds with fewer steps: what restoring that backup would
// lose. (SQLite only: it attaches the backup read-only.)
func (s *Store) CountNotIn(ctx context.Context, path string) (int, error) {
	real, err := RealPath(path)
	if err != nil {
		return 0, err
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `ATTACH DATABASE ? AS bk`, sqliteURI(real)+"?mode=ro"); err != nil {
		return 0, fmt.Errorf("không đọc được bản sao lưu %s: %w", path, Explain(err))
	}
	defer conn.ExecContext(context.Background(), `DETACH DATABASE bk`)
	var n int
	err = conn.QueryRowContext(ctx, `SELECT COUNT(*) FROM main.dossiers d LEFT JOIN bk.dossiers b ON b.id = d.id
		WHERE b.id IS NULL
		   OR (SELECT COUNT(*) FROM main.events e WHERE e.dossier_n = d.n) > (SELECT COUNT(*) FROM bk.events f WHERE f.dossier_n = b.n)`).Scan(&n)
	return n, err
}

// Wrote reports whether this store committed a write.
func (s *Store) Wrote() bool { return s.wrote.Load() }
