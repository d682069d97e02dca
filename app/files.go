package app

import (
	"io"
	"os"

	"motcua/app/filedialog"
)

// The file types the window asks for. Every question for a file or a
// folder goes through package filedialog: Windows' own dialog, the
// desktop's on Linux, else a Vietnamese one (never Fyne's, which says
// "Home", "Computer" and "Overwrite?" in English).
var (
	pdfFiles  = filedialog.Filter{Name: "Tài liệu PDF (*.pdf)", Exts: []string{".pdf"}}
	xlsxFiles = filedialog.Filter{Name: "Bảng tính Excel (*.xlsx)", Exts: []string{".xlsx"}}
	zipFiles  = filedialog.Filter{Name: "Gói dữ liệu (*.zip)", Exts: []string{".zip"}}
	scanFiles = filedialog.Filter{Name: "Bản quét (*.pdf, *.jpg, *.png)", Exts: []string{".pdf", ".jpg", ".jpeg", ".png"}}
	allFiles  = filedialog.Filter{Name: "Mọi tệp"}
)

// askSave asks where to save a file of type f, proposing name in folder
// ("" for the documents folder); then gets the path, and is not called
// when the clerk cancels.
func (e *env) askSave(title, name, folder string, f filedialog.Filter, then func(path string)) {
	filedialog.Save(e.win, filedialog.Options{Title: title, Name: name, Folder: folder, Filters: []filedialog.Filter{f, allFiles}, Present: e.show},
		func(path string) {
			if path != "" {
				then(path)
			}
		})
}

// askOpen asks for an existing file of type f.
func (e *env) askOpen(title string, f filedialog.Filter, then func(path string)) {
	filedialog.Open(e.win, filedialog.Options{Title: title, Filters: []filedialog.Filter{f, allFiles}, Present: e.show},
		func(path string) {
			if path != "" {
				then(path)
			}
		})
}

// askFolder asks for a folder (a USB stick).
func (e *env) askFolder(title string, then func(path string)) {
	filedialog.Folder(e.win, filedialog.Options{Title: title, Present: e.show}, func(path string) {
		if path != "" {
			then(path)
		}
	})
}

// readLimited reads at most n bytes of the file at path (a scan larger
// than the limit is refused by the office, which sees n bytes).
func readLimited(path string, n int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, n))
}
