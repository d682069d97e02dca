package office

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"motcua/internal/report"
)

// benchRegister is the register the report benchmarks read: the database
// named by MOTCUA_BENCH_DB (make bench seeds one), else 30,000 seeded
// dossiers (about a year of a busy commune).
func benchRegister(b *testing.B) *Office {
	b.Helper()
	path := os.Getenv("MOTCUA_BENCH_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "bench.db")
	}
	o, err := Open(path, Options{Fast: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { o.Close() })
	if os.Getenv("MOTCUA_BENCH_DB") == "" {
		if _, err := o.Seed(context.Background(), SeedOptions{Dossiers: 30_000, Years: 1, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
	return o
}

// BenchmarkYearReport is a year's report, the figures a clerk clicks
// often (target ≤ 1 s on 1,000,000 dossiers, aim 0.2 s).
func BenchmarkYearReport(b *testing.B) {
	o := benchRegister(b)
	p, err := report.ParsePeriod(o.Now().AddDate(0, -6, 0).Format("2006"), o.ReportStartDay())
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := o.Report(context.Background(), p, false)
		if err != nil || r.Total.Received == 0 {
			b.Fatalf("%v, %d received", err, r.Total.Received)
		}
	}
}

// BenchmarkTrend12 is the 12-month trend (twelve monthly reports; target
// ≤ 2 s on 1,000,000 dossiers).
func BenchmarkTrend12(b *testing.B) {
	o := benchRegister(b)
	months := report.TrendMonths(report.MonthOf(o.Now(), o.ReportStartDay()), 12)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, m := range months {
			t := report.NewTally(m, o.Now())
			if err := o.st.ReportTally(context.Background(), t); err != nil {
				b.Fatal(err)
			}
		}
	}
}
