package store

import "context"

// HasDossiers tells whether the register holds any dossier at all: one
// row read, where COUNT(*) walks an index of every dossier (a noticeable
// part of the first frame at 1,000,000 dossiers).
func (s *Store) HasDossiers(ctx context.Context) (bool, error) {
	var any bool
	err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM dossiers)`).Scan(&any)
	return any, err
}
