package store

import (
	"context"
	"strings"
	"time"
	"unicode"

	"motcua/internal/register"
	"motcua/internal/textvn"
)

// Filter selects rows of the register table.
type Filter struct {
	States []register.State
	// DueBefore keeps open dossiers due before it: by the apology's new
	// date when there is one, else by the statutory due time.
	DueBefore time.Time
	Limit     int
	Offset    int
}

func (f Filter) where() (string, []any) {
	var conds []string
	var args []any
	if len(f.States) > 0 {
		conds = append(conds, "state IN ("+strings.TrimSuffix(strings.Repeat("?,", len(f.States)), ",")+")")
		for _, s := range f.States {
			args = append(args, string(s))
		}
	}
	if !f.DueBefore.IsZero() {
		// A new date is always later than the statutory one, so the
		// (due_at) index still narrows the rows.
		conds = append(conds, "state IN ('received','in_progress','done') AND due_at < ? AND (new_due_at IS NULL OR new_due_at < ?)")
		args = append(args, f.DueBefore.Unix(), f.DueBefore.Unix())
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// Page returns register rows, newest entry first, without their events.
func (s *Store) Page(ctx context.Context, f Filter) ([]register.Dossier, error) {
	if f.Limit <= 0 {
		f.Limit = 50
	}
	where, args := f.where()
	if where == "" && f.Offset > 0 && s.db.d.denseRows() && s.contiguous(ctx) {
		// Row i of the whole register, newest first, is entry n = max - i:
		// a seek instead of stepping over i rows of a gigabyte table.
		return s.list(ctx, `SELECT `+dossierCols+` FROM dossiers WHERE n <= (SELECT MAX(n) FROM dossiers) - ?
			ORDER BY n DESC LIMIT ?`, f.Offset, f.Limit)
	}
	if where != "" && f.Offset > 0 {
		// Step over the skipped rows in the (state, n) index, which is small,
		// then read only the page's rows.
		args = append(args, f.Limit, f.Offset)
		return s.list(ctx, `SELECT `+dossierCols+` FROM dossiers WHERE n IN (
			SELECT n FROM dossiers`+where+` ORDER BY n DESC LIMIT ? OFFSET ?) ORDER BY n DESC`, args...)
	}
	args = append(args, f.Limit, f.Offset)
	return s.list(ctx, `SELECT `+dossierCols+` FROM dossiers`+where+` ORDER BY n DESC LIMIT ? OFFSET ?`, args...)
}

// contiguous reports whether the register's row numbers run 1..N without
// gaps. Dossiers are never deleted and SQLite numbers new rows max+1, so
// once true it stays true for the life of the file; it is checked once.
func (s *Store) contiguous(ctx context.Context) bool {
	s.contigOnce.Do(func() {
		var max, count int64
		if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(n), 0), COUNT(*) FROM dossiers`).Scan(&max, &count); err == nil {
			s.contig = max == count
		}
	})
	return s.contig
}

// Count counts the rows a filter selects.
func (s *Store) Count(ctx context.Context, f Filter) (int, error) {
	where, args := f.where()
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM dossiers`+where, args...).Scan(&n)
	return n, err
}

func (s *Store) list(ctx context.Context, query string, args ...any) ([]register.Dossier, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []register.Dossier
	for rows.Next() {
		d, _, err := scanDossier(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *d)
	}
	return out, rows.Err()
}

// Search finds dossiers by applicant name, address, phone or code, ignoring
// case and diacritics (đ included), newest entry first. Every word of the
// query must match the start of a word of the dossier.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]register.Dossier, error) {
	if limit <= 0 {
		limit = 50
	}
	query = textvn.Clean(query)
	if query == "" {
		return s.Page(ctx, Filter{Limit: limit})
	}
	if _, _, _, err := register.ParseCode(query); err == nil {
		d, err := loadDossier(ctx, s.db, "code = ?", query)
		if err == nil {
			d.Events = nil
			return []register.Dossier{*d}, nil
		}
	}
	exact, prefix := s.db.d.match(query)
	if exact == "" {
		return nil, nil
	}
	q := `SELECT ` + dossierCols + ` FROM dossiers WHERE n IN (` + s.db.d.searchSQL() + `) ORDER BY n DESC`
	found, err := s.list(ctx, q, exact, limit)
	if err != nil || len(found) >= limit || prefix == exact {
		return found, err
	}
	// Fewer than a page of whole-word matches: the last word may be still
	// being typed, so add the rows where it is only the start of a word.
	more, err := s.list(ctx, q, prefix, limit+len(found))
	if err != nil {
		return nil, err
	}
	seen := make(map[string]bool, len(found))
	for _, d := range found {
		seen[d.ID] = true
	}
	for _, d := range more {
		if len(found) >= limit {
			break
		}
		if !seen[d.ID] {
			found = append(found, d)
		}
	}
	return found, nil
}

// ftsQueries turns a typed query into two FTS5 expressions, every word
// required: exact, with whole words only, and prefix, where the last word
// may be the start of a longer one ("nguyen thi h" finds Nguyễn Thị Hoa).
// Whole words let FTS5 walk its doclists newest first and stop after a
// page, which a prefix cannot do unless the prefix index covers its
// length, so Search tries the exact form first. A query of digits and
// separators only is a phone number (or part of a code) and is matched as
// one run of digits.
func ftsQueries(q string) (exact, prefix string) {
	words := searchWords(q)
	if len(words) == 0 {
		return "", ""
	}
	for i, w := range words {
		words[i] = `"` + w + `"`
	}
	exact = strings.Join(words, " AND ")
	return exact, exact + "*"
}

// searchWords splits a typed query into the folded words every match must
// contain, as both engines' indexes split the dossiers' folded text.
func searchWords(q string) []string {
	if d := textvn.Digits(q); len(d) >= 4 && strings.TrimLeft(q, "+0123456789 .-()") == "" && !strings.Contains(strings.TrimSpace(q), "-") {
		return []string{d}
	}
	return strings.FieldsFunc(textvn.Fold(q), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// ReceivedBetween lists the dossiers received in [from, to), in register
// order (year, entry number), without their events: the register book.
func (s *Store) ReceivedBetween(ctx context.Context, from, to time.Time) ([]register.Dossier, error) {
	return s.list(ctx, `SELECT `+dossierCols+` FROM dossiers WHERE received_at >= ? AND received_at < ?
		ORDER BY year, entry_no`, from.Unix(), to.Unix())
}

// OpenDueBefore lists open dossiers (not waiting for a supplement) due
// before t, by the apology's new date when there is one, the most pressing
// first.
func (s *Store) OpenDueBefore(ctx context.Context, t time.Time, limit int) ([]register.Dossier, error) {
	return s.list(ctx, `SELECT `+dossierCols+` FROM dossiers
		WHERE state IN ('received','in_progress','done') AND due_at < ? AND (new_due_at IS NULL OR new_due_at < ?)
		ORDER BY COALESCE(new_due_at, due_at), n LIMIT ?`, t.Unix(), t.Unix(), limit)
}
