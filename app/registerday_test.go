package app

import (
	"context"
	"testing"
	"time"

	"motcua/internal/register"
)

// "Đến ngày" moves the register to the dossiers received that day, under
// the state filter chosen, leaving a search, and opens the newest of them.
func TestRegisterJumpsToADay(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	var on18 []*register.Dossier
	for i := 0; i < 15; i++ {
		f.receive("Ngày Mười Sáu", "khai-sinh", at(2026, 11, 16, 8, i))
	}
	for i := 0; i < 15; i++ {
		on18 = append(on18, f.receive("Ngày Mười Tám", "khai-sinh", at(2026, 11, 18, 8, i)))
	}
	for i := 0; i < 15; i++ {
		f.receive("Ngày Hai Mươi", "khai-sinh", at(2026, 11, 20, 8, i))
	}
	// The newest of the 18th is forwarded: no longer "Đã tiếp nhận".
	if _, err := f.off.Forward(context.Background(), on18[14].Code, "Công chức Tư pháp - Hộ tịch", time.Time{}); err != nil {
		t.Fatal(err)
	}
	r := f.openRegister()
	r.search.SetText("hai muoi")
	r.applySearch()
	f.wait()
	r.state.SetSelected(register.Received.Vietnamese())
	f.wait()

	r.day.SetText("18/11/2026") // a whole date moves at once
	f.wait()
	f.rowText(15) // the page on screen is read
	if r.state.Selected != register.Received.Vietnamese() {
		t.Fatalf("the state filter became %q", r.state.Selected)
	}
	if r.searching || r.search.Text != "" {
		t.Fatalf("still searching %q", r.search.Text)
	}
	if r.detail.d == nil || r.detail.d.Code != on18[13].Code {
		t.Fatalf("detail shows %v, want %s", r.detail.d, on18[13].Code)
	}
	if r.listSelected != 15 {
		t.Fatalf("line %d marked, want 15 (15 rows of the 20th above)", r.listSelected)
	}
	assertContains(t, f.rowText(15), on18[13].Code)
	assertContains(t, r.count.Text, "Ngày 18/11/2026: từ dòng 16. 44 hồ sơ")

	// A day without dossiers goes to the newest before it, and says so.
	r.day.SetText("19/11/2026")
	f.wait()
	assertContains(t, r.count.Text, "Ngày 19/11/2026 không có hồ sơ; đã chuyển đến ngày gần nhất trước đó, 18/11/2026 (dòng 16).")
	// Before the first dossier: nothing moves.
	r.day.SetText("01/11/2026")
	f.wait()
	assertContains(t, r.count.Text, "Không có hồ sơ nào ở mục “Đã tiếp nhận” tiếp nhận từ ngày 01/11/2026 trở về trước")
	// A short date waits for Enter; a wrong one is explained.
	r.day.SetText("16/11/26")
	f.wait()
	assertContains(t, r.count.Text, "trở về trước")
	r.day.OnSubmitted(r.day.Text)
	f.wait()
	assertContains(t, r.count.Text, "Ngày 16/11/2026: từ dòng 30.")
	r.day.SetText("31/02/2026")
	r.day.OnSubmitted(r.day.Text)
	f.wait()
	assertContains(t, r.count.Text, "31/02/2026")
}
