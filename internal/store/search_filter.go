package store

import (
	"context"
	"strings"

	"motcua/internal/register"
	"motcua/internal/textvn"
)

// SearchFiltered is Search under a register filter (states, due before):
// the window's state selector applies in the query, not to a page of
// results afterwards. f.Limit caps the rows (50 when unset); f.Offset is
// ignored. Without a filter it is Search.
func (s *Store) SearchFiltered(ctx context.Context, query string, f Filter) ([]register.Dossier, error) {
	if f.Limit <= 0 {
		f.Limit = 50
	}
	cond, args := f.conds()
	if cond == "" {
		return s.Search(ctx, query, f.Limit)
	}
	query = textvn.Clean(query)
	if query == "" {
		return s.Page(ctx, Filter{States: f.States, DueBefore: f.DueBefore, Limit: f.Limit})
	}
	if _, _, _, err := register.ParseCode(query); err == nil {
		found, err := s.list(ctx, `SELECT `+dossierCols+` FROM dossiers WHERE code = ? AND `+cond, append([]any{query}, args...)...)
		if err != nil || len(found) > 0 {
			return found, err
		}
	}
	_, prefix := ftsQueries(query)
	if prefix == "" {
		return nil, nil
	}
	// The filter may keep few of the matches: the whole match list is
	// read, newest first, and the filter's columns decide.
	q := `SELECT ` + dossierCols + ` FROM dossiers WHERE n IN (
		SELECT rowid FROM dossier_search WHERE dossier_search MATCH ?) AND ` + cond + `
		ORDER BY n DESC LIMIT ?`
	return s.list(ctx, q, append(append([]any{prefix}, args...), f.Limit)...)
}

// SearchCount counts the dossiers a search finds under a filter (the
// window's "Tìm thấy N hồ sơ"), the last word taken as the start of a word
// as SearchFiltered does.
func (s *Store) SearchCount(ctx context.Context, query string, f Filter) (int, error) {
	query = textvn.Clean(query)
	cond, args := f.conds()
	if query == "" {
		return s.Count(ctx, f)
	}
	if _, _, _, err := register.ParseCode(query); err == nil {
		where := "code = ?"
		if cond != "" {
			where += " AND " + cond
		}
		var n int
		err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM dossiers WHERE `+where, append([]any{query}, args...)...).Scan(&n)
		if err != nil || n > 0 {
			return n, err
		}
	}
	_, prefix := ftsQueries(query)
	if prefix == "" {
		return 0, nil
	}
	var n int
	var err error
	if cond == "" {
		err = s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM dossier_search WHERE dossier_search MATCH ?`, prefix).Scan(&n)
	} else {
		err = s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM dossiers WHERE n IN (
			SELECT rowid FROM dossier_search WHERE dossier_search MATCH ?) AND `+cond,
			append([]any{prefix}, args...)...).Scan(&n)
	}
	return n, err
}

// conds is the filter's condition without WHERE ("" for none).
func (f Filter) conds() (string, []any) {
	where, args := f.where()
	return strings.TrimPrefix(where, " WHERE "), args
}
