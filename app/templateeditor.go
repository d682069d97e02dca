package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/letters"
)

// openTemplateEditor lets the chair change a kind's wording: a text box,
// the merge fields it may use, "Lưu mẫu" (refused, naming the field, for a
// field that does not exist) and "Khôi phục mẫu mặc định". What is typed
// for each kind survives switching kinds and errors.
func openTemplateEditor(e *env, start letters.Kind) *templateEditor {
	te := &templateEditor{e: e, edits: map[letters.Kind]string{}}
	if start == "" {
		start = letters.Kinds()[0]
	}
	te.kind = start
	te.kindSel = widget.NewSelect(letterKindNames(), nil)
	te.text = widget.NewMultiLineEntry()
	te.text.Wrapping = fyne.TextWrapWord
	te.text.SetMinRowsVisible(14)
	te.text.OnChanged = func(s string) {
		if !te.loading {
			te.edits[te.kind] = s
		}
	}
	te.status = dimLabel("")

	var help strings.Builder
	for _, f := range letters.Fields() {
		help.WriteString("{" + f.Name + "}  " + f.Meaning + "\n")
	}
	// At the body's size: the chair reads the names to type them.
	helpText := widget.NewLabel(strings.TrimSpace(help.String()))
	helpText.Wrapping = fyne.TextWrapWord
	rules := widget.NewLabel("Mỗi đoạn cách nhau một dòng trống. Tên trường đặt trong ngoặc nhọn; viết hoa chữ đầu ({Co_quan}) để in hoa chữ đầu. Phần tiêu đề, “Kính gửi”, chữ ký và nơi nhận do phần mềm tự in.")
	rules.Wrapping = fyne.TextWrapWord
	rules.SizeName = theme.SizeNameCaptionText

	te.save = widget.NewButtonWithIcon("Lưu mẫu", theme.DocumentSaveIcon(), te.doSave)
	te.save.Importance = widget.HighImportance
	te.restore = widget.NewButtonWithIcon("Khôi phục mẫu mặc định", theme.ContentUndoIcon(), te.doRestore)
	closeBtn := widget.NewButtonWithIcon("Đóng", theme.CancelIcon(), nil)

	left := container.NewBorder(
		container.New(layout.NewFormLayout(), fieldLabel("Loại thư"), te.kindSel), te.status, nil, nil, te.text)
	right := container.NewBorder(heading("Trường dùng được"), nil, nil, nil,
		container.NewVScroll(container.NewVBox(helpText, widget.NewSeparator(), rules)))
	split := container.NewHSplit(left, right)
	split.SetOffset(0.55)

	d := dialog.NewCustomWithoutButtons("Mẫu thư", split, e.win)
	d.SetButtons([]fyne.CanvasObject{te.save, te.restore, closeBtn})
	closeBtn.OnTapped = te.close
	size := e.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(960, size.Width-40), min(600, size.Height-40)))
	te.d = d
	te.kindSel.SetSelected(start.Name())
	te.kindSel.OnChanged = func(name string) {
		if k := letterKindByName(name); k != "" && k != te.kind {
			te.kind = k
			te.load()
		}
	}
	e.show(d, nil, te.close)
	te.load()
	return te
}

// close closes the editor, asking first when a wording was changed and not
// saved.
func (te *templateEditor) close() {
	if len(te.edits) == 0 {
		te.d.Hide()
		return
	}
	var names []string
	for _, k := range letters.Kinds() {
		if _, ok := te.edits[k]; ok {
			names = append(names, strings.ToLower(k.Name()))
		}
	}
	te.e.confirm("Đóng mà không lưu?",
		"Mẫu "+strings.Join(names, ", ")+" đã sửa nhưng chưa lưu. Đóng thì các thay đổi này mất. Vẫn đóng?",
		func(yes bool) {
			if yes {
				te.d.Hide()
			}
		})
}

// templateEditor is the "Mẫu thư" dialog.
type templateEditor struct {
	e       *env
	d       dialog.Dialog
	kind    letters.Kind
	edits   map[letters.Kind]string // typed and not yet saved, by kind
	loading bool

	kindSel       *widget.Select
	text          *widget.Entry
	status        *widget.Label
	save, restore *widget.Button
}

// load shows the kind's wording: what was typed and not saved, else the
// wording in force.
func (te *templateEditor) load() {
	kind := te.kind
	if s, ok := te.edits[kind]; ok {
		te.setText(s)
		te.status.SetText("Chưa lưu các thay đổi của mẫu " + strings.ToLower(kind.Name()) + ".")
		return
	}
	te.status.SetText("")
	te.e.background(func() {
		src, err := te.e.off.LetterTemplate(te.e.ctx, kind)
		te.e.do(func() {
			if te.kind != kind {
				return
			}
			if err != nil {
				te.e.showError(err, nil)
				return
			}
			te.setText(strings.TrimSpace(src))
		})
	})
}

func (te *templateEditor) setText(s string) {
	te.loading = true
	te.text.SetText(s)
	te.loading = false
}

// doSave saves the wording; the office refuses an unknown field by name,
// and the text stays as typed.
func (te *templateEditor) doSave() {
	kind, src := te.kind, te.text.Text
	te.save.Disable()
	te.e.background(func() {
		err := te.e.off.SetLetterTemplate(te.e.ctx, kind, src)
		te.e.do(func() {
			te.save.Enable()
			if err != nil {
				te.e.showError(err, nil)
				return
			}
			delete(te.edits, kind)
			if te.kind == kind {
				te.status.SetText("Đã lưu mẫu " + strings.ToLower(kind.Name()) + ". Thư soạn từ nay và thư đang chờ duyệt dùng mẫu này.")
			}
		})
	})
}

// doRestore puts back the shipped wording, after asking.
func (te *templateEditor) doRestore() {
	kind := te.kind
	te.e.confirm("Khôi phục mẫu mặc định",
		"Bỏ mẫu "+strings.ToLower(kind.Name())+" của xã và dùng lại mẫu có sẵn của phần mềm?",
		func(yes bool) {
			if !yes {
				return
			}
			te.e.background(func() {
				err := te.e.off.SetLetterTemplate(te.e.ctx, kind, "")
				te.e.do(func() {
					if err != nil {
						te.e.showError(err, nil)
						return
					}
					delete(te.edits, kind)
					if te.kind == kind {
						te.load()
						te.status.SetText("Đã khôi phục mẫu " + strings.ToLower(kind.Name()) + " mặc định.")
					}
				})
			})
		})
}
