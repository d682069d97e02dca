package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"
)

func TestWriteAtomically(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "giay-hen.pdf")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := writeAtomically(path, []byte("%PDF-new")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "%PDF-new" {
		t.Errorf("file holds %q", b)
	}
	if es, _ := os.ReadDir(dir); len(es) != 1 {
		t.Errorf("left %d files behind", len(es))
	}
	err := writeAtomically(filepath.Join(dir, "khong-co", "a.pdf"), []byte("x"))
	if err == nil || !strings.Contains(err.Error(), "thư mục không còn tồn tại") {
		t.Errorf("missing folder: %v", err)
	}
}

func TestSaveOffersTheDocumentsName(t *testing.T) {
	f := newFixture(t, monday0740)
	doc := &document{title: "Giấy tiếp nhận", file: "giay-hen-000.17.22.H56-261123-0001.pdf", paper: "khổ A5", data: []byte("%PDF-")}
	f.shell.env.offer(doc, false)
	f.tapDialog("Lưu…")
	found := false
	for _, o := range visibleObjects(f.overlay()) {
		if en, ok := o.(*widget.Entry); ok && en.Text == doc.file {
			found = true
		}
	}
	if !found {
		t.Errorf("the save dialog does not propose %s: %s", doc.file, texts(f.overlay()))
	}
}

func TestPrintFailureSaysWhatToDo(t *testing.T) {
	f := newFixture(t, monday0740)
	f.shell.env.printFile = func(string) (bool, error) {
		return false, errors.New("máy in từ chối lệnh in (lp: no default destination)")
	}
	doc := &document{title: "Giấy tiếp nhận hồ sơ X", file: "giay-hen-x.pdf", paper: "khổ A5", data: []byte("%PDF-")}
	f.shell.env.offer(doc, true)
	f.wait()
	msg := f.dialogText()
	assertContains(t, msg, "Không in được giấy tiếp nhận hồ sơ X")
	assertContains(t, msg, "no default destination")
	f.tapDialog("Đóng")
	// The document dialog is still there, saying how to go on.
	assertContains(t, f.dialogText(), "Chưa in được")
	f.tapDialog("Đóng")
}

func TestTempFilesAreNamedAndOldOnesRemoved(t *testing.T) {
	f := newFixture(t, monday0740)
	e := f.shell.env
	old := filepath.Join(e.tempDir, "giay-hen-cu.pdf")
	os.WriteFile(old, []byte("x"), 0o644)
	week := time.Now().Add(-8 * 24 * time.Hour)
	os.Chtimes(old, week, week)
	doc := &document{file: "giay-hen-000.17.22.H56-261123-0001.pdf", data: []byte("%PDF-")}
	p1, err := e.tempFile(doc)
	if err != nil {
		t.Fatal(err)
	}
	p2, _ := e.tempFile(doc)
	if p1 == p2 || !strings.HasPrefix(filepath.Base(p1), "giay-hen-000.17.22.H56-261123-0001-") || filepath.Ext(p1) != ".pdf" {
		t.Errorf("temp names %s %s", p1, p2)
	}
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Error("a week-old temporary PDF was kept")
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Nguyễn Thị Lan": "nguyen-thi-lan", " Đỗ  Đức Đạt ": "do-duc-dat", "Giàng A Páo": "giang-a-pao",
	} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q", in, got)
		}
	}
}

// "Lưu vào Tài liệu" needs no dialog and never replaces a file.
func TestKeepDocumentWritesIntoTheFolder(t *testing.T) {
	f := newFixture(t, monday0740)
	dir := t.TempDir()
	f.shell.env.app.Preferences().SetString(prefDocsDir, dir)
	doc := &document{title: "Giấy tiếp nhận hồ sơ X", file: "giay-hen-x.pdf", paper: "khổ A5", data: []byte("%PDF-1")}
	f.shell.env.offer(doc, false)
	f.tapDialog("Lưu vào Tài liệu")
	assertContains(t, f.dialogText(), filepath.Join(dir, "giay-hen-x.pdf"))
	f.tapDialog("Mở thư mục chứa tệp")
	f.wait()
	f.tapDialog("Lưu vào Tài liệu")
	assertContains(t, f.dialogText(), filepath.Join(dir, "giay-hen-x (2).pdf"))
	if b, _ := os.ReadFile(filepath.Join(dir, "giay-hen-x (2).pdf")); string(b) != "%PDF-1" {
		t.Errorf("saved %q", b)
	}
	if len(f.sys.opened) != 1 || f.sys.opened[0] != dir {
		t.Errorf("opened %q", f.sys.opened)
	}
}
