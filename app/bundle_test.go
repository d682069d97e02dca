package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func (f *fixture) openBundles() *bundleScreen {
	f.shell.tabs.SelectIndex(tabBundles)
	f.wait()
	return f.shell.bundles
}

func TestBundleScreenExportsVerifiesAndImports(t *testing.T) {
	f := newFixture(t, at(2026, 12, 1, 9, 0))
	f.receive("Giàng A Páo", "khai-sinh", at(2026, 11, 23, 7, 40))
	s := f.openBundles()
	assertContains(t, texts(s.key), "chưa có khóa ký")
	if s.month.Text != "11/2026" {
		t.Errorf("the month offered is %q, want the previous month", s.month.Text)
	}

	test.Type(s.keyPass, "mật khẩu của xã")
	test.Type(s.keyPass2, "mật khẩu của xa")
	test.Tap(s.keyInit)
	f.wait()
	assertContains(t, f.dialogText(), "không giống nhau")
	f.tapDialog("Đồng ý")
	s.keyPass2.SetText("mật khẩu của xã")
	test.Tap(s.keyInit)
	f.wait()
	assertContains(t, texts(s.key), "Dấu vân tay:")
	if !s.keyInit.Disabled() || s.keyForm.Visible() {
		t.Error("a second key can be made from the screen")
	}
	if !s.keyQR.Visible() || s.keyQR.Image == nil {
		t.Error("no QR code of the public key")
	}

	dir := t.TempDir()
	s.target.SetText(filepath.Join(dir, "nov.zip"))
	s.exportPass.SetText("sai mật khẩu")
	test.Tap(s.exportBtn)
	f.wait()
	assertContains(t, f.dialogText(), "Sai mật khẩu")
	f.tapDialog("Đồng ý")
	s.exportPass.SetText("mật khẩu của xã")
	test.Tap(s.exportBtn)
	f.wait()
	assertContains(t, texts(s.exportStatus), "Đã xuất gói số 1, kỳ 01/11/2026–30/11/2026")
	if s.progress.Visible() {
		t.Error("the progress bar is still shown")
	}

	s.file.SetText(filepath.Join(dir, "nov.zip"))
	test.Tap(s.verifyBtn)
	f.wait()
	assertContains(t, texts(s.verdict), "HỢP LỆ")
	assertContains(t, texts(s.reason), "chữ ký đúng")
	if s.verdictBox.FillColor != okColor {
		t.Error("the verdict is not green")
	}
	test.Tap(s.importBtn)
	f.wait()
	assertContains(t, texts(s.reason), "Đã nhập gói số 1")
	assertContains(t, texts(s.communes), "tiếp nhận 1")

	b, _ := os.ReadFile(filepath.Join(dir, "nov.zip"))
	os.WriteFile(filepath.Join(dir, "cut.zip"), b[:len(b)/2], 0o644)
	s.file.SetText(filepath.Join(dir, "cut.zip"))
	test.Tap(s.verifyBtn)
	f.wait()
	assertContains(t, texts(s.verdict), "KHÔNG HỢP LỆ")
	if !strings.Contains(texts(s.reason), "cắt cụt") || s.verdictBox.FillColor != badColor {
		t.Errorf("red verdict with the reason, got %q", texts(s.reason))
	}
}
