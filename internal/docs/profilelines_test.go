package docs

import (
	"io"
	"strings"
	"testing"

	"motcua/internal/letters"
)

func TestProvinceName(t *testing.T) {
	for in, want := range map[string]string{
		"":                 "",
		"Thanh Hóa":        "Tỉnh Thanh Hóa",
		"tỉnh Thanh Hóa":   "tỉnh Thanh Hóa",
		"Hà Nội":           "Thành phố Hà Nội",
		"TP. Hồ Chí Minh":  "Thành phố Hồ Chí Minh",
		"Thành phố Huế":    "Thành phố Huế",
		"  Lào  Cai ":      "Tỉnh Lào Cai",
		"Đà Nẵng":          "Thành phố Đà Nẵng",
		"tp Cần Thơ":       "Thành phố Cần Thơ",
		"TP.HCM":           "Thành phố Hồ Chí Minh",
		"TP.Hải Phòng":     "Thành phố Hải Phòng",
		"Tỉnh Quảng Ninh.": "Tỉnh Quảng Ninh.",
	} {
		if got := provinceName(in); got != want {
			t.Errorf("provinceName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBodyParentAndPlace(t *testing.T) {
	for _, tt := range []struct {
		p                   Profile
		parent, place, line string
	}{
		{Profile{Province: "Thanh Hóa", Body: "Ủy ban nhân dân xã Đông Văn"}, "Tỉnh Thanh Hóa", "Đông Văn", ""},
		{Profile{ParentBody: "Ủy ban nhân dân huyện Đông Sơn", Province: "Thanh Hóa", PlaceName: "Đông Sơn"}, "Ủy ban nhân dân huyện Đông Sơn", "Đông Sơn", ""},
		{Profile{ParentBody: NoParent, Province: "Thanh Hóa", Body: "UBND phường Hạc Thành"}, "", "Hạc Thành", ""},
		{Profile{Body: "Ủy ban nhân dân đặc khu Cồn Cỏ", Address: "Thôn 1", Phone: "0233 1"}, "", "Cồn Cỏ", "Địa chỉ: Thôn 1; Điện thoại: 0233 1"},
		{Profile{Phone: " 0237 "}, "", "", "Điện thoại: 0237"},
	} {
		if got := tt.p.bodyParent(); got != tt.parent {
			t.Errorf("%+v: parent %q, want %q", tt.p, got, tt.parent)
		}
		if got := tt.p.placeName(); got != tt.place {
			t.Errorf("%+v: place %q, want %q", tt.p, got, tt.place)
		}
		if got := tt.p.contactLine(); got != tt.line {
			t.Errorf("%+v: contact %q, want %q", tt.p, got, tt.line)
		}
	}
}

// TestProfileOnPaper reads what the paper says: the province above the People's Committee
// on what the committee issues, never above the counter on the counter's forms; the
// office's address on the A4 receipt and at the foot of letters; the signer kept with a
// letter printed with the Decree 30 block for a vice-chair.
func TestProfileOnPaper(t *testing.T) {
	f, p, dd := testFonts(t), sampleProfile(), sampleDossier()
	p.FormPaper = PaperA4
	text := func(fn func(io.Writer) error) string {
		return poppler(t, render(t, fn), "pdftotext", "-enc", "UTF-8")
	}
	apology := text(func(w io.Writer) error { return Apology(w, f, p, dd) })
	if !strings.Contains(apology, "TỈNH THANH HÓA\nỦY BAN NHÂN DÂN\nXÃ ĐÔNG VĂN") {
		t.Errorf("the apology's header lacks the province above the committee:\n%.300s", apology)
	}
	receipt := text(func(w io.Writer) error { return Receipt(w, f, p, dd) })
	if strings.Contains(receipt, "TỈNH THANH HÓA") {
		t.Errorf("the counter's receipt carries the province: its parent is the committee\n%.300s", receipt)
	}
	if !strings.Contains(receipt, "- Địa chỉ: Thôn Trung Lý, xã Đông Văn, tỉnh Thanh Hóa; điện thoại: 0237 3812 345.") {
		t.Errorf("the A4 receipt lacks the office's address and phone:\n%s", receipt)
	}
	pA5 := p
	pA5.FormPaper = PaperA5
	if a5 := text(func(w io.Writer) error { return Receipt(w, f, pA5, dd) }); strings.Contains(a5, "- Địa chỉ: Thôn") {
		t.Error("the A5 receipt prints the address note it has no room for")
	}
	supp := text(func(w io.Writer) error { return Supplement(w, f, p, dd) })
	if !strings.Contains(strings.Join(strings.Fields(supp), " "), "xã Đông Văn (Thôn Trung Lý, xã Đông Văn, tỉnh Thanh Hóa), số điện thoại 0237 3812 345") {
		t.Errorf("the supplement request lacks where to ask:\n%s", supp)
	}

	l := sampleLetter()
	l.Signer = letters.Signer{Name: "Hà Văn Bình", Role: letters.SignerViceChair}
	letter := text(func(w io.Writer) error { return Letters(w, f, p, []Letter{l}) })
	if !strings.Contains(letter, "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH") || !strings.Contains(letter, "Hà Văn Bình") || strings.Contains(letter, "Lê Văn Tuấn") {
		t.Errorf("a letter signed by a vice-chair:\n%s", letter)
	}
	if !strings.Contains(letter, "Địa chỉ: Thôn Trung Lý, xã Đông Văn, tỉnh Thanh Hóa; Điện thoại: 0237 3812 345") {
		t.Errorf("the letter's foot lacks the office's address:\n%s", letter)
	}
	// A profile signing "KT." prints the same block on the committee's papers.
	pKT := p
	pKT.ChairName, pKT.ChairTitle, pKT.SignAs = "Hà Văn Bình", "Phó Chủ tịch", "KT"
	apKT := text(func(w io.Writer) error { return Apology(w, f, pKT, dd) })
	if !strings.Contains(apKT, "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH") {
		t.Errorf("the apology signed by a vice-chair:\n%s", apKT)
	}
}

// The office's address sits at the foot of a letter's first page only, and the text of a
// long letter never runs into it.
func TestContactFootOnTheFirstPage(t *testing.T) {
	f, p := testFonts(t), sampleProfile()
	l := sampleLetter()
	for range 6 {
		l.Paragraphs = append(l.Paragraphs, l.Paragraphs[:3]...)
	}
	pdf := render(t, func(w io.Writer) error { return Letters(w, f, p, []Letter{l}) })
	if n := pages(t, pdf); n != 2 {
		t.Fatalf("%d pages, want 2", n)
	}
	const foot = "Địa chỉ: Thôn Trung Lý, xã Đông Văn, tỉnh Thanh Hóa; Điện thoại: 0237 3812 345"
	p1 := poppler(t, pdf, "pdftotext", "-f", "1", "-l", "1", "-enc", "UTF-8")
	p2 := poppler(t, pdf, "pdftotext", "-f", "2", "-l", "2", "-enc", "UTF-8")
	if !strings.HasSuffix(strings.TrimSpace(p1), foot) || strings.Contains(p2, "Địa chỉ: Thôn") {
		t.Errorf("foot not alone at the end of page 1:\n%s\n--- page 2:\n%s", p1, p2)
	}
	// Nothing is drawn below the rule above the foot but the foot itself.
	const mm = 72 / 25.4
	ws := bboxWords(t, pdf, 1)
	var footTop, lowestText float64
	for _, w := range ws {
		if w.text == "Địa" && w.yMin/mm > 250 {
			footTop = w.yMin / mm
		}
	}
	for _, w := range ws {
		if w.yMin/mm < footTop-0.5 {
			lowestText = max(lowestText, w.yMax/mm)
		}
	}
	if footTop == 0 || lowestText > footTop-3 {
		t.Errorf("text reaches %.1f mm, the foot starts at %.1f mm", lowestText, footTop)
	}
}
