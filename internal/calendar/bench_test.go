package calendar

import (
	"testing"
	"time"
)

// BenchmarkDue mixes 3-day, 16-hour and same-day limits over receipts spread
// across 2025–2027 at varied times of day (the target is well under 1 µs).
func BenchmarkDue(b *testing.B) {
	c := newCal(b, shipped(b)...)
	limits := []Limit{{3, WorkingDays}, {16, WorkingHours}, {Unit: SameDay}}
	start := day(b, "2025-01-01")
	const n = 4096
	times := make([]time.Time, n)
	for i := range times {
		// Steps of 6 h 17 min visit every hour of the day over ~3 years.
		times[i] = start.Add(time.Duration(i) * (6*time.Hour + 17*time.Minute))
	}
	b.ReportAllocs()
	b.ResetTimer()
	var sink int64
	for i := 0; i < b.N; i++ {
		sink += c.Due(times[i%n], limits[i%3]).Unix()
	}
	if sink == 0 {
		b.Fatal("no result")
	}
}

// BenchmarkDay is the lịch view's per-day lookup, lunar date included.
func BenchmarkDay(b *testing.B) {
	c := newCal(b, shipped(b)...)
	d := day(b, "2026-02-17")
	for i := 0; i < b.N; i++ {
		_ = c.Day(d.AddDate(0, 0, i%1000))
	}
}

// BenchmarkNew is the one-off cost of tabulating 1990–2100.
func BenchmarkNew(b *testing.B) {
	s := shipped(b)
	for i := 0; i < b.N; i++ {
		if _, err := New(DefaultHours(), s...); err != nil {
			b.Fatal(err)
		}
	}
}
