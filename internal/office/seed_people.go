package office

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"motcua/internal/docs"
	"motcua/internal/letters"
	"motcua/internal/people"
	"motcua/internal/register"
	"motcua/internal/store"
	"motcua/internal/survey"
)

// seedStaff is the demo commune's staff; the chair's name matches the demo
// profile's.
var seedStaff = []struct {
	name, title string
	role        people.Role
	phone       string
	yearsAgo    int
	leftDaysAgo int // 0: still working
	signs       bool
}{
	{"Lê Văn Tuấn", "Chủ tịch UBND xã", people.RoleChair, "0912 100 201", 5, 0, true},
	{"Phạm Thị Hòa", "Phó Chủ tịch UBND xã", people.RoleViceChair, "0912 100 202", 4, 0, true},
	{"Nguyễn Thị Lan", "Công chức Văn phòng - Thống kê", people.RoleCounter, "0912 100 203", 6, 0, true},
	{"Đỗ Văn Hùng", "Công chức Tư pháp - Hộ tịch", people.RoleCounter, "0912 100 204", 3, 0, true},
	{"Hoàng Thị Mai", "Công chức Tư pháp - Hộ tịch", people.RoleSpecialist, "0912 100 205", 7, 0, true},
	{"Vũ Đức Thắng", "Công chức Địa chính - Xây dựng", people.RoleSpecialist, "0912 100 206", 2, 0, true},
	{"Lò Thị Ngân", "Công chức Văn hóa - Xã hội", people.RoleSpecialist, "0912 100 207", 3, 0, true},
	{"Trịnh Minh Quân", "Công chức Tài chính - Kế toán", people.RoleSpecialist, "0912 100 208", 2, 0, false},
	{"Bùi Văn Long", "Công chức Văn phòng - Thống kê (quản trị phần mềm)", people.RoleAdmin, "0912 100 209", 2, 0, false},
	{"Trần Văn Cường", "Công chức Địa chính - Xây dựng", people.RoleSpecialist, "0912 100 210", 8, 90, true},
}

// seedPeople adds the people side of the demo office: staff and their
// pledges, letters sent, ratings, feedback and dialogues. It scales with the
// commune, not with the register (at most a few thousand ratings), and does
// nothing when the staff register already has someone.
func (o *Office) seedPeople(ctx context.Context, seed uint64) error {
	existing, err := o.st.StaffList(ctx)
	if err != nil || len(existing) > 0 {
		return err
	}
	r := rand.New(rand.NewPCG(seed^0x5eed, seed+7))
	now := o.Now()
	today := people.Day(now)
	ids := map[string]string{}
	for _, s := range seedStaff {
		st := Staff{Name: s.name, Position: s.title, Role: s.role, Phone: s.phone, Unit: o.cfg().profile.Commune,
			Start: time.Date(today.Year()-s.yearsAgo, time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, today.Location())}
		st, err := o.AddStaff(ctx, st)
		if err != nil {
			return fmt.Errorf("dữ liệu mẫu (cán bộ): %w", err)
		}
		ids[s.name] = st.ID
	}
	if err := o.seedPledges(ctx, r, today, ids); err != nil {
		return fmt.Errorf("dữ liệu mẫu (cam kết): %w", err)
	}
	for _, s := range seedStaff {
		if s.leftDaysAgo > 0 {
			if _, err := o.EndStaff(ctx, ids[s.name], today.AddDate(0, 0, -s.leftDaysAgo)); err != nil {
				return fmt.Errorf("dữ liệu mẫu (cán bộ thôi công tác): %w", err)
			}
		}
	}
	if _, err := o.AddStaffNote(ctx, ids["Nguyễn Thị Lan"], people.Note{Kind: people.Praise, On: today.AddDate(0, -2, 0),
		Source: "Thư khen của bà Giàng Thị Hoa, thôn Trung", Text: "Hướng dẫn tận tình, điền hộ tờ khai cho người cao tuổi"}); err != nil {
		return err
	}
	if _, err := o.AddStaffNote(ctx, ids["Vũ Đức Thắng"], people.Note{Kind: people.Violation, On: today.AddDate(0, -1, -3),
		Source: "Phản ánh qua đường dây nóng, đã xác minh đúng", Text: "Hẹn trả hồ sơ đất đai muộn mà không báo trước cho người dân"}); err != nil {
		return err
	}
	returned, err := o.st.Page(ctx, store.Filter{States: []register.State{register.Returned}, Limit: 2500})
	if err != nil {
		return err
	}
	if err := o.seedRatings(ctx, r, returned, now); err != nil {
		return fmt.Errorf("dữ liệu mẫu (đánh giá): %w", err)
	}
	if err := o.seedLetters(ctx, r, returned, now); err != nil {
		return fmt.Errorf("dữ liệu mẫu (thư): %w", err)
	}
	if err := o.seedFeedback(ctx, r, returned, now, ids); err != nil {
		return fmt.Errorf("dữ liệu mẫu (phản ánh): %w", err)
	}
	if err := o.seedDialogues(ctx, r, now); err != nil {
		return fmt.Errorf("dữ liệu mẫu (đối thoại): %w", err)
	}
	return nil
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// seedPledges: last year everyone signed; this year all but two, a few
// with the printed form attached.
func (o *Office) seedPledges(ctx context.Context, r *rand.Rand, today time.Time, ids map[string]string) error {
	if err := o.ChoosePledgeSets(ctx, []string{"4-xin", "4-luon", "5-khong"}); err != nil {
		return err
	}
	sets, err := o.ChosenPledgeSets(ctx)
	if err != nil {
		return err
	}
	scans := 0
	for _, s := range seedStaff {
		for _, year := range []int{today.Year() - 1, today.Year()} {
			if year == today.Year() && (!s.signs || s.leftDaysAgo > 0) {
				continue
			}
			on := minTime(time.Date(year, 1, 5+r.IntN(10), 0, 0, 0, 0, today.Location()), today)
			st, err := o.FindStaff(ctx, ids[s.name])
			if err != nil {
				return err
			}
			if on.Before(st.Start) {
				continue
			}
			in := PledgeInput{Staff: st.ID, SignedOn: on, Year: year}
			if year == today.Year() && scans < 3 {
				var pdf bytes.Buffer
				f, err := Fonts()
				if err != nil {
					return err
				}
				if err := docs.PledgeForm(&pdf, f, o.DocProfile(), docs.Pledge{Staff: st, Sets: sets, Date: on}); err != nil {
					return err
				}
				in.ScanName, in.Scan = "cam-ket-"+fmt.Sprint(year)+"-"+fmt.Sprint(scans+1)+".pdf", pdf.Bytes()
				scans++
			}
			if _, err := o.SignPledge(ctx, in); err != nil {
				return err
			}
		}
	}
	return nil
}

// seedRatings rates about seven in ten of the most recent returned
// dossiers: mostly satisfied, a few neutral, fewer dissatisfied; some with
// SIPAS scores, some collected on paper or by phone.
func (o *Office) seedRatings(ctx context.Context, r *rand.Rand, returned []register.Dossier, now time.Time) error {
	comments := []string{"Cán bộ hướng dẫn tận tình", "Trả kết quả sớm hơn hẹn", "Phòng chờ hơi chật", "Phải chờ lâu",
		"Thái độ niềm nở", "Nên có thêm ghế chờ", "Hẹn trả chậm, phải đi lại hai lần"}
	return o.st.Tx(ctx, func(tx *store.Tx) error {
		for _, d := range returned {
			if d.ReturnedAt == nil || r.IntN(10) >= 7 {
				continue
			}
			x := survey.Rating{ID: newID(), DossierID: d.ID, DossierCode: d.Code, ReturnedAt: *d.ReturnedAt, Level: survey.Satisfied,
				Channel: survey.AtCounter, CapturedBy: "Nguyễn Thị Lan", RatedAt: d.ReturnedAt.Add(time.Duration(1+r.IntN(5)) * time.Minute)}
			switch roll := r.IntN(100); {
			case roll < 3 || (d.Outcome == register.Late && roll < 40):
				x.Level = survey.Dissatisfied
			case roll < 12:
				x.Level = survey.Neutral
			}
			switch c := r.IntN(100); {
			case c < 22:
				x.Channel, x.RatedAt = survey.Paper, d.ReturnedAt.Add(time.Duration(24+r.IntN(72))*time.Hour)
			case c < 27:
				x.Channel, x.RatedAt = survey.Phone, d.ReturnedAt.Add(time.Duration(48+r.IntN(96))*time.Hour)
			}
			x.RatedAt = minTime(x.RatedAt, now)
			if r.IntN(10) < 3 {
				base := 5 - int(x.Level-1)*2
				score := func() int { return max(1, min(5, base-r.IntN(2))) }
				x.Factors = survey.Factors{Access: score(), Procedures: score(), Staff: score(), Result: score(), Feedback: score()}
			}
			if x.Level != survey.Satisfied || r.IntN(10) == 0 {
				x.Comment = comments[r.IntN(len(comments))]
			}
			x.CreatedAt, x.UpdatedAt = x.RatedAt, x.RatedAt
			if err := tx.InsertRating(x); err != nil {
				return err
			}
		}
		return nil
	})
}

// seedLetters issues the congratulations and condolences of this year's
// recent births, marriages and deaths, most of them sent.
func (o *Office) seedLetters(ctx context.Context, r *rand.Rand, returned []register.Dossier, now time.Time) error {
	templates, err := o.templates(ctx)
	if err != nil {
		return err
	}
	kinds := map[string]letters.Kind{}
	procs, err := o.st.Procedures(ctx)
	if err != nil {
		return err
	}
	for _, p := range procs {
		if k := letters.Kind(p.Letter); k.Valid() {
			kinds[p.Code] = k
		}
	}
	var picked []register.Dossier
	for _, d := range returned {
		if _, ok := kinds[d.ProcedureCode]; ok && d.ReturnedAt != nil && d.ReturnedAt.Year() == now.Year() && len(picked) < 60 {
			picked = append(picked, d)
		}
	}
	slices.SortFunc(picked, func(a, b register.Dossier) int { return a.ReturnedAt.Compare(*b.ReturnedAt) })
	body := o.cfg().profile.AgencyCode
	babies := []string{"Gia Bảo", "Minh Khôi", "Bảo Ngọc", "Khánh An", "Tuệ Lâm", "Hà My"}
	return o.st.Tx(ctx, func(tx *store.Tx) error {
		year, last, err := tx.OutgoingBook(body)
		if err != nil {
			return err
		}
		book := letters.Book{Year: year, Last: last}
		for i, d := range picked {
			k := kinds[d.ProcedureCode]
			issued := minTime(d.ReturnedAt.Add(time.Duration(2+r.IntN(48))*time.Hour), now)
			in := LetterInput{Kind: k, DossierCode: d.Code, Fields: map[string]string{}}
			switch k {
			case letters.Birth:
				in.Fields["ten_con"] = strings.Fields(d.Applicant.Name)[0] + " " + babies[r.IntN(len(babies))]
				in.Fields["ngay"] = letters.DateInWords(d.ReceivedAt.AddDate(0, 0, -3-r.IntN(20)))
			case letters.Condolence:
				in.Fields["nguoi_mat"] = "cụ " + seedName(r)
				in.Fields["ngay"] = letters.DateInWords(d.ReceivedAt.AddDate(0, 0, -1-r.IntN(3)))
			}
			dd := d
			values := o.letterFields(in, &dd)
			paras, err := letters.Render(templates[string(k)], values)
			if err != nil {
				return err
			}
			n, next, err := book.Next(issued)
			if err != nil {
				return err
			}
			book = next
			l := Letter{ID: newID(), Kind: string(k), DossierID: d.ID, Recipient: values["nguoi_nhan"], Address: values["dia_chi"],
				Fields: values, Paragraphs: paras, Status: LetterIssued, Year: book.Year, Number: n, Symbol: letters.DefaultSymbol,
				DraftedAt: issued.Add(-time.Hour), IssuedAt: &issued}
			if err := tx.SaveLetter(l); err != nil {
				return err
			}
			if i%5 == 4 || issued.Add(24*time.Hour).After(now) {
				continue // not sent yet
			}
			how := []letters.Delivery{letters.ByHand, letters.ByHand, letters.ByPost, letters.AtCounter}[r.IntN(4)]
			sent := minTime(issued.Add(time.Duration(20+r.IntN(72))*time.Hour), now)
			if err := tx.InsertSending(LetterSending{ID: newID(), LetterID: l.ID, How: string(how), SentAt: sent, CreatedAt: sent, UpdatedAt: sent}); err != nil {
				return err
			}
		}
		return tx.SetOutgoingBook(body, book.Year, book.Last)
	})
}

// seedFeedback: a dozen items over four months, most answered on time, a
// few late, two still open of which one overdue.
func (o *Office) seedFeedback(ctx context.Context, r *rand.Rand, returned []register.Dossier, now time.Time, ids map[string]string) error {
	items := []struct {
		ch      survey.FeedbackChannel
		content string
		staff   string
		daysAgo int
		answer  int // days after receipt; 0: still open
		ok      bool
	}{
		{survey.Hotline, "Hồ sơ đất đai hẹn trả nhưng đến hẹn chưa có kết quả, không được báo trước", "Vũ Đức Thắng", 110, 6, true},
		{survey.InPerson, "Đề nghị bố trí thêm ghế chờ và quạt tại phòng tiếp nhận", "", 95, 4, true},
		{survey.Box, "Khen cán bộ một cửa hướng dẫn tận tình cho người cao tuổi", "Nguyễn Thị Lan", 80, 2, true},
		{survey.Portal, "Hỏi thời gian giải quyết chứng thực hợp đồng mua bán nhà", "", 70, 3, true},
		{survey.ByLetter, "Kiến nghị niêm yết công khai phí, lệ phí chứng thực rõ hơn", "", 62, 18, false},
		{survey.ByPhone, "Phải đi lại hai lần vì hướng dẫn thiếu giấy tờ", "Đỗ Văn Hùng", 45, 15, true},
		{survey.Hotline, "Đề nghị làm việc buổi sáng thứ Bảy để người đi làm xa nộp hồ sơ", "", 30, 8, true},
		{survey.InPerson, "Máy lấy số thứ tự bị hỏng nhiều ngày", "", 21, 0, false},
		{survey.Box, "Đề nghị có nhà vệ sinh cho người khuyết tật", "", 6, 0, false},
		{survey.Portal, "Hỏi thủ tục đăng ký lại khai sinh cho con", "", 3, 1, true},
	}
	for i, it := range items {
		rec := now.AddDate(0, 0, -it.daysAgo)
		rec = time.Date(rec.Year(), rec.Month(), rec.Day(), 8+r.IntN(8), r.IntN(60), 0, 0, rec.Location())
		if !o.Calendar().IsWorkingDay(rec) {
			rec = o.Calendar().NextWorkingDay(rec).Add(9 * time.Hour)
		}
		if rec.After(now) {
			continue
		}
		in := FeedbackInput{ReceivedAt: rec, Channel: it.ch, Content: it.content, Handler: "Phạm Thị Hòa"}
		if i%3 != 2 {
			in.Sender, in.Contact = seedName(r), fmt.Sprintf("09%08d", r.IntN(100_000_000))
		}
		if it.staff != "" {
			in.Staff = ids[it.staff]
		}
		if i == 0 && len(returned) > 0 {
			in.DossierCode = returned[len(returned)-1].Code
		}
		f, err := o.AddFeedback(ctx, in)
		if err != nil {
			return err
		}
		if it.answer == 0 {
			continue
		}
		at := o.Calendar().AddWorkingDays(rec, it.answer).Add(15 * time.Hour)
		if at.After(now) {
			continue
		}
		ok := it.ok
		if _, err := o.AnswerFeedback(ctx, f.ID, "Ủy ban nhân dân xã đã tiếp thu, kiểm tra và trả lời trực tiếp cho người phản ánh", at, &ok); err != nil {
			return err
		}
	}
	return nil
}

// seedDialogues: three conferences over the past year, their commitments
// done on time, done late or still open.
func (o *Office) seedDialogues(ctx context.Context, r *rand.Rand, now time.Time) error {
	conf := []struct {
		monthsAgo  int
		place      string
		attendance int
		issues     []string
		commits    [][3]string // text, owner, deadline in days after
		doneAfter  []int       // days after the dialogue; 0: open
	}{
		{10, "Hội trường UBND xã", 120, []string{"Đường liên thôn Đông - Tây xuống cấp", "Chậm cấp giấy chứng nhận quyền sử dụng đất", "Thiếu điểm sinh hoạt cho thanh niên"},
			[][3]string{{"Lập hồ sơ sửa đường liên thôn Đông - Tây", "Công chức Địa chính - Xây dựng", "90"}, {"Giải quyết dứt điểm hồ sơ đất đai tồn đọng", "Công chức Địa chính - Xây dựng", "60"}},
			[]int{85, 75}},
		{5, "Nhà văn hóa thôn Trung", 85, []string{"Đèn chiếu sáng ngõ xóm hỏng", "Rác thải chưa được thu gom đúng lịch"},
			[][3]string{{"Thay đèn chiếu sáng các ngõ thôn Trung", "Trưởng thôn Trung", "30"}, {"Ký lại hợp đồng thu gom rác", "Công chức Văn hóa - Xã hội", "45"}},
			[]int{20, 0}},
		{1, "Nhà văn hóa bản Pù Nhi", 64, []string{"Đề nghị hướng dẫn làm thủ tục trực tuyến", "Con em đi làm xa chưa làm được căn cước"},
			[][3]string{{"Mở lớp hướng dẫn nộp hồ sơ trực tuyến tại bản", "Công chức Văn phòng - Thống kê", "40"}},
			[]int{0}},
	}
	for _, c := range conf {
		held := now.AddDate(0, -c.monthsAgo, 0)
		held = time.Date(held.Year(), held.Month(), held.Day(), 8, 0, 0, 0, held.Location())
		if !o.Calendar().IsWorkingDay(held) {
			held = o.Calendar().NextWorkingDay(held).Add(8 * time.Hour)
		}
		if held.After(now) {
			continue
		}
		d, err := o.AddDialogue(ctx, survey.Dialogue{HeldAt: held, Place: c.place, Chair: "Lê Văn Tuấn, Chủ tịch UBND xã",
			Participants: "Bí thư Đảng ủy xã, Chủ tịch Ủy ban MTTQ xã, trưởng các thôn, bản", Attendance: c.attendance + r.IntN(10), Issues: c.issues})
		if err != nil {
			return err
		}
		for i, cm := range c.commits {
			var days int
			fmt.Sscan(cm[2], &days)
			k, err := o.AddCommitment(ctx, d.ID, survey.Commitment{Text: cm[0], Owner: cm[1], Deadline: held.AddDate(0, 0, days)})
			if err != nil {
				return err
			}
			if c.doneAfter[i] > 0 {
				if done := held.AddDate(0, 0, c.doneAfter[i]); done.Before(now) {
					if _, err := o.CompleteCommitment(ctx, k.ID, done, "Đã thực hiện xong, báo cáo tại kỳ họp"); err != nil {
						return err
					}
				}
			}
		}
	}
	return nil
}
