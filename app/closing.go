package app

import (
	"time"

	"fyne.io/fyne/v2/widget"

	"motcua/internal/docs"
	"motcua/internal/register"
)

// The two ways a dossier closes without a result: a refusal (at the counter,
// form 03, or by the competent body after appraisal, its own written
// notice) and a stop (the applicant withdraws, or the agency decides to
// stop; the stop notice, form 05, answers either). The register says which
// are allowed; the clerk chooses among those.

// refusalLabel names a refusal kind in the refusal dialog.
func refusalLabel(k register.RefusalKind) string {
	switch k {
	case register.RefuseAtCounter:
		return "Từ chối tiếp nhận tại bộ phận một cửa (mẫu 03)"
	case register.RefuseAfterAppraisal:
		return "Cơ quan có thẩm quyền từ chối giải quyết sau thẩm định"
	}
	return k.Vietnamese()
}

// stopLabel names who asks to stop in the stop dialog.
func stopLabel(b register.StopBy) string {
	switch b {
	case register.StopByApplicant:
		return "Người nộp hồ sơ đề nghị dừng (rút hồ sơ)"
	case register.StopByAgency:
		return "Cơ quan giải quyết quyết định dừng (phải nêu lý do)"
	}
	return b.Vietnamese()
}

// draftChoice is a radio group of labels that remembers the clerk's choice
// with the action's other drafts; initial is chosen when nothing was.
func (p *detailPane) draftChoice(key string, labels []string, initial string) *widget.RadioGroup {
	key = p.d.Code + "/" + key
	if s, ok := p.drafts[key]; ok {
		initial = s
	}
	r := widget.NewRadioGroup(labels, nil)
	r.Required = true
	r.SetSelected(initial)
	r.OnChanged = func(s string) { p.drafts[key] = s }
	return r
}

// refusalKinds are the refusals the register allows for the dossier now.
func refusalKinds(d *register.Dossier) []register.RefusalKind {
	var out []register.RefusalKind
	for _, k := range register.RefusalKinds {
		if d.CanRefuse(k) {
			out = append(out, k)
		}
	}
	return out
}

func (p *detailPane) doRefuse() {
	if p.d == nil {
		return
	}
	kinds := refusalKinds(p.d)
	def := p.d.DefaultRefusal()
	var items []*widget.FormItem
	var choice *widget.RadioGroup
	if len(kinds) > 1 {
		var labels []string
		for _, k := range kinds {
			labels = append(labels, refusalLabel(k))
		}
		choice = p.draftChoice("refuse.kind", labels, refusalLabel(def))
		items = append(items, widget.NewFormItem("Hình thức", choice))
	}
	reason := p.draftEntry("refuse.reason", "", true)
	reason.SetPlaceHolder("Lý do từ chối, ghi trên phiếu từ chối hoặc văn bản của cơ quan")
	items = append(items, widget.NewFormItem("Lý do", reason))
	p.form("Từ chối "+p.noun(), "Từ chối", items, func() {
		kind := def
		if choice != nil {
			for _, k := range kinds {
				if refusalLabel(k) == choice.Selected {
					kind = k
				}
			}
		}
		text := reason.Text
		p.act(func(code string) (*register.Dossier, []string, error) {
			d, err := p.e.off.RefuseAs(p.e.ctx, code, kind, text, time.Time{})
			return d, nil, err
		}, p.doRefuse, func(d *register.Dossier, _ []string) {
			p.forgetDrafts("refuse")
			msg := "Đã ghi nhận từ chối tiếp nhận hồ sơ " + d.Code + " tại bộ phận một cửa."
			if kind == register.RefuseAfterAppraisal {
				msg = "Đã ghi nhận cơ quan có thẩm quyền từ chối giải quyết hồ sơ " + d.Code + " sau thẩm định."
			}
			p.offerPaper(d, docs.FormRefusal, "Đã từ chối hồ sơ", msg)
		})
	})
}

// doStop records that handling stops, at the applicant's request (the
// former "Rút hồ sơ") or by the agency's decision, which needs a reason.
func (p *detailPane) doStop() {
	if p.d == nil {
		return
	}
	bys := []register.StopBy{register.StopByApplicant, register.StopByAgency}
	var labels []string
	for _, b := range bys {
		labels = append(labels, stopLabel(b))
	}
	who := p.draftChoice("stop.by", labels, labels[0])
	reason := p.draftEntry("stop.reason", "", true)
	reason.SetPlaceHolder("Lý do dừng giải quyết (bắt buộc khi cơ quan quyết định dừng)")
	p.form("Dừng giải quyết "+p.noun(), "Dừng giải quyết", []*widget.FormItem{
		widget.NewFormItem("Người đề nghị", who),
		widget.NewFormItem("Lý do", reason),
	}, func() {
		by := register.StopByApplicant
		for i, l := range labels {
			if l == who.Selected {
				by = bys[i]
			}
		}
		text := reason.Text
		p.act(func(code string) (*register.Dossier, []string, error) {
			d, err := p.e.off.Stop(p.e.ctx, code, by, text, time.Time{})
			return d, nil, err
		}, p.doStop, func(d *register.Dossier, _ []string) {
			p.forgetDrafts("stop")
			p.offerPaper(d, docs.FormStop, "Đã dừng giải quyết hồ sơ",
				"Đã ghi nhận dừng giải quyết hồ sơ "+d.Code+": "+lowerFirst(by.Vietnamese())+".")
		})
	})
}
