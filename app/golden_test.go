package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// The golden images are the layouts that matter most (STYLE.md): the
// reception form as the clerk fills it, and the register with its colours
// and a dossier open. They are drawn with Fyne's test theme, which stays
// the same from one Fyne release to the next more than the real one.
// After a deliberate change, copy testdata/failed/*.png over testdata/.

func TestGoldenReceptionForm(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 7, 40))
	r := f.shell.reception
	// A receipt from the previous citizen, then the next one being typed.
	f.pickProcedure("chung thuc ban sao")
	test.Type(r.name, "Nguyễn Thị Hoa")
	r.submit()
	f.wait()
	f.pickProcedure("khai sinh")
	test.Type(r.name, "Giàng A Páo")
	test.Type(r.address, "Thôn Trung, xã Trung Lý")
	test.Type(r.phone, "0912 345 678")
	test.AssertImageMatches(t, "reception.png", f.capture())
}

func TestGoldenRegister(t *testing.T) {
	// Wednesday 25/11/2026, 10:00.
	f := newFixture(t, at(2026, 11, 25, 10, 0))
	f.receive("Vàng Thị Mỷ", "tam-tru", at(2026, 11, 16, 8, 10))
	f.receive("Trần Thị Lan", "cai-chinh-ho-tich", at(2026, 11, 19, 10, 0))
	f.receive("Giàng A Páo", "khai-sinh", at(2026, 11, 23, 7, 40))
	f.receive("Lò Văn Sáng", "ket-hon", at(2026, 11, 25, 8, 5))
	f.receive("Đỗ Đức Đạt", "dat-dai-lan-dau", at(2026, 11, 25, 9, 30))
	p := f.selectDossier(2)
	if p.d.Applicant.Name != "Giàng A Páo" {
		t.Fatalf("selected %s", p.d.Applicant.Name)
	}
	test.AssertImageMatches(t, "register.png", f.capture())
}
