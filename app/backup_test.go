package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"motcua/internal/office"
)

// "Sao lưu ra USB" writes a copy of the register into the chosen folder
// that opens as a register with the same dossiers, and says where it is.
func TestBackupToUSB(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	d := f.receive("Giàng A Páo", "khai-sinh", at(2026, 11, 23, 7, 40))
	usb := t.TempDir()
	f.shell.backupTo(usb)
	f.wait()
	msg := f.dialogText()
	assertContains(t, msg, "Đã sao lưu sổ theo dõi hồ sơ vào tệp")
	files, _ := filepath.Glob(filepath.Join(usb, "*.db"))
	if len(files) != 1 || !strings.Contains(msg, files[0]) {
		t.Fatalf("backup files %v, message %q", files, msg)
	}
	b, err := office.Open(files[0], office.Options{Now: f.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if got, err := b.Show(context.Background(), d.Code); err != nil || got.Applicant.Name != "Giàng A Páo" {
		t.Fatalf("the backup lacks the dossier: %v %v", got, err)
	}
	f.tapDialog("Đồng ý")
}

// A folder that cannot be written gets a sentence, and nothing is claimed.
func TestBackupToUnwritableFolder(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	// A path below a plain file can be neither created nor written, even
	// by root.
	file := filepath.Join(t.TempDir(), "không-phải-thư-mục")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	f.shell.backupTo(filepath.Join(file, "usb"))
	f.wait()
	msg := f.dialogText()
	assertNotContains(t, msg, "Đã sao lưu sổ theo dõi hồ sơ vào tệp")
	assertContains(t, msg, "Lỗi")
}
