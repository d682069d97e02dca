package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

func (f *fixture) openCalendar() *calendarScreen {
	f.shell.tabs.SelectIndex(tabCalendar)
	f.wait()
	return f.shell.calendar
}

// The month shows each day with its lunar date and, for a day off, a word
// and the rule behind it.
func TestCalendarMonthShowsLunarDatesAndHolidays(t *testing.T) {
	f := newFixture(t, at(2026, 9, 1, 9, 0))
	c := f.openCalendar()
	shown := texts(c.content)
	assertContains(t, shown, "Tháng 9 năm 2026")
	assertContains(t, shown, "Thứ Hai")
	assertContains(t, shown, "Nghỉ lễ")
	assertContains(t, shown, "âm 21") // 2/9/2026 is 21/7 âm lịch
	// A click on 2/9 says what it is and why.
	days := f.off.Month(2026, 9)
	c.showDay(days[1])
	assertContains(t, texts(c.dayInfo), "02/09/2026")
	assertContains(t, texts(c.dayInfo), "ngày nghỉ")
	assertContains(t, texts(c.dayInfo), "Theo:")
	test.Tap(c.findButton(t, "Tháng sau"))
	assertContains(t, texts(c.title), "Tháng 10 năm 2026")
}

func (c *calendarScreen) findButton(t *testing.T, label string) *keyButton {
	for _, o := range visibleObjects(c.content) {
		if b, ok := o.(*keyButton); ok && b.Text == label {
			return b
		}
	}
	t.Fatalf("no button %q", label)
	return nil
}

// "Tính hạn" answers what reception would say, with the days counted.
func TestCalendarComputesTheDueTime(t *testing.T) {
	f := newFixture(t, monday0740)
	c := f.openCalendar()
	c.proc.SetText("Xác nhận tình trạng hôn nhân")
	c.at.SetText("09:00 20/11/2026")
	test.Tap(c.compute)
	f.wait()
	got := texts(c.answer)
	assertContains(t, got, "Hạn trả kết quả:")
	assertContains(t, got, "Không tính các ngày nghỉ: 21/11")
	c.at.SetText("31/02/2026")
	test.Tap(c.compute)
	f.wait()
	assertContains(t, texts(c.answer), "không có trên lịch")
}

// A day off the program picked by rule, its year's notice not out, says
// "Dự kiến" in the month and when clicked.
func TestCalendarMarksProvisionalDays(t *testing.T) {
	f := newFixture(t, at(2027, 1, 4, 9, 0))
	c := f.openCalendar()
	found := false
	for m := 1; m <= 12 && !found; m++ {
		for _, d := range f.off.Month(2027, time.Month(m)) {
			if d.Provisional {
				c.show(time.Date(2027, time.Month(m), 1, 0, 0, 0, 0, d.Date.Location()))
				assertContains(t, texts(c.grid), "Dự kiến")
				c.showDay(d)
				assertContains(t, texts(c.dayInfo), "DỰ KIẾN")
				found = true
				break
			}
		}
	}
	if !found {
		t.Skip("no provisional day in 2027 in this calendar")
	}
}

// The correction review says whether any due date would move.
func TestCalendarCorrectionReview(t *testing.T) {
	f := newFixture(t, monday0740)
	f.receive("Giàng A Páo", "khai-sinh", monday0740)
	c := f.openCalendar()
	test.Tap(c.check)
	f.wait()
	got := texts(c.review)
	if !strings.Contains(got, "không có gì cần điều chỉnh") && !strings.Contains(got, "Áp dụng") {
		t.Errorf("review says %q", got)
	}
}
