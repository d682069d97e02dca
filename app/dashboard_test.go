package app

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"motcua/internal/register"
)

func TestDashboardListsPressingDossiersOverdueFirst(t *testing.T) {
	// Monday 23/11 10:00; Tuesday 24/11 is a holiday, so the next working
	// day is Wednesday 25/11.
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	f.receive("Hôm Nay", "khai-sinh", at(2026, 11, 23, 8, 0))            // due today 16:00
	f.receive("Quá Hạn", "khai-sinh", at(2026, 11, 20, 8, 0))            // due Friday 20: late
	f.receive("Thứ Tư", "cham-dut-giam-ho", at(2026, 11, 20, 9, 0))      // due Wednesday 25
	f.receive("Còn Lâu", "dat-dai-lan-dau", at(2026, 11, 23, 9, 0))      // weeks away
	returned := f.receive("Đã Trả", "khai-sinh", at(2026, 11, 19, 8, 0)) // closed: not pressing
	if _, err := f.off.Return(f.shell.env.ctx, returned.Code, at(2026, 11, 19, 15, 0)); err != nil {
		t.Fatal(err)
	}
	d := f.shell.dashboard
	d.reload()
	f.wait()
	var names []string
	for _, p := range d.pressing {
		names = append(names, p.Applicant.Name)
	}
	if len(names) != 3 || names[0] != "Quá Hạn" || names[1] != "Hôm Nay" || names[2] != "Thứ Tư" {
		t.Fatalf("pressing %q", names)
	}
	assertContains(t, texts(d.pressHead), "Hồ sơ cần xử lý: 3 hồ sơ, quá hạn ở trên cùng")

	row := d.pressList.CreateItem()
	d.updatePressRow(0, row)
	assertContains(t, texts(row), "Quá Hạn")
	assertContains(t, texts(row), "Đăng ký khai sinh")
	assertContains(t, texts(row), "16:00 thứ Sáu, 20/11/2026")
	if c := rowTint(row); c != overdueTint {
		t.Errorf("late row tinted %v", c)
	}
	d.updatePressRow(1, row)
	assertContains(t, texts(row), "16:00 thứ Hai, 23/11/2026 (hôm nay)")
	if c := rowTint(row); c != dueSoonTint {
		t.Errorf("due-today row tinted %v", c)
	}

	// A click opens it in the register's detail.
	d.pressList.Select(2)
	f.wait()
	if f.shell.tabs.SelectedIndex() != tabRegister {
		t.Fatal("the register did not open")
	}
	p := f.shell.register.detail
	if p.d == nil || p.d.Applicant.Name != "Thứ Tư" || p.d.State != register.Received {
		t.Fatalf("detail shows %+v", p.d)
	}
	assertContains(t, texts(p.content), "Đăng ký chấm dứt giám hộ")
}

func rowTint(o fyne.CanvasObject) color.Color {
	return o.(*fyne.Container).Objects[0].(*canvas.Rectangle).FillColor
}
