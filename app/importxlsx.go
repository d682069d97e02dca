package app

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/office"
)

// importWizard takes the clerk through importing the Excel register kept
// so far: pick the file, see how its columns were understood (and correct
// them), see what will be imported and which lines cannot be, then import
// in one go or cancel. Reading and checking run off the UI goroutine.
type importWizard struct {
	e      *env
	name   string
	data   []byte
	plan   *office.ImportPlan
	dlg    dialog.Dialog
	mapIn  *widget.Entry
	info   *widget.Label
	probs  *widget.Label
	doIt   *widget.Button
	onDone func(imported int)
}

func (e *env) startImport(onDone func(int)) {
	e.askOpen("Chọn sổ theo dõi hồ sơ dạng Excel", xlsxFiles, func(path string) {
		name := filepath.Base(path)
		e.background(func() {
			data, err := os.ReadFile(path)
			e.do(func() {
				if err != nil {
					e.showError(fmt.Errorf("không đọc được tệp %s: %w", name, err), nil)
					return
				}
				w := &importWizard{e: e, name: name, data: data, onDone: onDone}
				w.check("")
			})
		})
	})
}

// check reads and checks the file with the column mapping given ("" to
// guess), then shows or refreshes the preview.
func (w *importWizard) check(mapSpec string) {
	e := w.e
	var plan *office.ImportPlan
	e.longTask("Đang đọc sổ Excel", "đọc và kiểm tra tệp "+w.name, func(ctx context.Context) (err error) {
		plan, err = e.off.PlanImport(ctx, bytes.NewReader(w.data), w.name, office.ImportOptions{Map: mapSpec})
		return err
	}, func(err error) {
		if office.Cancelled(err) {
			return
		}
		if err != nil {
			e.showError(err, nil)
			return
		}
		w.plan = plan
		w.show()
	})
}

func (w *importWizard) show() {
	p := w.plan
	text := fmt.Sprintf("Tệp %s, trang %s: dòng tiêu đề %d, %d dòng dữ liệu.\nNhập được %d hồ sơ; đã có trong sổ (bỏ qua) %d; dòng lỗi %d.",
		p.File, p.Sheet, p.HeaderRow, p.Rows, len(p.Ready), len(p.Duplicates), len(p.Problems))
	for _, np := range p.NewProcedures {
		text += fmt.Sprintf("\nThủ tục chưa có trong danh mục sẽ được tạo: %s, thời hạn %s (suy ra từ ngày hẹn trong sổ).", np.Name, np.Limit.Vietnamese())
	}
	var probs []string
	for i, pr := range p.Problems {
		if i == 200 {
			probs = append(probs, fmt.Sprintf("… và %d dòng nữa", len(p.Problems)-200))
			break
		}
		probs = append(probs, fmt.Sprintf("Dòng %d: %s", pr.Line, pr.Reason))
	}
	if w.dlg != nil {
		w.info.SetText(text)
		w.probs.SetText(strings.Join(probs, "\n"))
		w.mapIn.SetText(p.Mapping)
		w.setButton()
		return
	}
	w.info = widget.NewLabel(text)
	w.info.Wrapping = fyne.TextWrapWord
	w.probs = widget.NewLabel(strings.Join(probs, "\n"))
	w.probs.Wrapping = fyne.TextWrapWord
	w.mapIn = widget.NewEntry()
	w.mapIn.SetText(p.Mapping)
	again := widget.NewButton("Kiểm tra lại với các cột này", func() { w.check(w.mapIn.Text) })
	help := widget.NewLabel("Cột của từng trường (chữ cái của cột Excel): code = mã hồ sơ, procedure = tên thủ tục, applicant = tên cá nhân, tổ chức, address, phone, received = ngày nhận, due = ngày hẹn trả, returned = ngày trả, note = ghi chú.")
	help.Wrapping = fyne.TextWrapWord
	w.doIt = widget.NewButton("", w.apply)
	w.doIt.Importance = widget.HighImportance
	cancel := widget.NewButton("Hủy", func() { w.dlg.Hide() })
	w.setButton()
	head := container.NewVBox(w.info, help, container.NewBorder(nil, nil, nil, again, w.mapIn), boldLabel("Dòng không nhập được:"))
	body := container.NewBorder(head, container.NewHBox(layoutSpacer(), cancel, w.doIt), nil, nil, container.NewVScroll(w.probs))
	w.dlg = dialog.NewCustomWithoutButtons("Nhập sổ theo dõi hồ sơ từ Excel", body, w.e.win)
	size := w.e.win.Canvas().Size()
	w.dlg.Resize(fyne.NewSize(min(860, size.Width-40), min(600, size.Height-40)))
	w.dlg.Show()
}

func (w *importWizard) setButton() {
	n := len(w.plan.Ready)
	w.doIt.SetText(fmt.Sprintf("Nhập %d hồ sơ", n))
	if n == 0 {
		w.doIt.Disable()
	} else {
		w.doIt.Enable()
	}
}

func (w *importWizard) apply() {
	e, plan := w.e, w.plan
	w.doIt.Disable()
	w.info.SetText("Đang nhập " + fmt.Sprint(len(plan.Ready)) + " hồ sơ…")
	var res office.XLSXImportResult
	e.longTask("Đang nhập sổ Excel", "nhập "+fmt.Sprint(len(plan.Ready))+" hồ sơ từ tệp "+plan.File, func(ctx context.Context) (err error) {
		res, err = e.off.ApplyImport(ctx, plan)
		return err
	}, func(err error) {
		w.dlg.Hide()
		if office.Cancelled(err) {
			return // nothing entered the register: the import is one transaction
		}
		if err != nil {
			e.showError(fmt.Errorf("chưa nhập hồ sơ nào: %w", err), nil)
			return
		}
		msg := fmt.Sprintf("Đã nhập %d hồ sơ vào sổ theo dõi.", res.Imported)
		if res.NewProcedures > 0 {
			msg += fmt.Sprintf(" Đã tạo %d thủ tục mới: hãy kiểm tra thời hạn của chúng trong danh mục.", res.NewProcedures)
		}
		e.info("Nhập sổ Excel", msg)
		if e.changed != nil {
			e.changed()
		}
		if w.onDone != nil {
			w.onDone(res.Imported)
		}
	})
}
