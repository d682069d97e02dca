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

// formByKind describes a paper without a dossier (the receipt just saved),
// in the office's form set.
func formByKind(e *env, k docs.FormKind) office.Paper { return e.off.PaperOf(k, "") }

// printForm renders one paper of one dossier and offers it (printNow:
// sends it to the printer at once).
func printForm(e *env, f office.Paper, code string, printNow bool) {
	printFormSignedBy(e, f, code, "", printNow)
}

// printFormSignedBy is printForm with the signer of a paper the People's
// Committee signs ("" is the office's usual signer).
func printFormSignedBy(e *env, f office.Paper, code, signer string, printNow bool) {
	e.makeDocument(f.Title+" – "+code, f.File+"-"+code+".pdf", f.Sheet,
		func(w io.Writer) error { return e.off.PrintFormsSignedBy(e.ctx, w, f.Kind, signer, code) },
		func(doc *document) { e.offer(doc, printNow) })
}

// signerMenu offers who signs a paper the People's Committee signs: the
// usual signer first, then the other chairs and vice-chairs the office
// lists. It is nil when there is no choice to make.
func signerMenu(e *env, f office.Paper, code string, signers []office.Signer) *fyne.Menu {
	if !f.ChooseSigner || len(signers) < 2 {
		return nil
	}
	items := make([]*fyne.MenuItem, len(signers))
	for i, s := range signers {
		name, label := s.Name, s.Label()
		if i == 0 {
			name, label = "", label+" – người ký thường lệ"
		}
		items[i] = fyne.NewMenuItem("Ký: "+label, func() { printFormSignedBy(e, f, code, name, false) })
	}
	return fyne.NewMenu("", items...)
}

// paperMenu is the detail pane's "Giấy tờ, thư" menu: the papers the office
// lists for the dossier (those its history does not call for greyed out),
// then a letter to the citizen.
func (p *detailPane) paperMenu() *fyne.Menu {
	var items []*fyne.MenuItem
	if p.d == nil {
		return fyne.NewMenu("")
	}
	code := p.d.Code
	signers, err := p.e.off.Signers(p.e.ctx) // who may sign the committee's papers: read once for the menu
	if err != nil {
		signers = nil // the papers still print, signed as usual
	}
	for _, f := range p.e.off.Papers(p.d) {
		f := f
		it := fyne.NewMenuItem("In "+lowerFirst(f.Label), func() { printForm(p.e, f, code, false) })
		it.Icon = nil
		it.Disabled = !f.Enabled
		if f.Enabled {
			// A paper the chair or a vice-chair signs: pick who in a submenu.
			it.ChildMenu = signerMenu(p.e, f, code, signers)
		}
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
