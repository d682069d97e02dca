package office

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/people"
	"motcua/internal/register"
	"motcua/internal/store"
)

// SeedOptions shape the synthetic register `motcua seed` builds for demos
// and benchmarks.
type SeedOptions struct {
	Dossiers int
	// Years back from now the dossiers are spread over (default: enough for
	// about 120 dossiers a working day, at least 1).
	Years int
	// Seed makes the data reproducible.
	Seed uint64
	// Progress, when set, is called after each committed batch.
	Progress func(done int)
	// People also seeds the people side (staff, pledges, letters, ratings,
	// feedback, dialogues) once, when the staff register is empty.
	People bool
}

// Seed fills the register with realistic synthetic dossiers: Vietnamese
// names and addresses, the real procedure mix, and outcomes as a commune
// that keeps the law's deadlines would have them (most early or on time, a
// few late with an apology, some supplements, refusals and withdrawals).
// Each dossier goes through the same register rules as a real one. The
// dossiers are spread over working days ending today; recent ones are
// still open.
func (o *Office) Seed(ctx context.Context, opt SeedOptions) (int, error) {
	if err := o.can(ctx, people.ActImport); err != nil {
		return 0, err
	}
	if opt.Dossiers <= 0 {
		return 0, fmt.Errorf("số hồ sơ cần tạo phải lớn hơn 0")
	}
	if opt.Dossiers > 20_000_000 {
		return 0, fmt.Errorf("số hồ sơ cần tạo tối đa là 20.000.000")
	}
	if opt.Years < 0 || opt.Years > 50 {
		return 0, fmt.Errorf("số năm trải dữ liệu mẫu %d không hợp lệ: nhập từ 1 đến 50", opt.Years)
	}
	if err := o.SeedAllowed(ctx); err != nil {
		return 0, err
	}
	if err := o.requireProfile("tạo hồ sơ mẫu"); err != nil {
		return 0, err
	}
	seeded, err := o.seededCount(ctx)
	if err != nil {
		return 0, err
	}
	procs, err := o.Procedures(ctx)
	if err != nil {
		return 0, err
	}
	byCode := map[string]register.Procedure{}
	for _, p := range procs {
		byCode[p.Code] = p
	}
	var mix []weighted
	for _, w := range procedureMix {
		if p, ok := byCode[w.code]; ok {
			mix = append(mix, weighted{p, w.weight})
		}
	}
	if len(mix) == 0 {
		for _, p := range procs {
			mix = append(mix, weighted{p, 1})
		}
	}
	total := 0
	for _, w := range mix {
		total += w.weight
	}
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15))
	now := o.Now()
	years := opt.Years
	if years <= 0 {
		years = max(1, opt.Dossiers/(120*250)+1)
	}
	// Working days from years ago up to today.
	start := now.AddDate(-years, 0, 0)
	var days []time.Time
	for d := time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, calendar.Zone); !d.After(now); d = d.AddDate(0, 0, 1) {
		if o.cfg().cal.IsWorkingDay(d) {
			days = append(days, d)
		}
	}
	if len(days) == 0 {
		days = append(days, now)
	}
	h := o.cfg().cal.Hours()
	seqs := map[int]int{}    // day key → last sequence used
	entries := map[int]int{} // year → last entry number used
	const batch = 20_000
	done := 0
	for done < opt.Dossiers {
		n := min(batch, opt.Dossiers-done)
		err := o.st.Tx(ctx, func(tx *store.Tx) error {
			if err := tx.SetSetting(seededKey, strconv.Itoa(seeded+done+n)); err != nil {
				return err
			}
			batchDs := make([]*register.Dossier, 0, n)
			batchSeqs := make([]int, 0, n)
			for i := 0; i < n; i++ {
				k := done + i
				day := days[k*len(days)/opt.Dossiers]
				d, err := o.seedOne(rng, mix, total, day, h, now)
				if err != nil {
					return err
				}
				dk := day.Year()*10000 + int(day.Month())*100 + day.Day()
				seq, ok := seqs[dk]
				if !ok {
					s, e, err := tx.NextNumbers(o.cfg().profile.AgencyCode, d.ReceivedAt)
					if err != nil {
						return err
					}
					seq = s - 1
					if _, ok := entries[day.Year()]; !ok {
						entries[day.Year()] = e - 1
					}
				}
				seq++
				seqs[dk] = seq
				entries[day.Year()]++
				d.ID = newID()
				d.Code = register.FormatCode(o.cfg().profile.AgencyCode, d.ReceivedAt, seq)
				d.EntryNo, d.BookNo = entries[day.Year()], o.cfg().profile.BookNo
				batchDs, batchSeqs = append(batchDs, d), append(batchSeqs, seq)
				if i == n-1 || days[(k+1)*len(days)/opt.Dossiers] != day {
					// The numbers were given here, not by NextNumbers: tell the counters.
					if err := tx.NoteNumbers(o.cfg().profile.AgencyCode, d.ReceivedAt, seq, entries[day.Year()]); err != nil {
						return err
					}
				}
			}
			return tx.InsertDossiers(o.cfg().profile.AgencyCode, batchSeqs, batchDs)
		})
		if err != nil {
			return done, err
		}
		done += n
		if opt.Progress != nil {
			opt.Progress(done)
		}
	}
	if err := o.st.Analyze(ctx); err != nil {
		return done, err
	}
	if !opt.People {
		return done, nil
	}
	return done, o.seedPeople(ctx, opt.Seed)
}

// seededKey is the setting counting the synthetic dossiers in a register,
// so seeding refuses a register that also holds real ones (the seeder's
// fast mode commits without flushing to disk).
const seededKey = "seeded_dossiers"

// SeedAllowed refuses a register that holds real dossiers (any beyond the
// ones the seeder made).
func (o *Office) SeedAllowed(ctx context.Context) error {
	seeded, err := o.seededCount(ctx)
	if err != nil {
		return err
	}
	all, err := o.Count(ctx, Filter{})
	if err != nil {
		return err
	}
	if all > seeded {
		return fmt.Errorf("sổ %s đã có %d hồ sơ thật; lệnh tạo dữ liệu mẫu chỉ chạy trên một tệp mới hoặc tệp chỉ chứa dữ liệu mẫu (dùng --db TỆP_MỚI.db)", o.Path(), all-seeded)
	}
	return nil
}

func (o *Office) seededCount(ctx context.Context) (int, error) {
	v, ok, err := o.st.Setting(ctx, seededKey)
	if err != nil || !ok {
		return 0, err
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, fmt.Errorf("cài đặt %s = %q không hợp lệ", seededKey, v)
	}
	return n, nil
}

type weighted struct {
	p      register.Procedure
	weight int
}

// procedureMix is a commune's typical year: certification and civil
// status dominate.
var procedureMix = []struct {
	code   string
	weight int
}{
	{"chung-thuc-ban-sao", 300}, {"chung-thuc-chu-ky", 80}, {"khai-sinh", 90}, {"trich-luc-ho-tich", 60},
	{"xac-nhan-hon-nhan", 50}, {"ket-hon", 35}, {"khai-tu", 25}, {"chung-thuc-hop-dong", 40},
	{"tam-tru", 30}, {"thuong-tru", 20}, {"tro-cap-xa-hoi", 15}, {"ho-tro-mai-tang", 5},
	{"dat-dai-lan-dau", 12}, {"giay-phep-xay-dung", 6}, {"ho-kinh-doanh", 10}, {"cai-chinh-ho-tich", 8},
	{"nhan-cha-me-con", 2}, {"giam-ho", 1}, {"bo-sung-ho-tich", 4}, {"dang-ky-lai-khai-sinh", 3},
}

var (
	familyNames = []string{"Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh",
		"Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Lương", "Giàng", "Sùng", "Lò", "Hà", "Mai", "Tạ"}
	middleMale   = []string{"Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Thanh", "Xuân", "Công", "Ngọc", "A", "Tiến"}
	middleFemale = []string{"Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Hồng", "Phương", "Diệu"}
	givenMale    = []string{"An", "Bình", "Cường", "Dũng", "Đạt", "Đức", "Hải", "Hùng", "Huy", "Khánh", "Long", "Mạnh",
		"Nam", "Phong", "Quân", "Sơn", "Thắng", "Tuấn", "Việt", "Vinh", "Páo", "Chư", "Lử", "Thành", "Trung", "Ặn"}
	givenFemale = []string{"Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Liên", "Linh", "Loan",
		"Mai", "Ngân", "Nhung", "Phương", "Quỳnh", "Thảo", "Trang", "Tuyết", "Vân", "Yến", "Ý", "Ngọc"}
	hamlets  = []string{"Thôn Đông", "Thôn Tây", "Thôn Trung", "Thôn Thượng", "Thôn Hạ", "Bản Pù Nhi", "Bản Lìn", "Xóm Mới", "Thôn Yên Khê", "Thôn Phú Lộc", "Tổ dân phố 3", "Thôn Đồng Tâm"}
	communes = []string{"xã Đông Văn", "xã Trung Lý", "xã Pù Nhi", "xã Quảng Phú", "xã Xuân Lập"}
	units    = []string{"Công chức Tư pháp - Hộ tịch", "Công chức Địa chính - Xây dựng", "Công chức Văn hóa - Xã hội", "Công an xã", "Lãnh đạo UBND xã"}
)

// seedChannel spreads dossiers over receipt channels (mostly the counter)
// without drawing from the random stream, so seeded registers stay as
// they were in every other field.
func seedChannel(at time.Time) string {
	switch at.Minute() % 10 {
	case 7, 8:
		return register.Online
	case 9:
		return register.ByPost
	}
	return register.AtCounter
}

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

func seedName(r *rand.Rand) string {
	if r.IntN(2) == 0 {
		return pick(r, familyNames) + " " + pick(r, middleMale) + " " + pick(r, givenMale)
	}
	return pick(r, familyNames) + " " + pick(r, middleFemale) + " " + pick(r, givenFemale)
}

func (o *Office) seedOne(r *rand.Rand, mix []weighted, total int, day time.Time, h calendar.Hours, now time.Time) (*register.Dossier, error) {
	x := r.IntN(total)
	var p register.Procedure
	for _, w := range mix {
		if x < w.weight {
			p = w.p
			break
		}
		x -= w.weight
	}
	// Receipt time within office hours, a few after the cut-off.
	open := int(h.LunchStart-h.Open) + int(h.Close-h.LunchEnd)
	m := r.IntN(open)
	clock := int(h.Open) + m
	if m >= int(h.LunchStart-h.Open) {
		clock = int(h.LunchEnd) + m - int(h.LunchStart-h.Open)
	}
	at := day.Add(time.Duration(clock) * time.Minute)
	if at.After(now) {
		at = now.Add(-time.Minute)
	}
	var phone string
	if r.IntN(10) < 8 {
		phone = fmt.Sprintf("0%d%d%07d", pick(r, []int{9, 3, 8, 7}), r.IntN(10), r.IntN(10_000_000))
	}
	addr := pick(r, hamlets) + ", " + pick(r, communes)
	d, err := register.Receive(register.Intake{
		Procedure: p, Applicant: register.Applicant{Name: seedName(r), Address: addr, Phone: phone},
		At: at, Actor: "Nguyễn Thị Lan", Counter: o.cfg().profile.CounterName, Sets: 1 + r.IntN(10)/9,
		Documents: p.Documents, FormSet: o.cfg().profile.FormSet, Channel: seedChannel(at),
	}, o.cfg().cal)
	if err != nil {
		return nil, err
	}
	step := func(t time.Time) register.Step { return register.Step{At: t, Actor: "Nguyễn Thị Lan"} }
	unit := p.Unit
	if unit == "" {
		unit = pick(r, units)
	}
	// How far the dossier has come depends on how long ago it arrived.
	roll := r.IntN(1000)
	if p.Limit.Unit != calendar.SameDay {
		if _, err := d.Forward(step(at.Add(time.Duration(5+r.IntN(90))*time.Minute)), unit); err != nil {
			return nil, err
		}
	}
	switch {
	case roll < 8: // refused
		_, err = d.Refuse(step(later(d, r)), d.DefaultRefusal(), "Hồ sơ không thuộc thẩm quyền giải quyết của UBND xã")
	case roll < 14: // withdrawn
		_, err = d.Withdraw(step(later(d, r)), "Công dân xin rút hồ sơ")
	case roll < 40 && d.State != register.Received: // supplement, then resumed
		t := later(d, r)
		if _, _, err = d.RequestSupplement(step(t), []string{"Bản sao giấy tờ tùy thân còn thiếu"}, "Hồ sơ chưa đủ thành phần theo quy định của thủ tục", o.cfg().cal); err == nil && t.AddDate(0, 0, 3).Before(now) {
			_, err = d.Resume(step(t.AddDate(0, 0, 1+r.IntN(3))), o.cfg().profile.CounterName, o.cfg().cal)
			if err == nil {
				err = o.seedFinish(r, d, now, roll)
			}
		}
	default:
		err = o.seedFinish(r, d, now, roll)
	}
	return d, err
}

// later is a moment shortly after the dossier's last event.
func later(d *register.Dossier, r *rand.Rand) time.Time {
	return d.Events[len(d.Events)-1].At.Add(time.Duration(30+r.IntN(240)) * time.Minute)
}

// seedFinish returns the dossier early, on time or late (late ones with an
// apology first), unless that moment is still in the future.
func (o *Office) seedFinish(r *rand.Rand, d *register.Dossier, now time.Time, roll int) error {
	step := func(t time.Time) register.Step { return register.Step{At: t, Actor: "Nguyễn Thị Lan"} }
	last := d.Events[len(d.Events)-1].At
	var ret time.Time
	switch {
	case roll%100 < 3: // late, after an apology given in time
		before := o.cfg().cal.AddWorkingDays(d.DueAt, -2) // midnight; +9h below
		if before.Before(last) {
			before = last
		}
		newDate := o.cfg().cal.AddWorkingDays(d.DueAt, 2)
		if before.Before(now) {
			if _, _, err := d.Apologise(step(before.Add(9*time.Hour)), "Cần xác minh thêm thông tin tại địa phương", newDate, o.cfg().cal); err != nil {
				return err
			}
		}
		ret = newDate.Add(-time.Duration(1+r.IntN(5)) * time.Hour)
	case roll%100 < 30: // on the due day
		ret = d.DueAt.Add(-time.Duration(r.IntN(120)) * time.Minute)
	default: // early
		ret = last.Add(time.Duration(30+r.IntN(6*60)) * time.Minute)
		if !ret.Before(d.DueAt) {
			ret = d.DueAt.Add(-time.Duration(r.IntN(60)) * time.Minute)
		}
	}
	if ret.Before(last) {
		ret = last
	}
	if ret.After(now) {
		return nil // still open
	}
	// A few recent dossiers are still waiting past their due date, as in
	// any real office: the dashboard shows them.
	if roll%100 >= 97 && now.Sub(d.DueAt) < 10*24*time.Hour && d.ApologyAt == nil {
		return nil
	}
	if d.State == register.InProgress {
		doneAt := ret.Add(-time.Duration(r.IntN(30)) * time.Minute)
		if doneAt.Before(last) {
			doneAt = last
		}
		if _, err := d.MarkDone(step(doneAt), o.cfg().profile.CounterName); err != nil {
			return err
		}
	}
	_, err := d.Return(step(ret))
	return err
}
