package app

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/office"
)

// "Hủy" in a long task's dialog cancels the task's context: the render
// stops (it waits for exactly that here), no document is offered, and the
// clerk reads that it was cancelled.
func TestCancelStopsALongDocument(t *testing.T) {
	f := newFixture(t, monday0740)
	old := longTaskDelay
	longTaskDelay = 0
	t.Cleanup(func() { longTaskDelay = old })
	e := f.shell.env

	started := make(chan struct{})
	stoppedBy := make(chan error, 1)
	offered := false
	e.lastDoc = nil
	e.makeDocumentCtx("Sổ theo dõi hồ sơ năm 2026", "so.pdf", "khổ A4 nằm ngang",
		func(ctx context.Context, w io.Writer) error {
			close(started)
			<-ctx.Done() // a render that would run for minutes
			stoppedBy <- ctx.Err()
			return ctx.Err()
		},
		func(*document) { offered = true })
	<-started
	// The progress dialog comes up (the delay is 0 here) and says what runs.
	for i := 0; i < 500 && (f.overlay() == nil || !strings.Contains(texts(f.overlay()), "Hủy")); i++ {
		runQueuedUI(e)
		time.Sleep(10 * time.Millisecond)
	}
	if got := f.dialogText(); !strings.Contains(got, "Đang tạo sổ theo dõi hồ sơ năm 2026") {
		t.Fatalf("progress dialog says %q", got)
	}
	f.tapDialog("Hủy")
	if err := <-stoppedBy; !office.Cancelled(err) {
		t.Fatalf("the render's context ended with %v", err)
	}
	f.wait()
	if offered || e.lastDoc != nil {
		t.Error("a cancelled document was offered")
	}
	if got := f.dialogText(); !strings.Contains(got, "Đã hủy tạo sổ theo dõi hồ sơ năm 2026") {
		t.Errorf("after the cancel the clerk reads %q", got)
	}
}

// The report's workbook is saved through the Vietnamese file dialog (no
// native one in a test window), written whole under the chosen name.
func TestReportWorkbookSavesThroughTheFileDialog(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	docs := filepath.Join(home, "Documents")
	os.Mkdir(docs, 0o755)
	f, r := reportFixture(t)
	r.saveXLSX()
	got := f.dialogText()
	for _, want := range []string{"Lưu báo cáo dạng Excel", "Thư mục: ", "Tài liệu", "Tên tệp:", "Bảng tính Excel (*.xlsx)", "Lưu", "Hủy"} {
		if !strings.Contains(got, want) {
			t.Errorf("the save dialog lacks %q: %s", want, got)
		}
	}
	var name *widget.Entry
	for _, o := range visibleObjects(f.overlay()) {
		if en, ok := o.(*widget.Entry); ok && en.Text == r.fileBase()+".xlsx" {
			name = en
		}
	}
	if name == nil {
		t.Fatalf("the dialog does not propose %s.xlsx", r.fileBase())
	}
	name.SetText("bao cao thang")
	f.tapDialog("Lưu")
	f.wait()
	path := filepath.Join(docs, "bao cao thang.xlsx")
	data, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(data, []byte("PK")) {
		t.Fatalf("no workbook at %s: %v", path, err)
	}
	if !strings.Contains(texts(r.content), "Đã lưu tệp "+path) {
		t.Errorf("status: %s", texts(r.content))
	}
	es, _ := os.ReadDir(docs)
	if len(es) != 1 {
		t.Errorf("the folder holds %d files, want only the workbook (no temporary file)", len(es))
	}
}

// runQueuedUI runs what background work handed to the UI goroutine so far,
// without waiting for the work itself (env.wait would, and the task here
// runs until it is cancelled).
func runQueuedUI(e *env) {
	e.qmu.Lock()
	q := e.queue
	e.queue = nil
	e.qmu.Unlock()
	for _, f := range q {
		e.uiMu.Lock()
		f()
		e.uiMu.Unlock()
	}
}

// The file dialog answers the window's Enter and Escape like every dialog:
// Escape cancels it.
func TestFileDialogEscapeCancels(t *testing.T) {
	t.Setenv("HOME", t.TempDir())
	f := newFixture(t, monday0740)
	called := false
	f.shell.env.askSave("Lưu tài liệu PDF", "a.pdf", "", pdfFiles, func(string) { called = true })
	if f.overlay() == nil {
		t.Fatal("no dialog")
	}
	f.win.Canvas().Unfocus()
	f.shell.env.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if f.overlay() != nil || called {
		t.Errorf("Escape left the dialog (%v) or answered (%v)", f.overlay() != nil, called)
	}
}

// The bar fills from what the task reports: a share when it knows its
// total, a count of records when it cannot.
func TestProgressDialogShowsTheTasksProgress(t *testing.T) {
	f := newFixture(t, monday0740)
	e := f.shell.env
	tv := &taskView{do: func(fn func()) { fn() }}
	tv.show(e, "Đang tạo tài liệu", "tạo sổ theo dõi hồ sơ năm 2026", func() {})
	tv.progress(300, 1200)
	if tv.bar.Value != 0.25 || !tv.bar.Visible() || tv.moving.Visible() {
		t.Errorf("bar %v (shown %v, moving %v)", tv.bar.Value, tv.bar.Visible(), tv.moving.Visible())
	}
	assertContains(t, f.dialogText(), "Đã xong 25%.")
	tv.hide()

	tv = &taskView{do: func(fn func()) { fn() }}
	tv.show(e, "Đang xuất gói dữ liệu", "xuất gói dữ liệu", func() {})
	tv.progress(1500, 0)
	assertContains(t, f.dialogText(), "Đã ghi 1.500 bản ghi.")
	if tv.bar.Visible() || !tv.moving.Visible() {
		t.Error("a task without a total shows a filling bar")
	}
	tv.hide()
}
