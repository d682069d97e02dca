package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/office"
	"motcua/internal/textvn"
)

// document is a PDF made in memory, ready to be seen, saved or printed.
// Nothing is written to disk until the clerk asks: a failed save or print
// loses nothing, the document is still there to try again.
type document struct {
	title string // what it is: "Giấy tiếp nhận hồ sơ 000.17.22.H56-261123-0001"
	file  string // the file name offered when saving: "giay-hen-….pdf"
	paper string // how it prints: "khổ A5, 2 liên"
	data  []byte
}

// makeDocument renders a PDF off the UI goroutine, then hands it to then on
// the UI goroutine. A render that takes a while shows a progress dialog
// with "Hủy"; an error (a form the dossier's history lacks, say) is shown
// in Vietnamese and then is not called.
func (e *env) makeDocument(title, file, paper string, render func(w io.Writer) error, then func(*document)) {
	e.makeDocumentCtx(title, file, paper, func(_ context.Context, w io.Writer) error { return render(w) }, then)
}

// makeDocumentCtx is makeDocument for a long render (a year's register
// book) that takes the task's context: "Hủy" stops it in its loop, and
// its progress fills the dialog's bar.
func (e *env) makeDocumentCtx(title, file, paper string, render func(ctx context.Context, w io.Writer) error, then func(*document)) {
	var buf bytes.Buffer
	e.longTask("Đang tạo tài liệu", "tạo "+lowerFirst(title), func(ctx context.Context) error { return render(ctx, &buf) },
		func(err error) {
			if office.Cancelled(err) {
				return
			}
			if err != nil {
				e.showError(err, nil)
				return
			}
			doc := &document{title: title, file: file, paper: paper, data: buf.Bytes()}
			e.lastDoc = doc
			then(doc)
		})
}

// offer shows the document with its three ways out: "In" (the printer),
// "Xem" (the PDF viewer) and "Lưu…" (a file the clerk names). With
// printNow it is sent to the printer at once, and the dialog says so.
// Enter prints (or, after printing, closes); Escape closes.
func (e *env) offer(doc *document, printNow bool) {
	head := widget.NewLabel(doc.title)
	head.TextStyle.Bold = true
	head.Wrapping = fyne.TextWrapWord
	status := widget.NewLabel("Tài liệu đã sẵn sàng (" + doc.paper + "). Bấm “In” để gửi tới máy in, “Xem” để đọc trước, “Lưu…” để lưu thành tệp PDF.")
	status.Wrapping = fyne.TextWrapWord

	var d *dialog.CustomDialog
	printBtn := newButton("In", theme.DocumentPrintIcon(), nil)
	viewBtn := newButton("Xem", theme.VisibilityIcon(), func() { e.viewDocument(doc, status) })
	saveBtn := newButton("Lưu…", theme.DocumentSaveIcon(), func() { e.saveDocument(doc, status) })
	// The usual save needs no dialog (Fyne's own speaks English: "Home",
	// "Overwrite?"): the PDF goes to the documents folder under its name,
	// never over another file.
	keepBtn := newButton("Lưu vào Tài liệu", theme.FolderIcon(), func() { e.keepDocument(doc, status) })
	closeBtn := newButton("Đóng", theme.CancelIcon(), func() { d.Hide() })
	printBtn.OnTapped = func() {
		printBtn.Disable()
		e.printDocument(doc, status, func() { printBtn.Enable() })
	}
	content := container.NewVBox(head, status)
	d = dialog.NewCustomWithoutButtons("Xem, lưu hoặc in", content, e.win)
	d.SetButtons([]fyne.CanvasObject{printBtn, viewBtn, keepBtn, saveBtn, closeBtn})
	d.Resize(fyne.NewSize(560, 0))
	onEnter := func() {
		if !printBtn.Disabled() {
			printBtn.OnTapped()
		}
	}
	if printNow {
		printBtn.SetText("In lại")
		closeBtn.Importance = widget.HighImportance
		onEnter = d.Hide
	} else {
		printBtn.Importance = widget.HighImportance
	}
	e.show(d, onEnter, d.Hide)
	if printNow {
		printBtn.OnTapped()
	}
}

// printResult says what "In" did: on Linux the file went to the printer;
// on Windows the viewer opened and the clerk prints from there.
func printResult(doc *document, printed bool) string {
	if printed {
		return "Đã gửi tới máy in (" + doc.paper + "). Lấy giấy ở máy in; nếu máy in kẹt giấy, gỡ giấy rồi bấm “In lại”."
	}
	return "Đã mở tài liệu trong chương trình xem PDF: bấm nút In (hoặc Ctrl+P) trong chương trình đó để in, " +
		"chọn đúng " + doc.paper + "."
}

// printDocument hands the document to the system's print path, off the UI
// goroutine; the dialog's status line tells what happened.
func (e *env) printDocument(doc *document, status *widget.Label, after func()) {
	status.SetText("Đang gửi tới máy in…")
	e.background(func() {
		path, err := e.tempFile(doc)
		printed := false
		if err == nil {
			printed, err = e.printFile(path)
		}
		e.do(func() {
			after()
			if err != nil {
				status.SetText("Chưa in được: chưa có gì được gửi tới máy in hay mở ra. Có thể bấm “Lưu…” để lưu thành tệp rồi in sau.")
				e.fileProblem("Chưa in được", fmt.Errorf("không in được %s: %w", lowerFirst(doc.title), err), path)
				return
			}
			status.SetText(printResult(doc, printed))
		})
	})
}

// viewDocument opens the document in the PDF viewer.
func (e *env) viewDocument(doc *document, status *widget.Label) {
	e.background(func() {
		path, err := e.tempFile(doc)
		if err == nil {
			err = e.openFile(path)
		}
		e.do(func() {
			if err != nil {
				status.SetText("Chưa mở được tài liệu trong chương trình xem PDF.")
				e.fileProblem("Chưa mở được tài liệu", fmt.Errorf("không mở được %s để xem: %w", lowerFirst(doc.title), err), path)
				return
			}
			status.SetText("Đã mở tài liệu trong chương trình xem PDF.")
		})
	})
}

// fileProblem says that the viewer or the printer failed and, when the
// PDF was written, where it is, with a button that opens its folder so the
// clerk can open or print the file by hand.
func (e *env) fileProblem(title string, err error, path string) {
	msg := capitalise(err.Error()) + "."
	if path == "" {
		msg += "\n\nBấm “Lưu…” để lưu tài liệu thành tệp rồi mở tệp đó."
		e.showError(errors.New(msg), nil)
		return
	}
	msg += "\n\nTài liệu đã được lưu ở:\n" + path + "\nBấm “Mở thư mục chứa tệp” rồi mở hoặc in tệp đó bằng chương trình khác."
	label := widget.NewLabel(msg)
	label.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	openDir := newButton("Mở thư mục chứa tệp", theme.FolderOpenIcon(), func() {
		d.Hide()
		dir := filepath.Dir(path)
		e.background(func() {
			err := e.openFile(dir)
			e.do(func() {
				if err != nil {
					e.showError(fmt.Errorf("không mở được thư mục %s: %w. Hãy mở thư mục đó bằng File Explorer", dir, err), nil)
				}
			})
		})
	})
	openDir.Importance = widget.HighImportance
	closeBtn := widget.NewButtonWithIcon("Đóng", theme.CancelIcon(), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(title, label, e.win)
	d.SetButtons([]fyne.CanvasObject{closeBtn, openDir})
	d.Resize(fyne.NewSize(560, 0))
	e.show(d, openDir.OnTapped, d.Hide)
}

// keepDocument writes the document into the documents folder (the
// print folder set in Cài đặt, else the user's Documents) under its own
// name, adding " (2)", " (3)"… rather than replacing a file, and says
// where, with a button to open the folder.
func (e *env) keepDocument(doc *document, status *widget.Label) {
	dir := e.app.Preferences().String(prefDocsDir)
	if dir == "" {
		dir = documentsDir()
	}
	if dir == "" {
		e.saveDocument(doc, status)
		return
	}
	e.background(func() {
		path, err := uniquePath(dir, doc.file)
		if err == nil {
			err = writeAtomically(path, doc.data)
		}
		e.do(func() {
			if err != nil {
				e.showError(fmt.Errorf("không lưu được tệp vào %s: %w. Bấm “Lưu…” để chọn thư mục khác", dir, err), nil)
				return
			}
			status.SetText("Đã lưu tệp " + path + ".")
			e.confirmAction("Đã lưu tài liệu", "Đã lưu "+lowerFirst(doc.title)+" vào:\n"+path, "Mở thư mục chứa tệp", func() {
				e.background(func() {
					if err := e.openFile(dir); err != nil {
						e.do(func() { e.showError(err, nil) })
					}
				})
			}, nil)
		})
	})
}

// uniquePath is dir/name, or dir/"name (2).pdf"… when that exists.
func uniquePath(dir, name string) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", friendlyFileError(err)
	}
	ext := filepath.Ext(name)
	base := strings.TrimSuffix(name, ext)
	path := filepath.Join(dir, name)
	for i := 2; ; i++ {
		if _, err := os.Stat(path); os.IsNotExist(err) {
			return path, nil
		}
		path = filepath.Join(dir, fmt.Sprintf("%s (%d)%s", base, i, ext))
	}
}

// saveDocument asks where to save, proposing the document's file name in
// the Documents folder, and writes it there whole or not at all.
func (e *env) saveDocument(doc *document, status *widget.Label) {
	e.askSave("Lưu tài liệu PDF", doc.file, documentsDir(), pdfFiles, func(path string) {
		e.background(func() {
			err := writeAtomically(path, doc.data)
			e.do(func() {
				if err != nil {
					e.showError(fmt.Errorf("không lưu được tệp %s: %w. Tài liệu vẫn còn, hãy chọn thư mục khác (ví dụ ổ đĩa D: hoặc USB) rồi lưu lại", path, err), nil)
					return
				}
				status.SetText("Đã lưu tệp " + path + ".")
			})
		})
	})
}

// documentsDir is the user's Documents folder when it exists.
func documentsDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	for _, name := range []string{"Documents", "Tài liệu"} {
		dir := filepath.Join(home, name)
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			return dir
		}
	}
	return ""
}

// writeAtomically writes data to path through a temporary file in the same
// folder, synced before it replaces path.
func writeAtomically(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*.tmp")
	if err != nil {
		return friendlyFileError(err)
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(0o644) // CreateTemp makes it private; a saved PDF is not
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = renameOver(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return friendlyFileError(err)
	}
	return nil
}

// renameOver renames, retrying briefly on Windows where the save dialog's
// handle may be released a moment after Close.
func renameOver(from, to string) error {
	err := os.Rename(from, to)
	for i := 0; err != nil && runtime.GOOS == "windows" && i < 10; i++ {
		time.Sleep(50 * time.Millisecond)
		err = os.Rename(from, to)
	}
	return err
}

// friendlyFileError names the usual causes in Vietnamese.
func friendlyFileError(err error) error {
	switch {
	case errors.Is(err, os.ErrPermission):
		return fmt.Errorf("không có quyền ghi vào thư mục này (%v)", err)
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("thư mục không còn tồn tại (%v)", err)
	case strings.Contains(strings.ToLower(err.Error()), "no space"), strings.Contains(strings.ToLower(err.Error()), "not enough space"):
		return fmt.Errorf("ổ đĩa đã đầy (%v)", err)
	}
	return err
}

// tempFile writes the document under the temporary folder for the viewer
// or the printer, with a name of its own: a viewer may still hold the last
// one open. Files older than a week are removed once per session.
func (e *env) tempFile(doc *document) (string, error) {
	dir := e.tempDir
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			base = os.TempDir()
		}
		dir = filepath.Join(base, "MotCuaThanThien", "tai-lieu-in")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", friendlyFileError(err)
	}
	e.cleanOld.Do(func() { removeOld(dir, 7*24*time.Hour) })
	f, err := os.CreateTemp(dir, strings.TrimSuffix(doc.file, ".pdf")+"-*.pdf")
	if err != nil {
		return "", friendlyFileError(err)
	}
	_, err = f.Write(doc.data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", friendlyFileError(err)
	}
	return f.Name(), nil
}

// removeOld deletes the PDFs in dir older than age.
func removeOld(dir string, age time.Duration) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, en := range entries {
		if fi, err := en.Info(); err == nil && !en.IsDir() && strings.HasSuffix(en.Name(), ".pdf") && time.Since(fi.ModTime()) > age {
			os.Remove(filepath.Join(dir, en.Name()))
		}
	}
}

// slug turns a name into a file-name part without accents or spaces:
// "Nguyễn Thị Lan" → "nguyen-thi-lan".
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range textvn.Fold(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// lowerFirst lower-cases the first letter, to put a title in a sentence.
func lowerFirst(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}
