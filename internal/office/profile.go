package office

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"motcua/internal/calendar"
	"motcua/internal/docs"
	"motcua/internal/people"
	"motcua/internal/report"
	"motcua/internal/store"
)

// Profile is the commune's identity and the office's settings.
type Profile struct {
	AgencyCode    string         `json:"agency_code"`  // mã cơ quan in dossier codes, e.g. 000.17.22.H56
	ParentBody    string         `json:"parent_body"`  // cơ quan chủ quản, usually empty for a commune
	Commune       string         `json:"commune"`      // Ủy ban nhân dân xã Đông Văn (documents print it in capitals)
	CounterName   string         `json:"counter_name"` // Trung tâm Phục vụ hành chính công xã …
	PlaceName     string         `json:"place_name"`   // địa danh on documents: Đông Văn
	Province      string         `json:"province"`     // tỉnh or thành phố the commune belongs to
	Address       string         `json:"address"`      // the office's address, for papers and letters
	ViceChairs    string         `json:"vice_chairs"`  // Phó Chủ tịch who sign "KT. Chủ tịch", separated by ";"
	ChairName     string         `json:"chair_name"`
	ChairTitle    string         `json:"chair_title"` // Chủ tịch or Phó Chủ tịch
	SignAs        string         `json:"sign_as"`     // TM or KT
	ClerkName     string         `json:"clerk_name"`  // who receives at this PC, signs receipts and the audit log
	Phone         string         `json:"phone"`
	FormSet       string         `json:"form_set"`       // TT03/2025 or TT01/2018 for new dossiers
	ArchiveUnit   string         `json:"archive_unit"`   // drafting unit's abbreviation in "Lưu: VT, VP, 02."
	ArchiveCopies int            `json:"archive_copies"` // copies kept, ditto
	FormPaper     string         `json:"form_paper"`     // paper of the one-stop forms: A4 (Decree 30), A5, or A5x2 (two A5 copies on one A4 sheet)
	FormsDir      string         `json:"forms_dir"`      // folder of form-set files replacing the shipped ones (assets/forms); empty: shipped
	BookNo        int            `json:"book_no"`        // quyển số of the register in use
	UpperLevel    string         `json:"upper_level"`
	Hours         calendar.Hours `json:"hours"`
	// ReportStartDay is the day reporting months start: 15 (the 15th of the
	// previous month to the 14th) or 1 (calendar months).
	ReportStartDay int `json:"report_start_day"`
	// Mode is the program's profile: ModeCommune (the counter) or
	// ModeUpper (the upper level, whose window opens on the communes).
	Mode string `json:"mode"`
}

// Profiles of the program (setting profile.mode).
const (
	ModeCommune = "xa"
	ModeUpper   = "cap-tren"
)

// IsUpperLevel reports whether the program runs as the upper level.
func (p Profile) IsUpperLevel() bool { return p.Mode == ModeUpper }

// IsUpperLevel reports whether this office runs in the upper-level profile
// (the window opens on the communes table, not the counter).
func (o *Office) IsUpperLevel() bool { return o.Profile().IsUpperLevel() }

// Form sets a dossier can be received under.
const (
	FormSet2025 = "TT03/2025"
	FormSet2018 = "TT01/2018"
)

type settingDef struct {
	key, label, def string
	check           func(string) error
	apply           func(*Profile, string) error
}

var agencyRe = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z.]*$`)

func clock(set func(*calendar.Hours, calendar.Clock)) func(*Profile, string) error {
	return func(p *Profile, v string) error {
		c, err := calendar.ParseClock(v)
		if err != nil {
			return err
		}
		set(&p.Hours, c)
		return nil
	}
}

func text(set func(*Profile, string)) func(*Profile, string) error {
	return func(p *Profile, v string) error { set(p, v); return nil }
}

var settingDefs = []settingDef{
	{key: "agency_code", label: "Mã cơ quan (dùng trong mã hồ sơ)", def: "000.00.00.H00",
		check: func(v string) error {
			if !agencyRe.MatchString(v) {
				return fmt.Errorf("mã cơ quan %q không hợp lệ: chỉ gồm chữ, số và dấu chấm, ví dụ 000.17.22.H56", v)
			}
			return nil
		},
		apply: text(func(p *Profile, v string) { p.AgencyCode = v })},
	{key: "parent_body", label: "Dòng trên tên UBND xã ở đầu văn bản (để trống: in tên tỉnh; gõ - để không in)", def: "", apply: text(func(p *Profile, v string) { p.ParentBody = v })},
	{key: "commune", label: "Tên cơ quan ban hành (UBND xã)", def: "Ủy ban nhân dân xã", apply: text(func(p *Profile, v string) { p.Commune = v })},
	{key: "counter_name", label: "Tên bộ phận tiếp nhận", def: "Trung tâm Phục vụ hành chính công xã", apply: text(func(p *Profile, v string) { p.CounterName = v })},
	{key: "place_name", label: "Địa danh ghi trên văn bản", def: "", apply: text(func(p *Profile, v string) { p.PlaceName = v })},
	{key: "province", label: "Tỉnh, thành phố", def: "", apply: text(func(p *Profile, v string) { p.Province = v })},
	{key: "address", label: "Địa chỉ trụ sở UBND xã", def: "", apply: text(func(p *Profile, v string) { p.Address = v })},
	{key: "chair_name", label: "Họ tên người ký", def: "", apply: text(func(p *Profile, v string) { p.ChairName = v })},
	{key: "chair_title", label: "Chức vụ người ký (Chủ tịch hoặc Phó Chủ tịch)", def: "Chủ tịch", apply: text(func(p *Profile, v string) { p.ChairTitle = v })},
	{key: "sign_as", label: "Thể thức ký (TM: Chủ tịch ký “TM. ỦY BAN NHÂN DÂN”; KT: Phó Chủ tịch ký thay Chủ tịch “KT. CHỦ TỊCH”)", def: "TM",
		check: func(v string) error {
			if v != "TM" && v != "KT" {
				return fmt.Errorf("thể thức ký %q không hợp lệ: dùng TM (thay mặt) hoặc KT (ký thay)", v)
			}
			return nil
		},
		apply: text(func(p *Profile, v string) { p.SignAs = v })},
	{key: "vice_chairs", label: "Họ tên các Phó Chủ tịch (cách nhau bằng dấu ;)", def: "", apply: text(func(p *Profile, v string) { p.ViceChairs = v })},
	{key: "clerk_name", label: "Họ tên cán bộ tiếp nhận dùng máy này", def: "", apply: text(func(p *Profile, v string) { p.ClerkName = v })},
	{key: "phone", label: "Số điện thoại đường dây nóng", def: "", apply: text(func(p *Profile, v string) { p.Phone = v })},
	{key: "form_set", label: "Bộ biểu mẫu cho hồ sơ mới", def: FormSet2025,
		check: func(v string) error {
			if v != FormSet2025 && v != FormSet2018 {
				return fmt.Errorf("bộ biểu mẫu %q không có: dùng %s hoặc %s", v, FormSet2025, FormSet2018)
			}
			return nil
		},
		apply: text(func(p *Profile, v string) { p.FormSet = v })},
	{key: "form_paper", label: "Khổ giấy in biểu mẫu (A4 theo Nghị định 30; A5; A5x2: hai liên giấy tiếp nhận trên một tờ A4)", def: docs.PaperA4,
		check: func(v string) error {
			if !slices.Contains(docs.PaperSettings(), v) {
				return fmt.Errorf("khổ giấy %q không có: dùng %s", v, strings.Join(docs.PaperSettings(), ", "))
			}
			return nil
		},
		apply: text(func(p *Profile, v string) { p.FormPaper = v })},
	{key: "forms_dir", label: "Thư mục biểu mẫu thay thế (tệp .json theo assets/forms; để trống: dùng mẫu có sẵn)", def: "",
		check: func(v string) error {
			if v == "" {
				return nil
			}
			_, err := loadForms(v)
			return err
		},
		apply: text(func(p *Profile, v string) { p.FormsDir = v })},
	{key: "archive_unit", label: "Chữ viết tắt đơn vị soạn thảo (dòng “Lưu: VT, …” ở Nơi nhận)", def: "VP",
		apply: text(func(p *Profile, v string) { p.ArchiveUnit = v })},
	{key: "archive_copies", label: "Số bản lưu (dòng “Lưu: VT, …” ở Nơi nhận; 0 để không ghi)", def: "2",
		check: func(v string) error {
			if n, err := strconv.Atoi(v); err != nil || n < 0 || n > 99 {
				return fmt.Errorf("số bản lưu %q không hợp lệ: nhập số từ 0 đến 99", v)
			}
			return nil
		},
		apply: func(p *Profile, v string) error { p.ArchiveCopies, _ = strconv.Atoi(v); return nil }},
	{key: "book_no", label: "Quyển sổ đang dùng", def: "1",
		check: func(v string) error {
			if n, err := strconv.Atoi(v); err != nil || n < 1 || n > 999 {
				return fmt.Errorf("quyển số %q không hợp lệ: nhập số từ 1 đến 999", v)
			}
			return nil
		},
		apply: func(p *Profile, v string) error {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > 999 {
				return fmt.Errorf("quyển số %q đã lưu không hợp lệ; hãy đặt lại book_no (motcua settings book_no=1)", v)
			}
			p.BookNo = n
			return nil
		}},
	{key: "upper_level", label: "Cấp trên nhận báo cáo", def: "Văn phòng UBND tỉnh", apply: text(func(p *Profile, v string) { p.UpperLevel = v })},
	{key: "report.start_day", label: "Ngày chốt số liệu báo cáo (15: từ ngày 15 tháng trước đến ngày 14; 1: theo tháng dương lịch)", def: "15",
		check: func(v string) error {
			n, err := strconv.Atoi(v)
			if err != nil {
				return fmt.Errorf("ngày chốt số liệu %q không hợp lệ: nhập một số từ 1 đến 28, thường là 15", v)
			}
			return report.CheckStartDay(n)
		},
		apply: func(p *Profile, v string) error { p.ReportStartDay, _ = strconv.Atoi(v); return nil }},
	{key: "profile.mode", label: "Chế độ của máy (xa: bộ phận một cửa của xã; cap-tren: cấp trên nhận gói của các xã; có hiệu lực khi mở lại phần mềm)", def: ModeCommune,
		check: checkMode,
		apply: func(p *Profile, v string) error {
			if err := checkMode(v); err != nil {
				return err
			}
			p.Mode = v
			return nil
		}},
	{key: "hours.open", label: "Giờ mở cửa buổi sáng", def: "07:00", apply: clock(func(h *calendar.Hours, c calendar.Clock) { h.Open = c })},
	{key: "hours.lunch_start", label: "Giờ nghỉ trưa", def: "11:30", apply: clock(func(h *calendar.Hours, c calendar.Clock) { h.LunchStart = c })},
	{key: "hours.lunch_end", label: "Giờ làm việc buổi chiều", def: "13:30", apply: clock(func(h *calendar.Hours, c calendar.Clock) { h.LunchEnd = c })},
	{key: "hours.close", label: "Giờ đóng cửa", def: "17:00", apply: clock(func(h *calendar.Hours, c calendar.Clock) { h.Close = c })},
	{key: "hours.cutoff", label: "Giờ chốt nhận hồ sơ trong ngày", def: "15:00", apply: clock(func(h *calendar.Hours, c calendar.Clock) { h.Cutoff = c })},
	{key: "hours.return_at", label: "Giờ hẹn trả kết quả", def: "16:00", apply: clock(func(h *calendar.Hours, c calendar.Clock) { h.ReturnAt = c })},
}

func checkMode(v string) error {
	if v != ModeCommune && v != ModeUpper {
		return fmt.Errorf("chế độ %q không có: dùng %s (bộ phận một cửa của xã) hoặc %s (cấp trên nhận gói của các xã)", v, ModeCommune, ModeUpper)
	}
	return nil
}

func profileFrom(settings map[string]string) (Profile, error) {
	var p Profile
	for _, d := range settingDefs {
		v, ok := settings[d.key]
		if !ok {
			v = d.def
		}
		if err := d.apply(&p, v); err != nil {
			// The label is what the clerk reads beside the field; the key
			// ("hours.close") means nothing to them.
			return p, fmt.Errorf("ô “%s” trong Cài đặt: %w", d.label, err)
		}
	}
	if err := p.Hours.Validate(); err != nil {
		return p, fmt.Errorf("giờ làm việc trong cài đặt không hợp lệ: %w", err)
	}
	return p, nil
}

// Setting is one row of the settings list.
type Setting struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Value string `json:"value"`
}

// Settings lists every setting with its current value.
func (o *Office) Settings(ctx context.Context) ([]Setting, error) {
	stored, err := o.st.Settings(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Setting, 0, len(settingDefs))
	for _, d := range settingDefs {
		v, ok := stored[d.key]
		if !ok {
			v = d.def
		}
		out = append(out, Setting{Key: d.key, Label: d.label, Value: v})
	}
	return out, nil
}

// SetSettings validates and saves several settings at once; nothing is
// saved if one is wrong.
func (o *Office) SetSettings(ctx context.Context, values map[string]string) error {
	if err := o.can(ctx, people.ActSettings); err != nil {
		return err
	}
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	stored, err := o.st.Settings(ctx)
	if err != nil {
		return err
	}
	next := map[string]string{}
	for k, v := range stored {
		next[k] = v
	}
	for _, k := range keys {
		d, ok := findSetting(k)
		if !ok {
			return fmt.Errorf("không có cài đặt %q; xem danh sách bằng lệnh motcua settings", k)
		}
		v, err := cleanText("setting", values[k])
		if err != nil {
			return fmt.Errorf("cài đặt %s (%s): %w", k, d.label, err)
		}
		if d.check != nil {
			if err := d.check(v); err != nil {
				return err
			}
		}
		next[k] = v
	}
	if _, err := profileFrom(next); err != nil {
		return err
	}
	err = o.st.Tx(ctx, func(tx *store.Tx) error {
		for _, k := range keys {
			if err := tx.SetSetting(k, next[k]); err != nil {
				return err
			}
			if err := tx.AppendAudit(store.Audit{At: o.Now(), Actor: o.actor, Action: "set_setting", Entity: "setting", EntityID: k, Before: stored[k], After: next[k]}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return o.reload(ctx)
}

func findSetting(key string) (settingDef, bool) {
	for _, d := range settingDefs {
		if d.key == key {
			return d, true
		}
	}
	return settingDef{}, false
}

// demoProfile is a plausible commune for demonstrations (REFERENCE §3's
// agency code example is Thanh Hóa's).
var demoProfile = map[string]string{
	"agency_code":  "000.17.22.H56",
	"commune":      "Ủy ban nhân dân xã Đông Văn",
	"counter_name": "Trung tâm Phục vụ hành chính công xã Đông Văn",
	"place_name":   "Đông Văn",
	"province":     "Thanh Hóa",
	"address":      "Thôn Trung Lý, xã Đông Văn, tỉnh Thanh Hóa",
	"chair_name":   "Lê Văn Tuấn",
	"vice_chairs":  "Phạm Thị Hòa; Hà Văn Bình", // the first is also the demo staff register's vice-chair
	"phone":        "0237 3888 999",
}

// FillDemoProfile sets the demo commune's profile where the office has not
// set its own values.
func (o *Office) FillDemoProfile(ctx context.Context) error {
	if err := o.can(ctx, people.ActSettings); err != nil {
		return err
	}
	stored, err := o.st.Settings(ctx)
	if err != nil {
		return err
	}
	values := map[string]string{}
	for k, v := range demoProfile {
		if _, ok := stored[k]; !ok {
			values[k] = v
		}
	}
	if len(values) == 0 {
		return nil
	}
	return o.SetSettings(ctx, values)
}
