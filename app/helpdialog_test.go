package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// pressF1 types F1 where the focus is, as the window delivers it: to the
// focused widget, else to the window.
func (f *fixture) pressF1() {
	f.t.Helper()
	k := &fyne.KeyEvent{Name: fyne.KeyF1}
	if w := f.win.Canvas().Focused(); w != nil {
		w.TypedKey(k)
		return
	}
	f.win.Canvas().OnTypedKey()(k)
}

// F1 inside a dialog shows that dialog's guide (its own, or the screen's),
// from a focused field or button too; Escape returns to the dialog and to
// the field being typed; F1 again in the guide opens no second one.
func TestF1WorksInsideDialogs(t *testing.T) {
	f := newFixture(t, monday0740)
	f.receive("Giàng A Páo", "khai-sinh", monday0740)
	p := f.selectDossier(0)
	p.doApologise()
	f.wait()
	form := f.overlay()
	field := f.win.Canvas().Focused()
	if _, ok := field.(*formEntry); !ok {
		t.Fatalf("the apology's first field has no focus (%T)", field)
	}
	f.pressF1()
	msg := f.dialogText()
	assertContains(t, msg, "Hướng dẫn: Xử lý hồ sơ")
	assertContains(t, msg, "hẹn lại một lần")
	assertContains(t, msg, "1 ngày trước ngày hẹn trả")
	guide := f.overlay()
	f.pressF1() // no second guide over the first
	if f.overlay() != guide {
		t.Fatal("F1 in the guide opened another dialog")
	}
	f.shell.env.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if f.overlay() != form {
		t.Fatal("Escape did not return to the apology")
	}
	if f.win.Canvas().Focused() != field {
		t.Error("the focus did not return to the field being typed")
	}

	// In the register's list, F1 is the register's guide.
	f.shell.env.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	f.shell.register.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF1})
	assertContains(t, f.dialogText(), "Hướng dẫn: Sổ theo dõi")
	assertContains(t, f.dialogText(), "Đến ngày")
	f.shell.env.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})

	// A dialog without a guide of its own shows the screen's, from its
	// focused button.
	f.shell.env.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	f.shell.env.confirmAction("Đã lưu tài liệu", "Đã lưu giấy tiếp nhận.", "Mở thư mục chứa tệp", func() {}, nil)
	btn := newButton("Đóng", theme.CancelIcon(), nil)
	btn.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF1})
	assertContains(t, f.dialogText(), "Hướng dẫn: Sổ theo dõi")
}

// The first start's wizard has its own guide; every guide is shipped.
func TestF1InTheWizardAndEveryGuideShipped(t *testing.T) {
	f := newFixtureAt(t, monday0740, "/tmp/motcua.db", false)
	w := newWizard(f.shell.env, nil)
	w.show()
	if f.win.Canvas().Focused() != w.commune {
		t.Fatal("the wizard's first field has no focus")
	}
	f.pressF1()
	msg := f.dialogText()
	assertContains(t, msg, "Hướng dẫn: Bắt đầu sử dụng")
	assertContains(t, msg, "Bỏ qua")
	for topic, title := range topicTitles {
		text, ok := topicText(topic)
		if !ok || len(text) < 200 || title == "" {
			t.Errorf("%s: guide %q", topic, text)
		}
	}
}
