package calendar

import "testing"

// The cases of issue #8, as a clerk would meet them at the counter.
func TestQuocKhanh2026Cases(t *testing.T) {
	c := newCal(t, shipped(t)...)
	for _, tc := range []struct {
		from  string
		limit Limit
		want  string
	}{
		// Thu 27/08 + 3 working days: Fri 28/08, then Sat 29/08 – Wed 02/09 off, Thu 03/09, Fri 04/09.
		{"2026-08-27 10:00", Limit{3, WorkingDays}, "2026-09-04 16:00"},
		// Fri 21/08 + 1 working day: the make-up Saturday 22/08.
		{"2026-08-21 10:00", Limit{1, WorkingDays}, "2026-08-22 16:00"},
		// Received on the make-up Saturday itself, same day: due that Saturday.
		{"2026-08-22 09:00", Limit{Unit: SameDay}, "2026-08-22 16:00"},
		// Fri 28/08 after the cut-off, same day: the break runs to Wed 02/09.
		{"2026-08-28 15:01", Limit{Unit: SameDay}, "2026-09-03 16:00"},
		// Mon 31/08 is a swapped day off: counting starts on Thu 03/09.
		{"2026-08-31 09:00", Limit{1, WorkingDays}, "2026-09-03 16:00"},
		// 2024: Mon 29/04 swapped with the make-up Saturday 04/05 (Thông báo 1570/TB-LĐTBXH).
		{"2024-04-26 10:00", Limit{1, WorkingDays}, "2024-05-02 16:00"},
		{"2024-05-03 15:01", Limit{Unit: SameDay}, "2024-05-04 16:00"},
		{"2024-05-03 10:00", Limit{1, WorkingDays}, "2024-05-04 16:00"},
	} {
		if got := c.Due(moment(t, tc.from), tc.limit); !got.Equal(moment(t, tc.want)) {
			t.Errorf("Due(%s, %s) = %s, want %s", tc.from, tc.limit, got.Format("2006-01-02 15:04"), tc.want)
		}
	}
}

// Every day of 2024–2030 that departs from the plain Monday–Friday week
// (Holidays), with whether it is worked, whether it is provisional and its
// reason: the Tết breaks, every nghỉ bù, every make-up Saturday. 2024–2026
// follow the announced schedules; 2027–2030 the rules, whose picks (Tết days,
// the Quốc khánh adjacent day and the nghỉ bù they give) are provisional.
// 24/11 on a weekend (2029, 2030) gives no nghỉ bù.
func TestLegalTable2024To2030(t *testing.T) {
	c := newCal(t, shipped(t)...)
	want := []struct {
		date        string
		working     bool
		provisional bool
		reason      string
	}{
		{"2024-01-01", false, false, "Tết Dương lịch"},                                                      // Monday
		{"2024-02-08", false, false, "Tết Nguyên đán"},                                                      // Thursday
		{"2024-02-09", false, false, "Tết Nguyên đán"},                                                      // Friday
		{"2024-02-10", false, false, "Tết Nguyên đán"},                                                      // Saturday, mùng 1
		{"2024-02-11", false, false, "Tết Nguyên đán"},                                                      // Sunday
		{"2024-02-12", false, false, "Tết Nguyên đán"},                                                      // Monday
		{"2024-02-13", false, false, "Nghỉ bù Tết Nguyên đán (thứ Bảy 10/02)"},                              // Tuesday
		{"2024-02-14", false, false, "Nghỉ bù Tết Nguyên đán (Chủ nhật 11/02)"},                             // Wednesday
		{"2024-04-18", false, false, "Giỗ Tổ Hùng Vương (10/3 âm lịch)"},                                    // Thursday
		{"2024-04-29", false, false, "Nghỉ hoán đổi, làm bù thứ Bảy 04/05/2024 (Thông báo 1570/TB-LĐTBXH)"}, // Monday
		{"2024-04-30", false, false, "Ngày Chiến thắng (30/4)"},                                             // Tuesday
		{"2024-05-01", false, false, "Ngày Quốc tế Lao động (1/5)"},                                         // Wednesday
		{"2024-05-04", true, false, "Làm bù cho thứ Hai 29/04/2024 (Thông báo 1570/TB-LĐTBXH)"},             // Saturday
		{"2024-09-02", false, false, "Quốc khánh (2/9)"},                                                    // Monday
		{"2024-09-03", false, false, "Quốc khánh (ngày liền kề 2/9)"},                                       // Tuesday
		{"2025-01-01", false, false, "Tết Dương lịch"},                                                      // Wednesday
		{"2025-01-25", false, false, "Tết Nguyên đán"},                                                      // Saturday
		{"2025-01-26", false, false, "Tết Nguyên đán"},                                                      // Sunday
		{"2025-01-27", false, false, "Tết Nguyên đán"},                                                      // Monday
		{"2025-01-28", false, false, "Tết Nguyên đán"},                                                      // Tuesday
		{"2025-01-29", false, false, "Tết Nguyên đán"},                                                      // Wednesday, mùng 1
		{"2025-01-30", false, false, "Tết Nguyên đán"},                                                      // Thursday
		{"2025-01-31", false, false, "Tết Nguyên đán"},                                                      // Friday
		{"2025-02-01", false, false, "Tết Nguyên đán"},                                                      // Saturday
		{"2025-02-02", false, false, "Tết Nguyên đán"},                                                      // Sunday
		{"2025-04-07", false, false, "Giỗ Tổ Hùng Vương (10/3 âm lịch)"},                                    // Monday
		{"2025-04-26", true, false, "Làm bù cho thứ Sáu 02/05/2025"},                                        // Saturday
		{"2025-04-30", false, false, "Ngày Chiến thắng (30/4)"},                                             // Wednesday
		{"2025-05-01", false, false, "Ngày Quốc tế Lao động (1/5)"},                                         // Thursday
		{"2025-05-02", false, false, "Nghỉ hoán đổi, làm bù thứ Bảy 26/04/2025"},                            // Friday
		{"2025-09-01", false, false, "Quốc khánh (ngày liền kề 2/9)"},                                       // Monday
		{"2025-09-02", false, false, "Quốc khánh (2/9)"},                                                    // Tuesday
		{"2026-01-01", false, false, "Tết Dương lịch"},                                                      // Thursday
		{"2026-01-02", false, false, "Nghỉ hoán đổi, làm bù thứ Bảy 10/01/2026"},                            // Friday
		{"2026-01-10", true, false, "Làm bù cho thứ Sáu 02/01/2026"},                                        // Saturday
		{"2026-02-14", false, false, "Tết Nguyên đán"},                                                      // Saturday
		{"2026-02-15", false, false, "Tết Nguyên đán"},                                                      // Sunday
		{"2026-02-16", false, false, "Tết Nguyên đán"},                                                      // Monday
		{"2026-02-17", false, false, "Tết Nguyên đán"},                                                      // Tuesday, mùng 1
		{"2026-02-18", false, false, "Tết Nguyên đán"},                                                      // Wednesday
		{"2026-02-19", false, false, "Tết Nguyên đán"},                                                      // Thursday
		{"2026-02-20", false, false, "Tết Nguyên đán"},                                                      // Friday
		{"2026-02-21", false, false, "Tết Nguyên đán"},                                                      // Saturday
		{"2026-02-22", false, false, "Tết Nguyên đán"},                                                      // Sunday
		{"2026-04-26", false, false, "Giỗ Tổ Hùng Vương (10/3 âm lịch)"},                                    // Sunday
		{"2026-04-27", false, false, "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)"},                            // Monday
		{"2026-04-30", false, false, "Ngày Chiến thắng (30/4)"},                                             // Thursday
		{"2026-05-01", false, false, "Ngày Quốc tế Lao động (1/5)"},                                         // Friday
		{"2026-08-22", true, false, "Làm bù cho thứ Hai 31/08/2026 (Thông báo 9441/TB-BNV)"},                // Saturday
		{"2026-08-31", false, false, "Nghỉ hoán đổi, làm bù thứ Bảy 22/08/2026 (Thông báo 9441/TB-BNV)"},    // Monday
		{"2026-09-01", false, false, "Quốc khánh (ngày liền kề 2/9)"},                                       // Tuesday
		{"2026-09-02", false, false, "Quốc khánh (2/9)"},                                                    // Wednesday
		{"2026-11-24", false, false, "Ngày Văn hóa Việt Nam (24/11)"},                                       // Tuesday
		{"2027-01-01", false, false, "Tết Dương lịch"},                                                      // Friday
		{"2027-02-04", false, true, "Tết Nguyên đán"},                                                       // Thursday
		{"2027-02-05", false, true, "Tết Nguyên đán"},                                                       // Friday
		{"2027-02-06", false, false, "Tết Nguyên đán"},                                                      // Saturday, mùng 1
		{"2027-02-07", false, false, "Tết Nguyên đán"},                                                      // Sunday
		{"2027-02-08", false, true, "Tết Nguyên đán"},                                                       // Monday
		{"2027-02-09", false, true, "Nghỉ bù Tết Nguyên đán"},                                               // Tuesday
		{"2027-02-10", false, true, "Nghỉ bù Tết Nguyên đán"},                                               // Wednesday
		{"2027-04-16", false, false, "Giỗ Tổ Hùng Vương (10/3 âm lịch)"},                                    // Friday
		{"2027-04-30", false, false, "Ngày Chiến thắng (30/4)"},                                             // Friday
		{"2027-05-01", false, false, "Ngày Quốc tế Lao động (1/5)"},                                         // Saturday
		{"2027-05-03", false, false, "Nghỉ bù Ngày Quốc tế Lao động (1/5)"},                                 // Monday
		{"2027-09-02", false, false, "Quốc khánh (2/9)"},                                                    // Thursday
		{"2027-09-03", false, true, "Quốc khánh (ngày liền kề 2/9)"},                                        // Friday
		{"2027-11-24", false, false, "Ngày Văn hóa Việt Nam (24/11)"},                                       // Wednesday
		{"2028-01-01", false, false, "Tết Dương lịch"},                                                      // Saturday
		{"2028-01-03", false, false, "Nghỉ bù Tết Dương lịch"},                                              // Monday
		{"2028-01-24", false, true, "Tết Nguyên đán"},                                                       // Monday
		{"2028-01-25", false, true, "Tết Nguyên đán"},                                                       // Tuesday
		{"2028-01-26", false, true, "Tết Nguyên đán"},                                                       // Wednesday, mùng 1
		{"2028-01-27", false, true, "Tết Nguyên đán"},                                                       // Thursday
		{"2028-01-28", false, true, "Tết Nguyên đán"},                                                       // Friday
		{"2028-04-04", false, false, "Giỗ Tổ Hùng Vương (10/3 âm lịch)"},                                    // Tuesday
		{"2028-04-30", false, false, "Ngày Chiến thắng (30/4)"},                                             // Sunday
		{"2028-05-01", false, false, "Ngày Quốc tế Lao động (1/5)"},                                         // Monday
		{"2028-05-02", false, false, "Nghỉ bù Ngày Chiến thắng (30/4)"},                                     // Tuesday
		{"2028-09-01", false, true, "Quốc khánh (ngày liền kề 2/9)"},                                        // Friday
		{"2028-09-02", false, false, "Quốc khánh (2/9)"},                                                    // Saturday
		{"2028-09-04", false, true, "Nghỉ bù Quốc khánh (2/9)"},                                             // Monday
		{"2028-11-24", false, false, "Ngày Văn hóa Việt Nam (24/11)"},                                       // Friday
		{"2029-01-01", false, false, "Tết Dương lịch"},                                                      // Monday
		{"2029-02-11", false, false, "Tết Nguyên đán"},                                                      // Sunday
		{"2029-02-12", false, true, "Tết Nguyên đán"},                                                       // Monday
		{"2029-02-13", false, true, "Tết Nguyên đán"},                                                       // Tuesday, mùng 1
		{"2029-02-14", false, true, "Tết Nguyên đán"},                                                       // Wednesday
		{"2029-02-15", false, true, "Tết Nguyên đán"},                                                       // Thursday
		{"2029-02-16", false, true, "Nghỉ bù Tết Nguyên đán"},                                               // Friday
		{"2029-04-23", false, false, "Giỗ Tổ Hùng Vương (10/3 âm lịch)"},                                    // Monday
		{"2029-04-30", false, false, "Ngày Chiến thắng (30/4)"},                                             // Monday
		{"2029-05-01", false, false, "Ngày Quốc tế Lao động (1/5)"},                                         // Tuesday
		{"2029-09-02", false, false, "Quốc khánh (2/9)"},                                                    // Sunday
		{"2029-09-03", false, true, "Quốc khánh (ngày liền kề 2/9)"},                                        // Monday
		{"2029-09-04", false, true, "Nghỉ bù Quốc khánh (2/9)"},                                             // Tuesday
		{"2029-11-24", false, false, "Ngày Văn hóa Việt Nam (24/11)"},                                       // Saturday: no nghỉ bù
		{"2030-01-01", false, false, "Tết Dương lịch"},                                                      // Tuesday
		{"2030-01-31", false, true, "Tết Nguyên đán"},                                                       // Thursday
		{"2030-02-01", false, true, "Tết Nguyên đán"},                                                       // Friday
		{"2030-02-02", false, false, "Tết Nguyên đán"},                                                      // Saturday, mùng 1
		{"2030-02-03", false, false, "Tết Nguyên đán"},                                                      // Sunday
		{"2030-02-04", false, true, "Tết Nguyên đán"},                                                       // Monday
		{"2030-02-05", false, true, "Nghỉ bù Tết Nguyên đán"},                                               // Tuesday
		{"2030-02-06", false, true, "Nghỉ bù Tết Nguyên đán"},                                               // Wednesday
		{"2030-04-12", false, false, "Giỗ Tổ Hùng Vương (10/3 âm lịch)"},                                    // Friday
		{"2030-04-30", false, false, "Ngày Chiến thắng (30/4)"},                                             // Tuesday
		{"2030-05-01", false, false, "Ngày Quốc tế Lao động (1/5)"},                                         // Wednesday
		{"2030-09-02", false, false, "Quốc khánh (2/9)"},                                                    // Monday
		{"2030-09-03", false, true, "Quốc khánh (ngày liền kề 2/9)"},                                        // Tuesday
		{"2030-11-24", false, false, "Ngày Văn hóa Việt Nam (24/11)"},                                       // Sunday: no nghỉ bù
	}
	var got []DayInfo
	for y := 2024; y <= 2030; y++ {
		got = append(got, c.Holidays(y)...)
	}
	if len(got) != len(want) {
		t.Errorf("%d special days in 2024–2030, want %d", len(got), len(want))
	}
	for i := 0; i < len(got) && i < len(want); i++ {
		g, w := got[i], want[i]
		if g.Date.Format("2006-01-02") != w.date || g.Working != w.working || g.Provisional != w.provisional || g.Reason != w.reason {
			t.Errorf("day %d: got %s %v %v %q, want %s %v %v %q", i, g.Date.Format("2006-01-02"), g.Working, g.Provisional, g.Reason,
				w.date, w.working, w.provisional, w.reason)
		}
	}
}

// The 15:00 cut-off on the last working day before each Tết break of
// 2024–2030: a same-day dossier received at 15:00 is due that day; at 15:01,
// the first working day after the break.
func TestCutoffBeforeTet2024To2030(t *testing.T) {
	c := newCal(t, shipped(t)...)
	for _, tc := range []struct{ before, after string }{
		{"2024-02-07", "2024-02-15"},
		{"2025-01-24", "2025-02-03"},
		{"2026-02-13", "2026-02-23"},
		{"2027-02-03", "2027-02-11"},
		{"2028-01-21", "2028-01-31"},
		{"2029-02-09", "2029-02-19"},
		{"2030-01-30", "2030-02-07"},
	} {
		same := Limit{Unit: SameDay}
		if got := c.Due(moment(t, tc.before+" 15:00"), same); !got.Equal(moment(t, tc.before+" 16:00")) {
			t.Errorf("%s 15:00 same day: due %s", tc.before, got.Format("2006-01-02 15:04"))
		}
		if got := c.Due(moment(t, tc.before+" 15:01"), same); !got.Equal(moment(t, tc.after+" 16:00")) {
			t.Errorf("%s 15:01 same day: due %s, want %s 16:00", tc.before, got.Format("2006-01-02 15:04"), tc.after)
		}
		if got := c.Due(moment(t, tc.before+" 09:00"), Limit{1, WorkingDays}); !got.Equal(moment(t, tc.after+" 16:00")) {
			t.Errorf("%s + 1 working day: due %s, want %s 16:00", tc.before, got.Format("2006-01-02 15:04"), tc.after)
		}
	}
}

func TestProvisional(t *testing.T) {
	c := newCal(t, shipped(t)...)
	for y, want := range map[int]bool{2020: false, 2021: false, 2024: false, 2026: false, 2027: true, 2030: true, 2100: true, 2150: true} {
		if got := c.AwaitingNotice(y); got != want {
			t.Errorf("AwaitingNotice(%d) = %v, want %v", y, got, want)
		}
	}
	if !c.Announced(2024) || c.Announced(2027) {
		t.Error("Announced: 2024 has a schedule, 2027 has none")
	}
	for _, tc := range []struct {
		from  string
		limit Limit
		want  bool
	}{
		{"2026-08-27 10:00", Limit{3, WorkingDays}, false}, // announced
		{"2027-02-03 10:00", Limit{3, WorkingDays}, true},  // across the rule's Tết 2027
		{"2027-02-03 15:00", Limit{Unit: SameDay}, false},  // due the same day, before the break
		{"2027-02-03 15:01", Limit{Unit: SameDay}, true},   // due after it
		{"2027-06-01 10:00", Limit{20, WorkingDays}, false},
		{"2027-08-30 10:00", Limit{5, WorkingDays}, true},   // across Fri 03/09/2027
		{"2026-12-20 10:00", Limit{20, WorkingDays}, false}, // due 18/01/2027
		{"2026-12-20 10:00", Limit{35, WorkingDays}, true},  // across Tết 2027
		{"2150-02-01 10:00", Limit{20, WorkingDays}, true},  // beyond the table
	} {
		from := moment(t, tc.from)
		due := c.Due(from, tc.limit)
		if got := c.CrossesProvisional(from, due); got != tc.want {
			t.Errorf("CrossesProvisional(%s, %s → %s) = %v, want %v", tc.from, tc.limit, due.Format("2006-01-02"), got, tc.want)
		}
	}
	days := c.ProvisionalDays(day(t, "2027-01-01"), day(t, "2027-12-31"))
	var got []string
	for _, d := range days {
		got = append(got, d.Format("2006-01-02"))
	}
	want := []string{"2027-02-04", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-09-03"}
	if len(got) != len(want) {
		t.Fatalf("ProvisionalDays(2027) = %v, want %v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("ProvisionalDays(2027) = %v, want %v", got, want)
			break
		}
	}
	// A notice that gives 2027's Tết makes its days firm; 2/9 stays provisional.
	tet := newCal(t, Schedule{Year: 2027, Off: []Entry{{Date: "2027-02-04"}, {Date: "2027-02-05"}, {Date: "2027-02-08"}, {Date: "2027-02-09"}, {Date: "2027-02-10"}}})
	if d := tet.Day(day(t, "2027-02-09")); d.Provisional || d.Working {
		t.Errorf("2027-02-09 with a notice: %+v", d)
	}
	if d := tet.Day(day(t, "2027-09-03")); !d.Provisional {
		t.Errorf("2027-09-03 without a Quốc khánh notice: %+v", d)
	}
}

func TestYearFingerprint(t *testing.T) {
	withNotice := newCal(t, shipped(t)...)
	rules := newCal(t)
	if withNotice.YearFingerprint(2023) != rules.YearFingerprint(2023) {
		t.Error("2023: the notice and the rules agree, so should the fingerprints")
	}
	if withNotice.YearFingerprint(2026) == rules.YearFingerprint(2026) {
		t.Error("2026: the swaps change the working days, so should the fingerprint")
	}
	if withNotice.YearFingerprint(2026) == withNotice.YearFingerprint(2027) {
		t.Error("different years should not share a fingerprint")
	}
	if len(withNotice.YearFingerprint(2026)) != 16 {
		t.Error("fingerprint length")
	}
}
