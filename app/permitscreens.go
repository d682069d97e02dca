package app

import "motcua/internal/people"

// The screens' own greying-out, for screens whose buttons the screen also
// enables for reasons of its own (permits.go has the rules of the game).

// guardSettings greys out the commune's settings (the fields, "Lưu",
// "Bỏ các thay đổi") unless the one working may change them.
func (s *settingsScreen) guardSettings() {
	ok := s.e.may(people.ActSettings)
	for _, en := range s.entries {
		if ok {
			en.Enable()
		} else {
			en.Disable()
		}
	}
	s.e.guard(people.ActSettings, s.permNote, s.save, s.undo)
}

// guardApply greys out "Áp dụng" (recomputing due dates under a new
// schedule) unless the one working may correct the calendar.
func (c *calendarScreen) guardApply() {
	if c.e.may(people.ActCalendar) {
		c.apply.Enable()
	}
	ok := c.e.guard(people.ActCalendar, nil, c.apply)
	if ok || !c.apply.Visible() {
		c.permNote.Hide()
		return
	}
	c.permNote.SetText(shortRefusal(people.ActCalendar))
	c.permNote.Show()
}

// guardSigning greys out the signing key and the signed export unless the
// one working may sign for the commune, and the import of a commune's
// bundle unless they may import. "Tạo khóa ký" is enabled again by the key
// shown (showKey) when the tab is opened.
func (s *bundleScreen) guardSigning() {
	if s.e.may(people.ActSign) {
		s.exportBtn.Enable()
	}
	s.e.guard(people.ActSign, s.signNote, s.keyInit, s.exportBtn)
	if s.e.may(people.ActImport) {
		s.importBtn.Enable()
	}
	s.e.guard(people.ActImport, s.importNote, s.importBtn)
}
