package app

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/office"
)

// wizard is the first start on an empty register: the commune's profile
// and form set, then practice on a demo register or the real register.
type wizard struct {
	e *env

	// formEntry: Tab leaves the field, F1 shows the wizard's guide.
	commune, agency, chair, phone, upper, clerk *formEntry
	province, address, viceChairs               *formEntry
	open, closeAt                               *formEntry
	chairTitle                                  *widget.Select
	formSet                                     *widget.RadioGroup
	demo, real                                  *keyButton
	d                                           *dialog.CustomDialog
	admin                                       *adminStep // the step after the profile (firstadmin.go)

	// openDemo switches the window to the demo register (set by Run;
	// tests record it).
	openDemo func()
}

// demoDossiers is how many dossiers the demo register starts with.
const demoDossiers = 3000

func newWizard(e *env, openDemo func()) *wizard {
	w := &wizard{e: e, openDemo: openDemo}
	entry := func(ph string) *formEntry {
		en := newFormEntry()
		en.SetPlaceHolder(ph)
		return en
	}
	w.commune = entry("Ví dụ: Đông Văn")
	w.agency = entry("Ví dụ: 000.17.22.H56 (mã định danh của UBND xã)")
	w.province = entry("Ví dụ: Thanh Hóa")
	w.address = entry("Địa chỉ trụ sở UBND xã")
	w.chair = entry("Họ tên Chủ tịch UBND xã")
	w.viceChairs = entry("Họ tên các Phó Chủ tịch, cách nhau bằng dấu ;")
	w.chairTitle = widget.NewSelect([]string{"Chủ tịch", "Phó Chủ tịch"}, nil)
	w.chairTitle.SetSelected("Chủ tịch")
	w.phone = entry("Số điện thoại đường dây nóng")
	w.upper = entry("Ví dụ: Văn phòng UBND tỉnh")
	w.clerk = entry("Họ tên cán bộ tiếp nhận dùng máy này")
	w.open = entry("07:00")
	w.open.SetText("07:00")
	w.closeAt = entry("17:00")
	w.closeAt.SetText("17:00")
	w.formSet = widget.NewRadioGroup([]string{office.FormSet2025, office.FormSet2018}, nil)
	w.formSet.Horizontal = true
	w.formSet.Required = true
	w.formSet.SetSelected(office.FormSet2025)

	intro := widget.NewLabel("Chào mừng! Sổ theo dõi hồ sơ còn trống. Hãy điền thông tin của xã: các thông tin này in trên giấy tiếp nhận, phiếu và thư, và tạo mã hồ sơ. Có thể sửa lại bất cứ lúc nào trong mục Cài đặt.")
	intro.Wrapping = fyne.TextWrapWord
	form := container.New(layout.NewFormLayout(),
		fieldLabel("Tên xã *"), w.commune,
		fieldLabel("Mã cơ quan *"), w.agency,
		fieldLabel("Tỉnh, thành phố"), w.province,
		fieldLabel("Địa chỉ trụ sở"), w.address,
		fieldLabel("Người ký *"), container.NewBorder(nil, nil, nil, w.chairTitle, w.chair),
		fieldLabel("Phó Chủ tịch"), w.viceChairs,
		fieldLabel("Cán bộ tiếp nhận"), w.clerk,
		fieldLabel("Điện thoại"), w.phone,
		fieldLabel("Giờ làm việc"), container.NewHBox(
			container.NewGridWrap(fyne.NewSize(90, w.open.MinSize().Height), w.open), widget.NewLabel("đến"),
			container.NewGridWrap(fyne.NewSize(90, w.closeAt.MinSize().Height), w.closeAt)),
		fieldLabel("Cấp trên nhận báo cáo"), w.upper,
		fieldLabel("Bộ biểu mẫu"), w.formSet,
	)
	practice := widget.NewLabel("Muốn tập trước? “Dùng dữ liệu mẫu để tập” mở một sổ riêng có sẵn hồ sơ mẫu, ghi rõ DỮ LIỆU MẪU trên mọi màn hình, không lẫn vào sổ thật.")
	practice.Wrapping = fyne.TextWrapWord
	practice.SizeName = theme.SizeNameCaptionText

	w.demo = newButton("Dùng dữ liệu mẫu để tập", theme.MediaPlayIcon(), w.useDemo)
	w.real = newButton("Bắt đầu sổ thật", theme.ConfirmIcon(), w.startReal)
	w.real.Importance = widget.HighImportance
	w.d = dialog.NewCustomWithoutButtons("Bắt đầu sử dụng Một Cửa Thân Thiện",
		container.NewVBox(intro, form, practice), e.win)
	w.d.SetButtons([]fyne.CanvasObject{w.demo, w.real})
	return w
}

// show opens the wizard; Enter starts the real register, Escape does
// nothing (the profile is needed either way).
func (w *wizard) show() {
	w.e.showTopic(topicFirstStart, w.d, w.startReal, nil)
	// Only a shown dialog can be resized (Fyne 2.8 panics before).
	size := w.e.win.Canvas().Size()
	w.d.Resize(fyne.NewSize(min(720, max(size.Width-20, 320)), 0))
	w.e.win.Canvas().Focus(w.commune)
}

// values are the settings the wizard's fields give.
func (w *wizard) values() map[string]string {
	v := map[string]string{}
	set := func(k, s string) {
		if s = strings.TrimSpace(s); s != "" {
			v[k] = s
		}
	}
	if name := strings.TrimSpace(w.commune.Text); name != "" {
		name = strings.TrimPrefix(strings.TrimPrefix(name, "xã "), "Xã ")
		v["commune"] = "Ủy ban nhân dân xã " + name
		v["place_name"] = name
		v["counter_name"] = "Trung tâm Phục vụ hành chính công xã " + name
	}
	set("agency_code", w.agency.Text)
	set("province", w.province.Text)
	set("address", w.address.Text)
	set("chair_name", w.chair.Text)
	set("vice_chairs", w.viceChairs.Text)
	set("chair_title", w.chairTitle.Selected)
	if w.chairTitle.Selected == "Phó Chủ tịch" {
		v["sign_as"] = "KT"
	}
	set("phone", w.phone.Text)
	set("upper_level", w.upper.Text)
	set("clerk_name", w.clerk.Text)
	set("hours.open", w.open.Text)
	set("hours.close", w.closeAt.Text)
	set("form_set", w.formSet.Selected)
	return v
}

// startReal saves the profile and opens the real register; an error
// (a wrong code or hour) keeps the wizard as typed, and a missing
// required field is named.
func (w *wizard) startReal() {
	values := w.values()
	w.d.Hide()
	w.e.background(func() {
		err := w.e.off.SetSettings(w.e.ctx, values)
		if err == nil {
			err = w.e.off.CheckProfile(w.e.ctx)
		}
		// Then the first administrator, on a register without passwords.
		need := false
		if err == nil {
			need, _ = w.e.off.NeedsFirstAdministrator(w.e.ctx)
		}
		w.e.do(func() {
			if err != nil {
				w.e.showError(err, w.show)
				return
			}
			if w.e.settingsChanged != nil {
				w.e.settingsChanged()
			}
			if need {
				w.admin = newAdminStep(w.e, w.clerk.Text)
				w.admin.show()
				return
			}
			w.e.info("Đã sẵn sàng", "Thông tin của xã đã được lưu. Bấm “Tiếp nhận” (Ctrl+N) để nhận hồ sơ đầu tiên.")
		})
	})
}

// useDemo keeps what was typed (where it is valid) and opens the demo
// register.
func (w *wizard) useDemo() {
	values := w.values()
	w.d.Hide()
	w.e.background(func() {
		if len(values) > 0 {
			_ = w.e.off.SetSettings(w.e.ctx, values) // a wrong value waits for the real start
		}
		w.e.do(func() {
			if w.openDemo != nil {
				w.openDemo()
			}
		})
	})
}

// prepareDemo fills a demo register that is still empty: the demo
// commune, a few thousand dossiers, and today's pressing work. It runs off
// the UI goroutine.
func prepareDemo(ctx context.Context, o *office.Office) error {
	n, err := o.Count(ctx, office.Filter{})
	if err != nil || n > 0 {
		return err
	}
	if err := o.FillDemoProfile(ctx); err != nil {
		return err
	}
	if _, err := o.Seed(ctx, office.SeedOptions{Dossiers: demoDossiers, Seed: 1}); err != nil {
		return err
	}
	return o.SeedToday(ctx, 1)
}

// demoBanner marks every screen of a demo register.
func demoBanner() fyne.CanvasObject {
	bg := canvas.NewRectangle(withAlpha(theme.Color(theme.ColorNameWarning), 0xd0))
	text := canvas.NewText("DỮ LIỆU MẪU – chỉ để tập, không phải sổ theo dõi thật của xã", theme.Color(theme.ColorNameForeground))
	text.TextStyle.Bold = true
	text.Alignment = fyne.TextAlignCenter
	return container.NewStack(bg, container.NewPadded(text))
}

// profileCheck tells reception what the profile lacks: nil when complete.
func (e *env) profileCheck() error {
	err := e.off.CheckProfile(e.ctx)
	if errors.Is(err, office.ErrProfileIncomplete) {
		return err
	}
	return nil // a read error is not a reason to stop the counter
}
