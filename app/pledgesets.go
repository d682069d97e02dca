package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/people"
)

// pledgeSetsDialog lets an administrator choose which pledge sets the
// commune's staff pledge to (issue 10): the shipped sets as ticks, those
// without wording yet greyed out. The office judges the choice.
type pledgeSetsDialog struct {
	checks map[string]*widget.Check // set code → its tick
	save   *keyButton
	d      dialog.Dialog
}

// chooseSets reads the sets and the current choice, then shows the dialog.
func (s *staffScreen) chooseSets() {
	s.e.background(func() {
		all, err := s.e.off.PledgeSets()
		var chosen []people.PledgeSet
		if err == nil {
			chosen, err = s.e.off.ChosenPledgeSets(s.e.ctx)
		}
		s.e.do(func() {
			if err != nil {
				s.e.showError(err, nil)
				return
			}
			s.sets = s.showSetsDialog(all, chosen)
		})
	})
}

func (s *staffScreen) showSetsDialog(all, chosen []people.PledgeSet) *pledgeSetsDialog {
	p := &pledgeSetsDialog{checks: map[string]*widget.Check{}}
	on := map[string]bool{}
	for _, c := range chosen {
		on[c.Code] = true
	}
	box := container.NewVBox()
	var codes []string
	for _, set := range all {
		label := set.Label()
		if set.CheckPrintable() != nil {
			label += " (chưa có lời văn)"
		}
		c := widget.NewCheck(label, nil)
		c.SetChecked(on[set.Code])
		if set.CheckPrintable() != nil && !on[set.Code] {
			c.Disable()
		}
		p.checks[set.Code] = c
		codes = append(codes, set.Code)
		box.Add(c)
	}
	note := dimLabel("Cán bộ của xã ký cam kết theo các bộ được chọn; bản cam kết in ra ghi đúng các bộ này.")
	cancel := newButton("Đóng", theme.CancelIcon(), func() { p.d.Hide() })
	p.save = newButton("Lưu", theme.DocumentSaveIcon(), func() {
		var picked []string
		for _, code := range codes {
			if p.checks[code].Checked {
				picked = append(picked, code)
			}
		}
		s.e.background(func() {
			err := s.e.off.ChoosePledgeSets(s.e.ctx, picked)
			s.e.do(func() {
				if err != nil {
					s.e.showError(err, nil)
					return
				}
				p.d.Hide()
				s.reload()
			})
		})
	})
	p.save.Importance = widget.HighImportance
	d := dialog.NewCustomWithoutButtons("Bộ cam kết của xã",
		container.NewBorder(note, nil, nil, nil, container.NewVScroll(box)), s.e.win)
	d.SetButtons([]fyne.CanvasObject{layout.NewSpacer(), cancel, p.save})
	p.d = d
	d.Resize(fyne.NewSize(520, 420))
	s.e.show(d, p.save.OnTapped, cancel.OnTapped)
	return p
}
