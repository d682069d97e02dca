//go:build windows

package filedialog

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNativeDialogs opens Windows' own dialogs for real. It runs only with
// MOTCUA_WINE_DIALOG=1, under Wine and Xvfb, with xdotool pressing the keys
// (scripts/wine-filedialog.sh): Enter in the save dialog, Enter in the
// folder picker, Escape in the open dialog.
func TestNativeDialogs(t *testing.T) {
	if os.Getenv("MOTCUA_WINE_DIALOG") == "" {
		t.Skip("needs a display and someone to press the keys: scripts/wine-filedialog.sh")
	}
	// Not t.TempDir: under Wine the folder picker keeps the folder busy
	// and its removal fails the test.
	dir, err := os.MkdirTemp("", "motcua-dialog-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	xlsx := []Filter{{Name: "Bảng tính Excel (*.xlsx)", Exts: []string{".xlsx"}}}
	got, err := native(uintptr(0), SaveFile, Options{Title: "Lưu báo cáo MOTCUA-SAVE", Name: "báo cáo", Folder: dir, Filters: xlsx})
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "báo cáo.xlsx"); !strings.EqualFold(got, want) {
		t.Errorf("save: %q, want %q", got, want)
	}
	got, err = native(uintptr(0), OpenFolder, Options{Title: "Chọn thư mục MOTCUA-FOLDER", Folder: dir})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.EqualFold(filepath.Clean(got), filepath.Clean(dir)) {
		t.Errorf("folder: %q, want %q", got, dir)
	}
	got, err = native(uintptr(0), OpenFile, Options{Title: "Mở gói MOTCUA-OPEN", Folder: dir, Filters: xlsx})
	if err != nil || got != "" {
		t.Errorf("a cancelled open gave %q, %v", got, err)
	}
}
