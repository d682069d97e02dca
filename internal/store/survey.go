package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"motcua/internal/survey"
)

const ratingCols = `id, dossier_id, dossier_code, returned_at, level, sipas_access, sipas_procedure, sipas_staff,
	sipas_result, sipas_feedback, comment, channel, captured_by, rated_at, created_at, updated_at`

func scanRating(r scanner) (survey.Rating, error) {
	var x survey.Rating
	var level int
	var channel string
	var returned, rated, created, updated int64
	f := &x.Factors
	err := r.Scan(&x.ID, &x.DossierID, &x.DossierCode, &returned, &level, &f.Access, &f.Procedures, &f.Staff,
		&f.Result, &f.Feedback, &x.Comment, &channel, &x.CapturedBy, &rated, &created, &updated)
	x.Level, x.Channel = survey.Level(level), survey.Channel(channel)
	x.ReturnedAt, x.RatedAt, x.CreatedAt, x.UpdatedAt = at(returned), at(rated), at(created), at(updated)
	return x, err
}

// InsertRating saves a rating; a second rating of a dossier is refused by
// the UNIQUE constraint as a duplicate.
func (tx *Tx) InsertRating(r survey.Rating) error {
	f := r.Factors
	_, err := tx.exec(`INSERT INTO ratings (`+ratingCols+`) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		r.ID, r.DossierID, r.DossierCode, r.ReturnedAt.Unix(), int(r.Level), f.Access, f.Procedures, f.Staff,
		f.Result, f.Feedback, r.Comment, string(r.Channel), r.CapturedBy, r.RatedAt.Unix(), r.CreatedAt.Unix(), r.UpdatedAt.Unix())
	return err
}

// RatingOf reads the rating of a dossier, if any.
func (tx *Tx) RatingOf(dossierID string) (survey.Rating, bool, error) {
	r, err := scanRating(tx.tx.QueryRow(`SELECT `+ratingCols+` FROM ratings WHERE dossier_id = ?`, dossierID))
	if errors.Is(err, sql.ErrNoRows) {
		return r, false, nil
	}
	return r, err == nil, err
}

// RatingByDossier reads the rating of a dossier outside a transaction.
func (s *Store) RatingByDossier(ctx context.Context, dossierID string) (survey.Rating, bool, error) {
	r, err := scanRating(s.db.QueryRowContext(ctx, `SELECT `+ratingCols+` FROM ratings WHERE dossier_id = ?`, dossierID))
	if errors.Is(err, sql.ErrNoRows) {
		return r, false, nil
	}
	return r, err == nil, err
}

// Ratings lists the ratings of the dossiers returned in [from, to).
func (s *Store) Ratings(ctx context.Context, from, to time.Time) ([]survey.Rating, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+ratingCols+` FROM ratings WHERE returned_at >= ? AND returned_at < ?
		ORDER BY returned_at, id`, from.Unix(), to.Unix())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []survey.Rating
	for rows.Next() {
		r, err := scanRating(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// CountReturned counts the dossiers returned in [from, to).
func (s *Store) CountReturned(ctx context.Context, from, to time.Time) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM dossiers WHERE returned_at >= ? AND returned_at < ?`, from.Unix(), to.Unix()).Scan(&n)
	return n, err
}
