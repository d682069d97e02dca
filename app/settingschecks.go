package app

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/docs"
	"motcua/internal/office"
	"motcua/internal/people"
	"motcua/internal/register"
	"motcua/internal/store"
)

// What an administrator checks from the settings screen: the database the
// window works on (and any other, with "Kiểm tra kết nối"), the years whose
// holidays are still the program's guess, and the procedure limits that wait
// for a comparison with the province's published list. The office decides;
// this only shows and asks.
type settingsChecks struct {
	e *env

	dbAddr   *widget.Entry
	dbCheck  *widget.Button
	dbSave   *widget.Button // "Dùng cho quầy này": the desk opens it from the next start
	dbResult *widget.Label

	years  *widget.Label
	limits *fyne.Container

	box fyne.CanvasObject
}

func newSettingsChecks(e *env) *settingsChecks {
	c := &settingsChecks{e: e}
	c.dbAddr = widget.NewEntry()
	c.dbAddr.SetPlaceHolder("Tệp dữ liệu hoặc postgres://người_dùng@máy_chủ/tên_csdl")
	c.dbAddr.SetText(store.Redact(e.off.Store().Path()))
	c.dbCheck = widget.NewButton("Kiểm tra kết nối", c.checkDatabase)
	c.dbSave = widget.NewButton("Dùng cho quầy này", c.saveDatabase)
	c.dbResult = widget.NewLabel("")
	c.dbResult.Wrapping = fyne.TextWrapWord
	c.years = widget.NewLabel("")
	c.years.Wrapping = fyne.TextWrapWord
	c.limits = container.NewVBox(dimLabel("Đang đọc danh mục thủ tục…"))
	c.box = container.NewVBox(
		heading("Cơ sở dữ liệu"),
		container.NewBorder(nil, nil, nil, container.NewHBox(c.dbCheck, c.dbSave), c.dbAddr),
		c.dbResult,
		widget.NewSeparator(),
		heading("Lịch nghỉ lễ"),
		c.years,
		widget.NewSeparator(),
		heading("Thời hạn giải quyết chờ đối chiếu"),
		dimLabel("Các thời hạn chưa được đối chiếu với văn bản pháp luật; hãy so với danh mục tỉnh đã công bố rồi bấm “Đã đối chiếu”."),
		c.limits,
	)
	return c
}

// address is what to check: the register the window works on when the
// entry still shows it (its password hidden), or what the administrator typed.
func (c *settingsChecks) address() string {
	typed := strings.TrimSpace(c.dbAddr.Text)
	own := c.e.off.Store().Path()
	if typed == "" || typed == store.Redact(own) {
		return own
	}
	return typed
}

// checkDatabase opens the address read-only in the background and says
// what it found, or why not.
func (c *settingsChecks) checkDatabase() {
	dsn := c.address()
	c.dbCheck.Disable()
	c.dbResult.SetText("Đang kiểm tra kết nối tới " + store.Redact(dsn) + "…")
	c.e.background(func() {
		res, err := office.CheckDatabase(c.e.ctx, dsn)
		c.e.do(func() {
			c.dbCheck.Enable()
			c.dbResult.SetText(databaseCheckText(res, err))
		})
	})
}

// saveDatabase checks the address and, when it opens, saves it as this
// desk's register for the next start (office.SaveDeskDB).
func (c *settingsChecks) saveDatabase() {
	dsn := c.address()
	c.dbSave.Disable()
	c.dbResult.SetText("Đang kiểm tra và lưu " + store.Redact(dsn) + "…")
	c.e.background(func() {
		res, err := c.e.off.SaveDeskDB(c.e.ctx, dsn)
		c.e.do(func() {
			c.dbSave.Enable()
			c.dbResult.SetText(deskSavedText(dsn, c.e.off.Store().Path(), res, err))
		})
	})
}

// deskSavedText says what SaveDeskDB did and what the clerk does next.
func deskSavedText(dsn, open string, res office.DatabaseCheck, err error) string {
	if err != nil {
		return "Chưa lưu: " + capitalise(err.Error())
	}
	checked := databaseCheckText(res, nil)
	if dsn == open {
		return checked + " Đã lưu: quầy này sẽ luôn mở sổ này (trừ khi mở phần mềm kèm --db)."
	}
	return checked + " Đã lưu cho quầy này. Hãy đóng rồi mở lại phần mềm để làm việc trên sổ " + store.Redact(dsn) + "."
}

// databaseCheckText says in one or two sentences what the check found.
func databaseCheckText(res office.DatabaseCheck, err error) string {
	if err != nil {
		return "Không kết nối được: " + capitalise(err.Error())
	}
	engine := "SQLite (tệp trên máy này)"
	if res.Engine == "postgres" {
		engine = "PostgreSQL"
	}
	if res.Version == 0 {
		return "Kết nối được: " + engine + ", cơ sở dữ liệu còn trống; phần mềm sẽ tạo sổ khi mở nó."
	}
	return "Kết nối được: " + engine + ", cấu trúc dữ liệu phiên bản " + strconv.Itoa(res.Version) +
		", có " + strconv.Itoa(res.Dossiers) + " hồ sơ."
}

// reload reads the years and the limits again.
func (c *settingsChecks) reload() {
	c.e.background(func() {
		years, yerr := c.e.off.YearsAwaitingNotice(c.e.ctx)
		limits, lerr := c.e.off.UnconfirmedLimits(c.e.ctx)
		c.e.do(func() {
			c.showYears(years, yerr)
			c.showLimits(limits, lerr)
		})
	})
}

func (c *settingsChecks) showYears(years []int, err error) {
	switch {
	case err != nil:
		c.years.SetText("Không đọc được lịch nghỉ lễ: " + err.Error())
	case len(years) == 0:
		c.years.SetText("Lịch nghỉ lễ của các năm đều theo thông báo chính thức.")
	default:
		var ys []string
		for _, y := range years {
			ys = append(ys, strconv.Itoa(y))
		}
		c.years.SetText("Lịch nghỉ Tết và Quốc khánh còn dự kiến (chờ thông báo của Chính phủ) các năm: " +
			strings.Join(ys, ", ") + ". Khi có thông báo, cập nhật ở màn hình Lịch.")
	}
}

// confidenceText names a limit's confidence as the catalogue records it.
func confidenceText(c string) string {
	switch c {
	case "V":
		return "đã đối chiếu văn bản"
	case "S":
		return "theo nguồn thứ cấp, chưa đối chiếu văn bản"
	}
	return "chưa kiểm chứng"
}

func (c *settingsChecks) showLimits(list []register.LimitCheck, err error) {
	c.limits.RemoveAll()
	if err != nil {
		c.limits.Add(dimLabel("Không đọc được danh mục thủ tục: " + err.Error()))
		return
	}
	if len(list) == 0 {
		c.limits.Add(widget.NewLabel("Mọi thời hạn trong danh mục đã được đối chiếu."))
		return
	}
	for _, l := range list {
		l := l
		name := l.Name
		if l.Variant != "" {
			name += " (" + register.VariantLabel(l.Variant) + ")"
		}
		what := widget.NewLabel(name + ": " + l.Limit.Vietnamese() + ".\nCăn cứ: " + orDash(l.LegalBasis) +
			". Độ tin cậy: " + confidenceText(l.Confidence) + ".")
		what.Wrapping = fyne.TextWrapWord
		var btn *widget.Button
		confirm := func() {
			btn.Disable()
			c.e.background(func() {
				_, err := c.e.off.ConfirmLimit(c.e.ctx, l.Code, l.Variant)
				c.e.do(func() {
					if err != nil {
						btn.Enable()
						c.e.showError(err, nil)
						return
					}
					c.reload()
				})
			})
		}
		// The confirmation is recorded (a new version of the procedure
		// and an audit line): ask once before.
		btn = widget.NewButton("Đã đối chiếu", func() {
			c.e.confirmAction("Xác nhận thời hạn đã đối chiếu",
				"Thời hạn "+l.Limit.Vietnamese()+" của thủ tục “"+name+"” khớp với danh mục thủ tục hành chính tỉnh đã công bố? "+
					"Phần mềm ghi lại người xác nhận và thời điểm.", "Đã đối chiếu", confirm, nil)
		})
		c.e.guard(people.ActCatalogue, nil, btn) // the office says who may confirm
		c.limits.Add(container.NewBorder(nil, nil, nil, container.NewVBox(btn, layout.NewSpacer()), what))
	}
	if !c.e.may(people.ActCatalogue) {
		note := newPermitNote()
		note.SetText(shortRefusal(people.ActCatalogue))
		note.Show()
		c.limits.Add(note)
	}
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "chưa ghi"
	}
	return s
}

// paperChoice is the form_paper setting as a drop-down of named papers; the
// setting's entry (not shown) keeps the value the office stores.
func paperChoice(en *widget.Entry) fyne.CanvasObject {
	values := docs.PaperSettings()
	var labels []string
	for _, v := range values {
		labels = append(labels, paperLabel(v))
	}
	sel := widget.NewSelect(labels, nil)
	sel.OnChanged = func(l string) {
		for i, x := range labels {
			if x == l && en.Text != values[i] {
				en.SetText(values[i])
			}
		}
	}
	prev := en.OnChanged
	en.OnChanged = func(v string) {
		for i, x := range values {
			if strings.EqualFold(strings.TrimSpace(v), x) && sel.Selected != labels[i] {
				sel.SetSelected(labels[i])
			}
		}
		if prev != nil {
			prev(v)
		}
	}
	return sel
}

func paperLabel(v string) string {
	switch v {
	case docs.PaperA4:
		return "A4 (mặc định, Nghị định 30)"
	case docs.PaperA5:
		return "A5"
	case docs.PaperA5OnA4:
		return "Hai liên A5 trên một tờ A4"
	}
	return v
}
