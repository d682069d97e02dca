package docs

import (
	"io"
	"math"
	"testing"
)

// bboxH is the height poppler gives a word set in Liberation Serif, per point of size
// (ascent + descent of the face).
const bboxH = 1.107

// TestDecree30Layout measures what an inspector would: on the letters and the A4 forms, the
// text stays inside Decree 30/2020's margins (left 30–35 mm, right 15–20, top 20–25) and the
// national name, the motto and the running text have its sizes (12–13, 13–14, 13–14 pt).
func TestDecree30Layout(t *testing.T) {
	f, p, dd := testFonts(t), sampleProfile(), sampleDossier()
	p.FormPaper = ""
	ls := allLetters(t)
	docs := map[string]func(io.Writer) error{
		"letter":     func(w io.Writer) error { return Letters(w, f, p, ls[:1]) },
		"receipt":    func(w io.Writer) error { return Receipt(w, f, p, dd) },
		"supplement": func(w io.Writer) error { return Supplement(w, f, p, dd) },
		"refusal":    func(w io.Writer) error { return Refusal(w, f, p, dd) },
		"apology":    func(w io.Writer) error { return Apology(w, f, p, dd) },
		"stop":       func(w io.Writer) error { return StopNotice(w, f, p, dd) },
		"control":    func(w io.Writer) error { return ControlSlip(w, f, p, dd) },
		"rejection":  func(w io.Writer) error { return RejectionNotice(w, f, p, dd) },
	}
	const mm = 72 / 25.4
	for name, fn := range docs {
		pdf := render(t, fn)
		ws := bboxWords(t, pdf, 1)
		if len(ws) == 0 {
			t.Fatalf("%s: no words", name)
		}
		left, right, top := math.Inf(1), 0.0, math.Inf(1)
		sizes := map[float64]int{}
		size := func(w bboxWord) float64 { return math.Round((w.yMax-w.yMin)/bboxH*2) / 2 }
		var qh, motto float64
		for _, w := range ws {
			left, right, top = min(left, w.xMin/mm), max(right, w.xMax/mm), min(top, w.yMin/mm)
			sizes[size(w)]++
			switch w.text {
			case "CỘNG":
				qh = size(w)
			case "Độc":
				motto = size(w)
			}
		}
		if left < 30-0.3 || left > 35 {
			t.Errorf("%s: text starts %.1f mm from the left edge, want 30–35", name, left)
		}
		if r := 210 - right; r < 15-0.3 || r > 20 {
			t.Errorf("%s: text ends %.1f mm from the right edge, want 15–20", name, r)
		}
		if top < 20-0.3 {
			t.Errorf("%s: text starts %.1f mm from the top, want at least 20", name, top)
		}
		if qh < 12 || qh > 13 {
			t.Errorf("%s: national name in %.1f pt, want 12–13", name, qh)
		}
		if motto < 13 || motto > 14 {
			t.Errorf("%s: motto in %.1f pt, want 13–14", name, motto)
		}
		body, most := 0.0, 0
		for s, n := range sizes {
			if n > most {
				body, most = s, n
			}
		}
		if body < 13 || body > 14 {
			t.Errorf("%s: most words in %.1f pt, want the text in 13–14", name, body)
		}
	}
}

func TestArchiveLine(t *testing.T) {
	for _, tt := range []struct {
		unit   string
		copies int
		want   string
	}{
		{"", 0, "- Lưu: VT."},
		{"VP", 0, "- Lưu: VT, VP."},
		{" TP, ", 2, "- Lưu: VT, TP, 02."},
		{"VP", 12, "- Lưu: VT, VP, 12."},
	} {
		p := Profile{ArchiveUnit: tt.unit, ArchiveCopies: tt.copies}
		items := p.noiNhanItems([]string{"Như trên"}, []string{"Lưu hồ sơ", "- Trung tâm Phục vụ hành chính công;"})
		want := []string{"- Như trên;", "- Trung tâm Phục vụ hành chính công;", tt.want}
		if len(items) != len(want) {
			t.Fatalf("%q %d: %q", tt.unit, tt.copies, items)
		}
		for i := range want {
			if items[i] != want[i] {
				t.Errorf("%q %d: line %d %q, want %q", tt.unit, tt.copies, i, items[i], want[i])
			}
		}
	}
}
