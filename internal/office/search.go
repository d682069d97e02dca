package office

import (
	"context"

	"motcua/internal/register"
)

// SearchFiltered finds dossiers by name, address, phone or code under a
// register filter (states, due before; f.Limit rows at most), newest
// first: the window's search with its state selector.
func (o *Office) SearchFiltered(ctx context.Context, query string, f Filter) ([]register.Dossier, error) {
	return o.st.SearchFiltered(ctx, query, f)
}

// SearchCount is how many dossiers SearchFiltered would find without a
// limit.
func (o *Office) SearchCount(ctx context.Context, query string, f Filter) (int, error) {
	return o.st.SearchCount(ctx, query, f)
}
