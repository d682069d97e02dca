package store_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/office"
	"motcua/internal/register"
	"motcua/internal/store/storetest"
)

// The state filter applies inside the search, with a total.
func TestSearchFilteredAndCounted(t *testing.T) {
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, calendar.Zone)
	o, err := office.Open(storetest.DSN(t, filepath.Join(t.TempDir(), "r.db")), office.Options{Now: func() time.Time { return now }, Actor: "Lan"})
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	ctx := context.Background()
	if err := o.FillDemoProfile(ctx); err != nil { // nothing is issued under placeholders
		t.Fatal(err)
	}
	in := func(name string, at time.Time) *register.Dossier {
		d, err := o.Receive(ctx, office.ReceiveInput{ProcedureCode: "khai-sinh", Applicant: register.Applicant{Name: name}, At: at})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	old := in("Nguyễn Văn An", now.AddDate(0, 0, -5))
	in("Nguyễn Thị Hoa", now.Add(-time.Hour))
	returned := in("Nguyễn Văn Bình", now.Add(-2*time.Hour))
	if _, err := o.Return(ctx, returned.Code, time.Time{}); err != nil {
		t.Fatal(err)
	}
	st := o.Store()
	all, _ := st.SearchFiltered(ctx, "nguyen", office.Filter{Limit: 10})
	if n, _ := st.SearchCount(ctx, "nguyen", office.Filter{}); len(all) != 3 || n != 3 {
		t.Fatalf("unfiltered: %d rows, total %d", len(all), n)
	}
	open := office.Filter{States: []register.State{register.Received}, Limit: 10}
	rows, err := st.SearchFiltered(ctx, "nguyen", open)
	if err != nil || len(rows) != 2 {
		t.Fatalf("received only: %d rows (%v)", len(rows), err)
	}
	if n, _ := st.SearchCount(ctx, "nguyen", open); n != 2 {
		t.Errorf("received total %d", n)
	}
	late := o.OverdueFilter()
	late.Limit = 10
	rows, _ = st.SearchFiltered(ctx, "nguyen v", late)
	if len(rows) != 1 || rows[0].Code != old.Code {
		t.Fatalf("overdue: %v", rows)
	}
	if n, _ := st.SearchCount(ctx, "nguyen v", late); n != 1 {
		t.Errorf("overdue total %d", n)
	}
	// A code under a filter it does not pass finds nothing.
	if rows, _ := st.SearchFiltered(ctx, returned.Code, open); len(rows) != 0 {
		t.Errorf("a returned dossier found among the received: %v", rows)
	}
	if n, _ := st.SearchCount(ctx, returned.Code, office.Filter{}); n != 1 {
		t.Errorf("code total %d", n)
	}
}
