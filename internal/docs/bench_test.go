package docs

import (
	"io"
	"testing"
)

// BenchmarkReceipt renders one receipt (two A5 copies, QR code). Target: ≤ 20 ms.
func BenchmarkReceipt(b *testing.B) {
	f, p, d := testFonts(b), sampleProfile(), sampleDossier()
	b.ReportAllocs()
	for b.Loop() {
		if err := Receipt(io.Discard, f, p, d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLetters1000 renders 1,000 letters into one PDF. Target: ≤ 1.5 s.
func BenchmarkLetters1000(b *testing.B) {
	f, p := testFonts(b), sampleProfile()
	base := allLetters(b)
	ls := make([]Letter, 1000)
	for i := range ls {
		ls[i] = base[i%len(base)]
		ls[i].Number = i + 1
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := Letters(io.Discard, f, p, ls); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadFonts is the one-off cost of loading the family (done once per run).
func BenchmarkLoadFonts(b *testing.B) {
	for b.Loop() {
		if _, err := BundledFonts(); err != nil {
			b.Fatal(err)
		}
	}
}
