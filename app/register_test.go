package app

import (
	"context"
	"image/color"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"motcua/internal/office"
	"motcua/internal/register"
)

// rowText is what line i of the register reads, once its page is loaded.
func (f *fixture) rowText(i int) string {
	r := f.shell.register
	r.row(i) // asks for the page
	f.wait()
	item := r.list.CreateItem()
	r.updateRow(i, item)
	return texts(item)
}

// rowFill is the background tint of line i.
func rowFill(f *fixture, i int) color.Color {
	r := f.shell.register
	r.row(i)
	f.wait()
	item := r.list.CreateItem()
	r.updateRow(i, item)
	return item.(*fyne.Container).Objects[0].(*canvas.Rectangle).FillColor
}

func (f *fixture) openRegister() *registerScreen {
	f.shell.tabs.SelectIndex(tabRegister)
	f.shell.register.reload()
	f.wait()
	return f.shell.register
}

func TestRegisterNewestFirst(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	f.receive("Nguyễn Thị Hoa", "khai-sinh", at(2026, 11, 23, 7, 40))
	f.receive("Giàng A Páo", "ket-hon", at(2026, 11, 23, 8, 5))
	last := f.receive("Đỗ Đức Đạt", "thuong-tru", at(2026, 11, 23, 9, 30))
	r := f.openRegister()
	if r.length() != 3 {
		t.Fatalf("%d rows", r.length())
	}
	assertContains(t, texts(r.count), "3 hồ sơ, mới nhất ở trên cùng")
	first := f.rowText(0)
	for _, want := range []string{last.Code, "Đỗ Đức Đạt", "Đăng ký thường trú", "09:30 23/11/2026", "Đã tiếp nhận"} {
		assertContains(t, first, want)
	}
	assertContains(t, f.rowText(1), "Giàng A Páo")
	assertContains(t, f.rowText(2), "Nguyễn Thị Hoa")
	assertContains(t, texts(r.content), "Mã hồ sơ")
	assertContains(t, texts(r.content), "Người nộp")
	assertContains(t, texts(r.content), "Trạng thái")
}

func TestRegisterSearchIgnoresAccents(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	f.receive("Nguyễn Thị Hoa", "khai-sinh", at(2026, 11, 23, 7, 40))
	f.receive("Đỗ Đức Đạt", "thuong-tru", at(2026, 11, 23, 8, 30))
	f.receive("Đỗ Văn Hùng", "ket-hon", at(2026, 11, 23, 9, 30))
	r := f.openRegister()

	r.search.SetText("do duc dat")
	r.applySearch() // what the debounce timer does
	f.wait()
	if r.length() != 1 {
		t.Fatalf("search found %d rows", r.length())
	}
	assertContains(t, f.rowText(0), "Đỗ Đức Đạt")
	assertContains(t, texts(r.count), "Tìm thấy 1 hồ sơ khớp với “do duc dat”")

	r.search.SetText("khong ai ten nay")
	r.applySearch()
	f.wait()
	if r.length() != 0 {
		t.Errorf("nonsense found %d", r.length())
	}
	assertContains(t, texts(r.count), "Không tìm thấy hồ sơ nào")

	// Clearing the box shows the whole register again.
	r.search.SetText("")
	r.applySearch()
	f.wait()
	if r.length() != 3 || r.searching {
		t.Errorf("after clearing: %d rows, searching %v", r.length(), r.searching)
	}
}

func TestRegisterSearchIsDebounced(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	f.receive("Nguyễn Thị Hoa", "khai-sinh", at(2026, 11, 23, 7, 40))
	f.receive("Đỗ Đức Đạt", "thuong-tru", at(2026, 11, 23, 8, 30))
	r := f.openRegister()
	r.debounce = 50 * time.Millisecond
	test.Type(r.search, "nguyen thi hoa")
	if r.searching {
		t.Fatal("searched on the first key press")
	}
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) && !(r.searching && r.length() == 1) {
		time.Sleep(20 * time.Millisecond)
		f.wait()
	}
	if r.length() != 1 {
		t.Fatalf("debounced search shows %d rows", r.length())
	}
	assertContains(t, f.rowText(0), "Nguyễn Thị Hoa")
}

func TestRegisterColoursLateAndDueSoon(t *testing.T) {
	// Wednesday 25/11/2026, 10:00.
	f := newFixture(t, at(2026, 11, 25, 10, 0))
	f.receive("Quá Hạn", "khai-sinh", at(2026, 11, 23, 7, 40))      // due Monday 16:00: late
	f.receive("Đến Hạn", "khai-sinh", at(2026, 11, 25, 8, 0))       // due today
	f.receive("Còn Lâu", "dat-dai-lan-dau", at(2026, 11, 25, 9, 0)) // 20 working days
	r := f.openRegister()
	cases := []struct {
		row  int
		name string
		want color.Color
	}{{0, "Còn Lâu", noTint}, {1, "Đến Hạn", dueSoonTint}, {2, "Quá Hạn", overdueTint}}
	for _, c := range cases {
		assertContains(t, f.rowText(c.row), c.name)
		if got := rowFill(f, c.row); got != c.want {
			t.Errorf("%s: tint %v, want %v", c.name, got, c.want)
		}
	}
	// Returned dossiers are no longer coloured.
	ds, _ := f.off.Page(context.Background(), office.Filter{Limit: 3})
	if _, err := f.off.Return(context.Background(), ds[2].Code, time.Time{}); err != nil {
		t.Fatal(err)
	}
	r.reload()
	f.wait()
	if got := rowFill(f, 2); got != noTint {
		t.Errorf("returned dossier tinted %v", got)
	}
}

func TestRegisterStateFilter(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	a := f.receive("Nguyễn Thị Hoa", "khai-sinh", at(2026, 11, 23, 7, 40))
	f.receive("Đỗ Đức Đạt", "thuong-tru", at(2026, 11, 23, 8, 30))
	if _, err := f.off.Forward(context.Background(), a.Code, "Công chức Tư pháp - Hộ tịch", time.Time{}); err != nil {
		t.Fatal(err)
	}
	r := f.openRegister()
	r.state.SetSelected(register.InProgress.Vietnamese())
	f.wait()
	if r.length() != 1 {
		t.Fatalf("filter %q shows %d rows", r.state.Selected, r.length())
	}
	assertContains(t, f.rowText(0), "Nguyễn Thị Hoa")
	assertContains(t, f.rowText(0), "Đang giải quyết")
	// The filter also applies to a search.
	r.search.SetText("thon trung")
	r.applySearch()
	f.wait()
	if r.length() != 1 {
		t.Errorf("search within the filter shows %d", r.length())
	}
	r.state.SetSelectedIndex(0)
	f.wait()
	if r.length() != 2 {
		t.Errorf("all states within the search shows %d", r.length())
	}
}

// TestRegisterLoadsOnlyVisiblePages checks the list reads the register a
// page at a time, as the rows come into view, never all of it.
func TestRegisterLoadsOnlyVisiblePages(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	start := at(2026, 1, 5, 8, 0)
	for i := 0; i < 3*pageSize+10; i++ {
		f.receive("Người Thứ "+strings.Repeat("I", i%5+1), "khai-sinh", start.Add(time.Duration(i)*time.Minute))
	}
	r := f.openRegister()
	if r.length() != 3*pageSize+10 {
		t.Fatalf("%d rows", r.length())
	}
	f.win.Canvas().Refresh(r.list)
	f.wait()
	r.mu.Lock()
	loaded := len(r.pages)
	_, first := r.pages[0]
	r.mu.Unlock()
	if loaded != 1 || !first {
		t.Errorf("showing the top loaded %d pages (first: %v)", loaded, first)
	}
	r.list.ScrollToBottom()
	f.wait()
	r.mu.Lock()
	_, lastPage := r.pages[3]
	_, middle := r.pages[1]
	r.mu.Unlock()
	if !lastPage || middle {
		t.Errorf("after scrolling to the bottom: last page %v, page 1 %v", lastPage, middle)
	}
	assertContains(t, f.rowText(3*pageSize+9), "08:00 05/01/2026")
}

// searchFor types q into the register's search box and waits for the
// results.
func (f *fixture) searchFor(q string) *registerScreen {
	r := f.shell.register
	r.search.SetText(q)
	r.applySearch()
	f.wait()
	return r
}

// After a new search the detail pane never shows a dossier the table no
// longer holds: it empties, and its buttons are greyed out.
func TestNewSearchEmptiesTheDetailOfAnotherDossier(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	f.receive("Giàng A Páo", "khai-sinh", at(2026, 11, 23, 7, 40))
	f.receive("Nguyễn Thị Hoa", "khai-sinh", at(2026, 11, 23, 8, 0))
	f.openRegister()
	r := f.searchFor("pao")
	r.list.Select(0)
	f.wait()
	assertContains(t, texts(r.detail.content), "Giàng A Páo")

	r = f.searchFor("hoa")
	if r.length() != 1 {
		t.Fatalf("%d rows", r.length())
	}
	shown := texts(r.detail.content)
	assertNotContains(t, shown, "Giàng A Páo")
	assertContains(t, shown, "Chọn một hồ sơ trong sổ")
	if got := enabled(r.detail); got != "" || !r.detail.papers.Disabled() {
		t.Errorf("buttons of a dossier no longer shown: %q", got)
	}

	// A search that still holds it keeps it, marked.
	r.list.Select(0)
	f.wait()
	r = f.searchFor("nguyen")
	assertContains(t, texts(r.detail.content), "Nguyễn Thị Hoa")
	if r.listSelected != 0 {
		t.Errorf("line %d marked", r.listSelected)
	}
}

// Opening a dossier from the dashboard shows it as the table's one row,
// whatever was searched before.
func TestOpeningFromTheDashboardReplacesOldResults(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	pao := f.receive("Giàng A Páo", "khai-sinh", at(2026, 11, 23, 7, 40))
	f.receive("Nguyễn Thị Hoa", "khai-sinh", at(2026, 11, 23, 8, 0))
	f.openRegister()
	r := f.searchFor("hoa")
	r.list.Select(0)
	f.wait()

	f.shell.tabs.SelectIndex(tabDashboard)
	f.shell.dashboard.openDossier(*pao)
	f.wait()
	if f.shell.tabs.SelectedIndex() != tabRegister {
		t.Fatal("the register did not open")
	}
	if r.length() != 1 || !strings.Contains(f.rowText(0), "Giàng A Páo") {
		t.Fatalf("table: %d rows, first %q", r.length(), f.rowText(0))
	}
	if r.listSelected != 0 {
		t.Errorf("line %d marked", r.listSelected)
	}
	shown := texts(r.detail.content)
	assertContains(t, shown, "Giàng A Páo")
	assertNotContains(t, shown, "Nguyễn Thị Hoa")
	assertContains(t, r.search.Text, pao.Code)
}

// Page Down, Page Up, End and Home move the selection through the
// register, from the search box too.
func TestRegisterPagesByKeyboard(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	for i := 0; i < 30; i++ {
		f.receive("Công dân "+strconv.Itoa(i), "khai-sinh", at(2026, 11, 23, 7, 40))
	}
	r := f.openRegister()
	key := func(name fyne.KeyName) string {
		f.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: name})
		f.wait()
		if r.detail.d == nil {
			t.Fatalf("%s selected nothing", name)
		}
		return r.detail.d.Applicant.Name
	}
	f.win.Canvas().Focus(r.search)
	if got := key(fyne.KeyPageDown); got == "Công dân 29" || r.listSelected <= 0 {
		t.Errorf("Page Down from the search: line %d (%s)", r.listSelected, got)
	}
	if got := key(fyne.KeyEnd); got != "Công dân 0" || r.listSelected != 29 {
		t.Errorf("End: line %d (%s)", r.listSelected, got)
	}
	if key(fyne.KeyPageUp); r.listSelected >= 29 || r.listSelected < 0 {
		t.Errorf("Page Up: line %d", r.listSelected)
	}
	if got := key(fyne.KeyHome); got != "Công dân 29" || r.listSelected != 0 {
		t.Errorf("Home: line %d (%s)", r.listSelected, got)
	}
}

// "Quá hạn" lists the dossiers past the date last promised, in the whole
// register and among search results.
func TestOverdueFilter(t *testing.T) {
	f := newFixture(t, at(2026, 11, 25, 10, 0))
	f.receive("Quá Hạn Một", "khai-sinh", at(2026, 11, 20, 8, 0))
	f.receive("Quá Hạn Hai", "khai-sinh", at(2026, 11, 23, 8, 0))
	f.receive("Hôm Nay", "khai-sinh", at(2026, 11, 25, 8, 0))
	r := f.openRegister()
	r.state.SetSelected("Quá hạn")
	f.wait()
	if r.length() != 2 {
		t.Fatalf("%d overdue rows", r.length())
	}
	assertContains(t, texts(r.count), "2 hồ sơ")
	assertContains(t, f.rowText(0), "Quá Hạn Hai")
	assertContains(t, f.rowText(0), "quá hạn")
	r = f.searchFor("qua han mot")
	if r.length() != 1 || !strings.Contains(f.rowText(0), "Quá Hạn Một") {
		t.Fatalf("search among overdue: %d rows", r.length())
	}
	r = f.searchFor("hom nay")
	if r.length() != 0 {
		t.Errorf("a dossier due today is listed as overdue")
	}
}

// A search that finds more than it shows says how many it found, under
// the state selector.
func TestSearchShowsItsTotal(t *testing.T) {
	f := newFixture(t, at(2026, 11, 25, 10, 0))
	for i := 0; i < 4; i++ {
		f.receive("Nguyễn Văn "+strconv.Itoa(i), "khai-sinh", at(2026, 11, 25, 8, i))
	}
	done := f.receive("Nguyễn Thị Xong", "khai-sinh", at(2026, 11, 25, 9, 0))
	if _, err := f.off.Return(context.Background(), done.Code, time.Time{}); err != nil {
		t.Fatal(err)
	}
	r := f.openRegister()
	r.searchLimit = 2
	r = f.searchFor("nguyen")
	if r.length() != 2 {
		t.Fatalf("%d rows shown", r.length())
	}
	assertContains(t, texts(r.count), "Tìm thấy 5 hồ sơ khớp với “nguyen”; hiện 2 hồ sơ mới nhất")
	r.state.SetSelected(register.Returned.Vietnamese())
	f.wait()
	if r.length() != 1 || !strings.Contains(f.rowText(0), "Nguyễn Thị Xong") {
		t.Fatalf("returned only: %d rows", r.length())
	}
	assertContains(t, texts(r.count), "Tìm thấy 1 hồ sơ")
}
