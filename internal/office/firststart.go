package office

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/letters"
	"motcua/internal/people"
	"motcua/internal/register"
)

// ProfileGap is a setting a new register still holds as a placeholder.
type ProfileGap struct {
	Key   string `json:"key"`
	Label string `json:"label"`
}

// placeholders are the values a fresh register starts with that no
// commune's paper may carry: the receipt would read "000.00.00.H00-…",
// "ỦY BAN NHÂN DÂN XÃ" with no name, signed by nobody.
var placeholders = map[string]string{
	"agency_code": "000.00.00.H00",
	"commune":     "Ủy ban nhân dân xã",
	"place_name":  "",
	"chair_name":  "",
}

// ProfileGaps lists the settings still holding placeholders, in the
// settings' order: until they are filled, nothing should be issued.
func (o *Office) ProfileGaps(ctx context.Context) ([]ProfileGap, error) {
	list, err := o.Settings(ctx)
	if err != nil {
		return nil, err
	}
	var gaps []ProfileGap
	for _, s := range list {
		ph, ok := placeholders[s.Key]
		if !ok {
			continue
		}
		v := strings.TrimSpace(s.Value)
		if v == ph || v == "" || strings.EqualFold(v, "Ủy ban nhân dân xã") {
			gaps = append(gaps, ProfileGap{Key: s.Key, Label: s.Label})
		}
	}
	return gaps, nil
}

// CheckProfile is nil when the commune's profile is complete, else an
// error naming what is missing, for reception to show before a receipt
// is issued under placeholders.
func (o *Office) CheckProfile(ctx context.Context) error {
	gaps, err := o.ProfileGaps(ctx)
	if err != nil || len(gaps) == 0 {
		return err
	}
	var names []string
	for _, g := range gaps {
		names = append(names, "“"+settingLabelShort(g.Label)+"”")
	}
	return fmt.Errorf("%w: còn thiếu %s. Hãy điền trong mục Cài đặt trước khi tiếp nhận hồ sơ, để giấy tiếp nhận và mã hồ sơ mang đúng tên và mã của xã",
		ErrProfileIncomplete, strings.Join(names, ", "))
}

// ErrProfileIncomplete is wrapped by CheckProfile's refusal.
var ErrProfileIncomplete = errors.New("thông tin của xã chưa đủ để cấp giấy tờ")

func settingLabelShort(l string) string {
	if i := strings.Index(l, " ("); i > 0 {
		return l[:i]
	}
	return l
}

// FirstStart reports whether the window should open on the first-start
// wizard: an empty register whose profile is still the placeholders.
func (o *Office) FirstStart(ctx context.Context) (bool, error) {
	any, err := o.st.HasDossiers(ctx) // at every start: no count of the whole register
	if err != nil || any {
		return false, err
	}
	gaps, err := o.ProfileGaps(ctx)
	return len(gaps) > 0, err
}

// DemoPath is the demo register's file beside the real one: practice data
// never goes into the real register.
func DemoPath(realPath string) string {
	ext := filepath.Ext(realPath)
	return strings.TrimSuffix(realPath, ext) + "-du-lieu-mau" + ext
}

// IsDemoPath reports a demo register's file, which every screen marks
// "DỮ LIỆU MẪU".
func IsDemoPath(path string) bool {
	return strings.HasSuffix(strings.TrimSuffix(path, filepath.Ext(path)), "-du-lieu-mau")
}

// SeedToday makes a demo register a living office on the day it is
// opened, whatever the weekday: a few open dossiers due today, some due on
// the next working day, some already overdue, and letters waiting for the
// chair. It adds to what Seed made.
func (o *Office) SeedToday(ctx context.Context, seed uint64) error {
	if err := o.can(ctx, people.ActImport); err != nil {
		return err
	}
	now := o.Now()
	cal := o.cfg().cal
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, calendar.Zone)
	next := cal.NextWorkingDay(today)
	procs, err := o.Procedures(ctx)
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x51ed))
	sameDay := func(a, b time.Time) bool {
		a, b = a.In(calendar.Zone), b.In(calendar.Zone)
		return a.Year() == b.Year() && a.YearDay() == b.YearDay()
	}
	// receiptFor finds a past working morning whose dossier of p falls due
	// as want says.
	receiptFor := func(p register.Procedure, want func(due time.Time) bool) (time.Time, bool) {
		for back := 0; back < 90; back++ {
			day := today.AddDate(0, 0, -back)
			if !cal.IsWorkingDay(day) {
				continue
			}
			at := day.Add(8*time.Hour + time.Duration(rng.IntN(120))*time.Minute)
			if at.After(now) {
				continue
			}
			if want(cal.Due(at, p.Limit)) {
				return at, true
			}
		}
		return time.Time{}, false
	}
	var made []*register.Dossier
	add := func(n int, want func(due time.Time) bool) error {
		for i := 0; i < n; i++ {
			for tries := 0; tries < 20; tries++ {
				p := procs[rng.IntN(len(procs))]
				if p.Inactive {
					continue
				}
				at, ok := receiptFor(p, want)
				if !ok {
					continue
				}
				d, err := o.Receive(ctx, ReceiveInput{ProcedureCode: p.Code, At: at,
					Applicant: register.Applicant{Name: seedName(rng), Address: pick(rng, hamlets) + ", xã Đông Văn"}})
				if err != nil {
					return err
				}
				made = append(made, d)
				break
			}
		}
		return nil
	}
	if err := add(4, func(due time.Time) bool { return sameDay(due, today) }); err != nil {
		return err
	}
	if err := add(3, func(due time.Time) bool { return sameDay(due, next) }); err != nil {
		return err
	}
	if err := add(3, func(due time.Time) bool { return due.Before(today) && due.After(today.AddDate(0, 0, -10)) }); err != nil {
		return err
	}
	// Letters waiting for the chair: thanks to citizens whose dossiers
	// are in.
	for i, d := range made {
		if i >= 3 {
			break
		}
		if _, err := o.DraftLetter(ctx, LetterInput{Kind: letters.Thanks, DossierCode: d.Code, Salutation: GuessSalutation(d.Applicant.Name),
			Fields: map[string]string{"noi_dung": "đã góp ý để bộ phận một cửa phục vụ tốt hơn"}}); err != nil {
			return err
		}
	}
	return nil
}

// requireProfile refuses to issue anything (a dossier code, a receipt, a
// numbered letter) while the commune's profile still holds placeholders:
// the command line and every desk go through here, not only reception's
// screen. It reads the profile in force, not the store, so it costs
// nothing per dossier. doing says what was refused, e.g. "tiếp nhận hồ sơ".
func (o *Office) requireProfile(doing string) error {
	p := o.cfg().profile
	value := map[string]string{"agency_code": p.AgencyCode, "commune": p.Commune, "place_name": p.PlaceName, "chair_name": p.ChairName}
	var names []string
	for _, d := range settingDefs {
		ph, ok := placeholders[d.key]
		if !ok {
			continue
		}
		v := strings.TrimSpace(value[d.key])
		if v == ph || v == "" || strings.EqualFold(v, "Ủy ban nhân dân xã") {
			names = append(names, "“"+settingLabelShort(d.label)+"”")
		}
	}
	if len(names) == 0 {
		return nil
	}
	return fmt.Errorf("%w: còn thiếu %s, nên chưa thể %s. Hãy điền trong mục Cài đặt (hoặc bằng lệnh motcua settings) rồi làm lại, để giấy tờ và mã hồ sơ mang đúng tên và mã của xã",
		ErrProfileIncomplete, strings.Join(names, ", "), doing)
}
