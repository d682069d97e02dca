package store

import (
	"context"
	"sort"
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
	exact, prefix := s.db.d.match(query)
	if exact == "" {
		return nil, nil
	}
	// Whole words first (FTS5 walks their doclists newest first and stops
	// early), then, when the page is not full, the last word as the start
	// of a word, as Search does.
	// Open dossiers are few in any register (a few weeks' work); closed
	// ones are nearly all of it.
	small := !f.DueBefore.IsZero()
	if !small {
		small = true
		for _, st := range f.States {
			if !st.Open() {
				small = false
			}
		}
	}
	found, err := s.searchWithin(ctx, exact, cond, args, f.Limit, small)
	if err != nil || len(found) >= f.Limit || prefix == exact {
		return found, err
	}
	more, err := s.searchWithin(ctx, prefix, cond, args, f.Limit+len(found), small)
	if err != nil {
		return nil, err
	}
	seen := make(map[string]bool, len(found))
	for _, d := range found {
		seen[d.ID] = true
	}
	for _, d := range more {
		if len(found) >= f.Limit {
			break
		}
		if !seen[d.ID] {
			found = append(found, d)
		}
	}
	sort.Slice(found, func(i, j int) bool { return found[i].ReceivedAt.After(found[j].ReceivedAt) })
	return found, nil
}

// searchWithin runs one FTS5 expression under the filter's condition, by
// one of two plans chosen on how many rows the filter holds (small). A
// small filter (the overdue, a rare state) is walked newest first, each row
// checked against the index; a large one walks the matches newest first in
// chunks, each chunk checked against the filter, until the page is full.
// Either way the work stops at the page, not at the last of a common
// name's hundred thousand matches.
func (s *Store) searchWithin(ctx context.Context, match, cond string, args []any, limit int, small bool) ([]register.Dossier, error) {
	if small {
		q := `SELECT ` + dossierCols + ` FROM dossiers WHERE ` + cond + ` AND EXISTS (
			SELECT 1 FROM dossier_search WHERE ` + s.db.d.matchWhere() + ` AND dossier_search.` + s.db.d.searchKey() + ` = dossiers.n)
			ORDER BY n DESC LIMIT ?`
		return s.list(ctx, q, append(append(append([]any{}, args...), match), limit)...)
	}
	var out []register.Dossier
	last := int64(1) << 62
	for len(out) < limit {
		var ids []int64
		key := s.db.d.searchKey()
		rows, err := s.db.QueryContext(ctx, `SELECT `+key+` FROM dossier_search WHERE `+s.db.d.matchWhere()+` AND `+key+` < ?
			ORDER BY `+key+` DESC LIMIT ?`, match, last, searchChunk)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		if len(ids) == 0 {
			break
		}
		last = ids[len(ids)-1]
		in := strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")
		qargs := make([]any, 0, len(ids)+len(args)+1)
		for _, id := range ids {
			qargs = append(qargs, id)
		}
		qargs = append(append(qargs, args...), limit-len(out))
		found, err := s.list(ctx, `SELECT `+dossierCols+` FROM dossiers WHERE n IN (`+in+`) AND `+cond+`
			ORDER BY n DESC LIMIT ?`, qargs...)
		if err != nil {
			return nil, err
		}
		out = append(out, found...)
		if len(ids) < searchChunk {
			break
		}
	}
	return out, nil
}

// searchChunk is how many matches a large filter's plan reads at a time.
const searchChunk = 500

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
	_, prefix := s.db.d.match(query)
	if prefix == "" {
		return 0, nil
	}
	var n int
	var err error
	if cond == "" {
		err = s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM dossier_search WHERE `+s.db.d.matchWhere(), prefix).Scan(&n)
	} else {
		err = s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM dossiers WHERE n IN (
			SELECT `+s.db.d.searchKey()+` FROM dossier_search WHERE `+s.db.d.matchWhere()+`) AND `+cond,
			append([]any{prefix}, args...)...).Scan(&n)
	}
	return n, err
}

// conds is the filter's condition without WHERE ("" for none).
func (f Filter) conds() (string, []any) {
	where, args := f.where()
	return strings.TrimPrefix(where, " WHERE "), args
}
