package store

import (
	"context"
	"fmt"
	"strings"

	"motcua/internal/register"
)

// InsertDossiers saves many new dossiers at once (seeding, imports): the
// same rows as InsertDossier for each, in far fewer statements on
// PostgreSQL, where every statement is a round trip to the server
// (multi-row INSERTs of up to ~60,000 values). SQLite, in process, takes
// them one by one through prepared statements.
func (tx *Tx) InsertDossiers(agency string, seqs []int, ds []*register.Dossier) error {
	if len(seqs) != len(ds) {
		return fmt.Errorf("InsertDossiers: %d sequence numbers for %d dossiers", len(seqs), len(ds))
	}
	if tx.tx.d.name() != "postgres" {
		for i, d := range ds {
			if err := tx.InsertDossier(agency, seqs[i], d); err != nil {
				return err
			}
		}
		return nil
	}
	const cols = dossierInsertN
	per := 60000 / cols
	ns := map[string]int64{}
	for lo := 0; lo < len(ds); lo += per {
		hi := min(len(ds), lo+per)
		args := make([]any, 0, (hi-lo)*cols)
		for i := lo; i < hi; i++ {
			a, err := dossierArgs(agency, seqs[i], ds[i])
			if err != nil {
				return err
			}
			args = append(args, a...)
		}
		rows, err := tx.tx.Query(`INSERT INTO dossiers (`+dossierInsertCols+`) VALUES `+valuesList(hi-lo, cols)+` RETURNING id, n`, args...)
		if err != nil {
			if e := Explain(err); e != err {
				return e
			}
			return err
		}
		for rows.Next() {
			var id string
			var n int64
			if err := rows.Scan(&id, &n); err != nil {
				rows.Close()
				return err
			}
			ns[id] = n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	var events, search [][]any
	for _, d := range ds {
		n, ok := ns[d.ID]
		if !ok {
			return fmt.Errorf("hồ sơ %s không được lưu", d.Code)
		}
		for _, e := range d.Events {
			events = append(events, eventArgs(n, e))
		}
		search = append(search, []any{n, tx.tx.d.indexText(SearchText(d))})
	}
	if err := tx.insertRows(`INSERT INTO events (`+eventCols+`) VALUES `, 11, events); err != nil {
		return err
	}
	return tx.insertRows(`INSERT INTO dossier_search (n, folded) VALUES `, 2, search)
}

func (tx *Tx) insertRows(prefix string, cols int, rows [][]any) error {
	per := 60000 / cols
	for lo := 0; lo < len(rows); lo += per {
		hi := min(len(rows), lo+per)
		args := make([]any, 0, (hi-lo)*cols)
		for _, r := range rows[lo:hi] {
			args = append(args, r...)
		}
		if _, err := tx.exec(prefix+valuesList(hi-lo, cols), args...); err != nil {
			return err
		}
	}
	return nil
}

// valuesList is "(?,?),(?,?)…": rows groups of cols placeholders.
func valuesList(rows, cols int) string {
	one := "(" + strings.TrimSuffix(strings.Repeat("?,", cols), ",") + ")"
	var b strings.Builder
	b.Grow(rows * (len(one) + 1))
	for i := 0; i < rows; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(one)
	}
	return b.String()
}

// Analyze refreshes the planner's statistics after a bulk fill (seeding, a
// move between engines) on PostgreSQL, whose planner otherwise guesses the
// search index's selectivity until autovacuum comes by; SQLite's planner
// needs nothing here.
func (s *Store) Analyze(ctx context.Context) error {
	if s.db.d.name() != "postgres" {
		return nil
	}
	tables, err := s.copyTables(ctx)
	if err != nil {
		return Explain(err)
	}
	tables = append(tables, "dossier_search")
	_, err = s.db.ExecContext(ctx, `ANALYZE `+strings.Join(tables, ", "))
	return Explain(err)
}
