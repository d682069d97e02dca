package office

import (
	"context"
	"path/filepath"
	"testing"

	"motcua/internal/register"
)

func TestSeedMakesAConsistentRegister(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "s.db"), "2026-11-20 10:00")
	ctx := context.Background()
	n, err := o.Seed(ctx, SeedOptions{Dossiers: 3000, Years: 1, Seed: 42})
	if err != nil || n != 3000 {
		t.Fatalf("seed %d %v", n, err)
	}
	if got, _ := o.Count(ctx, Filter{}); got != 3000 {
		t.Fatalf("count %d", got)
	}
	db := o.Store().DB()
	var dupCodes, gaps int
	db.QueryRow(`SELECT COUNT(*) - COUNT(DISTINCT code) FROM dossiers`).Scan(&dupCodes)
	// Entry numbers run 1..N within each year without gaps.
	db.QueryRow(`SELECT COUNT(*) FROM (SELECT year, MAX(entry_no) - COUNT(*) AS g FROM dossiers GROUP BY year) WHERE g != 0`).Scan(&gaps)
	if dupCodes != 0 || gaps != 0 {
		t.Fatalf("duplicate codes %d, years with gaps %d", dupCodes, gaps)
	}
	byState := map[register.State]int{}
	for _, s := range register.States {
		byState[s], _ = o.Count(ctx, Filter{States: []register.State{s}})
	}
	if byState[register.Returned] < 2500 || byState[register.Refused] == 0 || byState[register.Withdrawn] == 0 {
		t.Fatalf("implausible mix %v", byState)
	}
	var outcomes = map[string]int{}
	rows, _ := db.Query(`SELECT outcome, COUNT(*) FROM dossiers WHERE state = 'returned' GROUP BY outcome`)
	for rows.Next() {
		var k string
		var c int
		rows.Scan(&k, &c)
		outcomes[k] = c
	}
	rows.Close()
	// Same-day procedures returned the same day are on time (never early),
	// so on time may outnumber early; late stays rare.
	total := outcomes["early"] + outcomes["on_time"] + outcomes["late"]
	if outcomes["early"] == 0 || outcomes["late"] == 0 || outcomes["late"]*10 > total {
		t.Fatalf("outcomes %v", outcomes)
	}
	// Every dossier went through the register's own rules: events are in
	// time order and the last event's state is the dossier's.
	var bad int
	db.QueryRow(`SELECT COUNT(*) FROM dossiers d JOIN events e ON e.dossier_n = d.n
		WHERE e.seq = (SELECT MAX(seq) FROM events WHERE dossier_n = d.n) AND e.state != d.state`).Scan(&bad)
	if bad != 0 {
		t.Fatalf("%d dossiers whose last event disagrees with their state", bad)
	}
	res, err := o.Search(ctx, "nguyen", 50)
	if err != nil || len(res) != 50 {
		t.Fatalf("search in seeded data: %d %v", len(res), err)
	}
	// Seeding again continues the sequences instead of colliding.
	if _, err := o.Seed(ctx, SeedOptions{Dossiers: 200, Years: 1, Seed: 7}); err != nil {
		t.Fatal(err)
	}
}
