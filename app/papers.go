package app

import (
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/docs"
	"motcua/internal/letters"
	"motcua/internal/office"
	"motcua/internal/register"
)

// dossierForm is a form printed for one dossier, and when it applies.
type dossierForm struct {
	kind    docs.FormKind
	label   string // in the detail pane's menu
	title   string // the document's name; its title adds the dossier code
	file    string // the file name's start, followed by the dossier code
	paper   string
	applies func(d *register.Dossier) bool
}

var dossierForms = []dossierForm{
	{docs.FormReceipt, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả (2 liên)", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", "giay-hen", "khổ A5, 2 liên",
		func(*register.Dossier) bool { return true }},
	{docs.FormControl, "Phiếu kiểm soát quá trình giải quyết hồ sơ", "Phiếu kiểm soát quá trình giải quyết hồ sơ", "phieu-kiem-soat", "khổ A5",
		func(*register.Dossier) bool { return true }},
	{docs.FormSupplement, "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", "phieu-bo-sung", "khổ A5",
		func(d *register.Dossier) bool { return d.SupplementAt != nil }},
	{docs.FormApology, "Văn bản xin lỗi và hẹn lại ngày trả kết quả", "Văn bản xin lỗi và hẹn lại ngày trả kết quả", "phieu-xin-loi", "khổ A5",
		func(d *register.Dossier) bool { return d.ApologyAt != nil }},
	{docs.FormRefusal, "Phiếu từ chối tiếp nhận giải quyết hồ sơ", "Phiếu từ chối tiếp nhận giải quyết hồ sơ", "phieu-tu-choi", "khổ A5",
		func(d *register.Dossier) bool { return d.State == register.Refused }},
	// The stop notice exists from the 2025 form set on.
	{docs.FormStop, "Thông báo dừng giải quyết hồ sơ", "Thông báo dừng giải quyết hồ sơ", "thong-bao-dung", "khổ A5",
		func(d *register.Dossier) bool {
			return (d.State == register.Refused || d.State == register.Withdrawn) && d.FormSet != office.FormSet2018
		}},
}

func formByKind(k docs.FormKind) dossierForm {
	for _, f := range dossierForms {
		if f.kind == k {
			return f
		}
	}
	panic("no form " + string(k))
}

// printForm renders one form of one dossier and offers it (printNow: sends
// it to the printer at once).
func printForm(e *env, f dossierForm, code string, printNow bool) {
	e.makeDocument(f.title+" – "+code, f.file+"-"+code+".pdf", f.paper,
		func(w io.Writer) error { return e.off.PrintForms(e.ctx, w, f.kind, code) },
		func(doc *document) { e.offer(doc, printNow) })
}

// paperMenu is the detail pane's "Giấy tờ, thư" menu: the forms that apply
// to the dossier (the others greyed out), then a letter to the citizen.
func (p *detailPane) paperMenu() *fyne.Menu {
	var items []*fyne.MenuItem
	if p.d == nil {
		return fyne.NewMenu("")
	}
	code := p.d.Code
	for _, f := range dossierForms {
		f := f
		it := fyne.NewMenuItem("In "+lowerFirst(f.label), func() { printForm(p.e, f, code, false) })
		it.Icon = nil
		it.Disabled = !f.applies(p.d)
		items = append(items, it)
	}
	items = append(items, fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Soạn thư gửi công dân…", func() { p.draftLetter(p.suggestedLetter()) }))
	return fyne.NewMenu("", items...)
}

// showPaperMenu drops the menu under its button.
func (p *detailPane) showPaperMenu() {
	if p.d == nil {
		return
	}
	c := p.e.win.Canvas()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(p.papers)
	pos = pos.Add(fyne.NewPos(0, p.papers.Size().Height))
	widget.ShowPopUpMenuAtPosition(p.paperMenu(), c, pos)
}

// suggestedLetter is the kind the menu's letter form starts with: the one
// the procedure proposes, or an apology for a dossier apologised for.
func (p *detailPane) suggestedLetter() letters.Kind {
	if p.d.ApologyAt != nil {
		return letters.Apology
	}
	if p.proposed != "" {
		return p.proposed
	}
	return letters.Thanks
}

// draftLetter opens the letter form for the open dossier.
func (p *detailPane) draftLetter(kind letters.Kind) {
	if p.d == nil {
		return
	}
	key := p.d.Code + "/letter"
	dr, ok := p.letterDrafts[key]
	if !ok || dr.kind != kind {
		dr = &letterDraft{kind: kind, dossier: p.d.Code, recipient: p.d.Applicant.Name, address: p.d.Applicant.Address,
			about: p.d.Code + " · " + p.d.ProcedureName + " · " + p.d.Applicant.Name, fields: map[string]string{}}
		p.letterDrafts[key] = dr
	}
	openLetterForm(p.e, dr, func(office.Letter) { delete(p.letterDrafts, key) })
}

// hasLetter reports whether a letter of kind was already drafted (or
// issued) for d. It runs off the UI goroutine. When the letters cannot be
// read it says no: asking twice is better than never.
func hasLetter(e *env, d *register.Dossier, kind letters.Kind) bool {
	ls, err := e.off.Letters(e.ctx, "", time.Time{})
	if err != nil {
		return false
	}
	for _, l := range ls {
		if l.DossierID == d.ID && l.Kind == string(kind) {
			return true
		}
	}
	return false
}

// proposeLetter asks, after a result was returned, whether to draft the
// letter the procedure proposes (congratulations on a birth or a
// marriage, condolences on a death) for the chair's queue.
func (p *detailPane) proposeLetter(d *register.Dossier, kind letters.Kind) {
	what := "thư chúc mừng"
	to := "gửi công dân"
	if kind == letters.Condolence {
		what, to = "thư chia buồn", "gửi gia đình"
	}
	p.e.confirm("Soạn "+what+" "+to+"?",
		"Hồ sơ "+d.ProcedureName+" của "+d.Applicant.Name+" đã trả kết quả.\n"+
			"Soạn “"+kind.Name()+"” của Chủ tịch UBND xã "+to+"? Thư vào danh sách chờ Chủ tịch duyệt và ký.",
		func(yes bool) {
			if yes && p.d != nil && p.d.Code == d.Code {
				p.draftLetter(kind)
			}
		})
}
