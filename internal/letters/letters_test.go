package letters

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func sampleValues() map[string]string {
	return map[string]string{
		"nguoi_nhan": "anh Nguyễn Văn An và chị Lê Thị Bình",
		"danh_xung":  "anh chị",
		"ho_ten":     "Nguyễn Văn An",
		"dia_chi":    "thôn Trung, xã Đông Văn",
		"ngay":       "ngày 05 tháng 02 năm 2026",
		"thu_tuc":    "Đăng ký kết hôn",
		"ma_ho_so":   "000.17.22.H56-260205-0001",
		"ten_xa":     "xã Đông Văn",
		"co_quan":    "Ủy ban nhân dân xã Đông Văn",
		"chu_tich":   "Lê Văn Tuấn",
		"ten_con":    "Nguyễn Gia Bảo",
		"nguoi_mat":  "cụ ông Lê Văn Cường",
		"ly_do":      "phải xác minh thêm tại nơi cư trú trước đây",
		"ngay_hen":   "16 giờ 00 phút, ngày 10 tháng 02 năm 2026",
		"noi_dung":   "ủng hộ 50 triệu đồng xây dựng nhà văn hóa thôn Trung",
		"loi_thu":    "nhân dịp Tết Nguyên đán, Ủy ban nhân dân xã đến thăm và tặng quà gia đình",
	}
}

func TestDefaultTemplatesRender(t *testing.T) {
	for _, k := range Kinds() {
		src, err := DefaultTemplate(k)
		if err != nil {
			t.Fatal(err)
		}
		paras, err := Render(src, sampleValues())
		if err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		if len(paras) < 3 {
			t.Errorf("%s: %d paragraphs", k, len(paras))
		}
		for _, p := range paras {
			if strings.ContainsAny(p, "{}\n") {
				t.Errorf("%s: unrendered text %q", k, p)
			}
		}
		if !strings.HasPrefix(paras[0], "Ủy ban nhân dân xã Đông Văn") && k != Apology {
			t.Errorf("%s: first paragraph %q", k, paras[0])
		}
	}
	src, _ := DefaultTemplate(Apology)
	paras, _ := Render(src, sampleValues())
	if !strings.HasPrefix(paras[0], "Ngày 05 tháng 02 năm 2026, Ủy ban nhân dân xã Đông Văn đã tiếp nhận") {
		t.Errorf("capitalised field: %q", paras[0])
	}
}

func TestParseRefusesUnknownField(t *testing.T) {
	_, err := Parse("Chúc mừng {ho_ten} và {ten_vo}, {ten_vo}.\n\n{Ngay_cuoi}")
	var ue *UnknownFieldError
	if !errors.As(err, &ue) {
		t.Fatalf("got %v", err)
	}
	if !strings.HasPrefix(err.Error(), "mẫu thư dùng trường không có: {ten_vo}, {Ngay_cuoi}.") {
		t.Errorf("message %q", err.Error())
	}
	if !strings.Contains(err.Error(), "{ho_ten}") {
		t.Errorf("message should list the usable fields: %q", err.Error())
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"Kính chúc {ho_ten", "dấu { chưa đóng"},
		{"Kính chúc {ho_{ten}", "dấu { chưa đóng"},
		{"Kính chúc ho_ten}", "dấu } thừa"},
		{"  \n\n \n", "mẫu thư đang trống"},
	}
	for _, tt := range tests {
		if _, err := Parse(tt.src); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) = %v, want %q", tt.src, err, tt.want)
		}
	}
}

func TestRender(t *testing.T) {
	src := "Kính gửi {Danh_xung}\n{ ho_ten }, {{không phải trường}}.\r\n\r\n\n  Đoạn hai: {ngay}.  \n"
	paras, err := Render(src, map[string]string{"danh_xung": "bà", "ho_ten": "Trần  Thi\u0323 Hà", "ngay": "hôm nay"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Kính gửi Bà Trần Thị Hà, {không phải trường}.", "Đoạn hai: hôm nay."}
	if strings.Join(paras, "|") != strings.Join(want, "|") {
		t.Errorf("got %q\nwant %q", paras, want)
	}
	if paras[0] != "Kính gửi Bà Trần Thị Hà, {không phải trường}." {
		t.Error("values must come out NFC")
	}
	_, err = Render("{ho_ten} {ten_con} {ho_ten}", map[string]string{"ho_ten": "An", "ten_con": " "})
	var me *MissingValueError
	if !errors.As(err, &me) || len(me.Names) != 1 || !strings.Contains(err.Error(), "{ten_con} (tên cháu bé") {
		t.Errorf("missing: %v", err)
	}
}

func TestKinds(t *testing.T) {
	if len(Kinds()) != 6 {
		t.Fatal(Kinds())
	}
	if Birth.Name() != "Thư chúc mừng khai sinh" || Condolence.Title() != "THƯ CHIA BUỒN" {
		t.Error(Birth.Name(), Condolence.Title())
	}
	if _, err := ParseKind("wedding"); err == nil || !strings.Contains(err.Error(), `không có loại thư "wedding"`) {
		t.Error(err)
	}
	if k, err := ParseKind(" birth "); err != nil || k != Birth {
		t.Error(k, err)
	}
}

func TestDateInWords(t *testing.T) {
	tests := []struct {
		t    time.Time
		want string
	}{
		{time.Date(2026, 2, 5, 9, 0, 0, 0, Zone), "ngày 05 tháng 02 năm 2026"},
		{time.Date(2026, 1, 15, 9, 0, 0, 0, Zone), "ngày 15 tháng 01 năm 2026"},
		{time.Date(2026, 3, 5, 9, 0, 0, 0, Zone), "ngày 05 tháng 3 năm 2026"},
		{time.Date(2026, 12, 31, 9, 0, 0, 0, Zone), "ngày 31 tháng 12 năm 2026"},
		// 31/12 18:00 UTC is already 1 January in Vietnam.
		{time.Date(2025, 12, 31, 18, 0, 0, 0, time.UTC), "ngày 01 tháng 01 năm 2026"},
	}
	for _, tt := range tests {
		if got := DateInWords(tt.t); got != tt.want {
			t.Errorf("%v: got %q want %q", tt.t, got, tt.want)
		}
	}
}

func TestTimeInWords(t *testing.T) {
	// 09:00 UTC is 16:00 in Vietnam.
	if got := TimeInWords(time.Date(2026, 2, 10, 9, 0, 0, 0, time.UTC)); got != "16 giờ 00 phút, ngày 10 tháng 02 năm 2026" {
		t.Errorf("got %q", got)
	}
}

func TestNumbering(t *testing.T) {
	if FormatNumber(5) != "05" || FormatNumber(12) != "12" || FormatNumber(105) != "105" {
		t.Error(FormatNumber(5), FormatNumber(105))
	}
	if Reference(5, "UBND") != "05/UBND" || Reference(7, "") != "07" {
		t.Error(Reference(5, "UBND"))
	}
	if (Symbols{Birth: "TCM-UBND"}).For(Birth) != "TCM-UBND" || (Symbols{}).For(Thanks) != DefaultSymbol {
		t.Error("symbols")
	}
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 10, 0, 0, 0, Zone) }
	var b Book
	var n int
	var err error
	var got []int
	for _, d := range []time.Time{day(2025, 12, 30), day(2025, 12, 31), day(2026, 1, 1), day(2026, 1, 2), day(2026, 6, 1)} {
		if n, b, err = b.Next(d); err != nil {
			t.Fatal(err)
		}
		got = append(got, n)
	}
	if want := []int{1, 2, 1, 2, 3}; !slices.Equal(got, want) {
		t.Errorf("numbers %v, want %v", got, want)
	}
	if b != (Book{Year: 2026, Last: 3}) {
		t.Errorf("book %+v", b)
	}
	before := b
	if _, b2, err := b.Next(day(2025, 12, 31)); err == nil || b2 != before || !strings.Contains(err.Error(), "đã sang năm 2026") {
		t.Errorf("back-dated: %v %+v", err, b2)
	}
}

func TestTriggers(t *testing.T) {
	tr := DefaultTriggers()
	for ev, want := range map[string]Kind{BirthRegistration: Birth, MarriageRegistration: Marriage, DeathRegistration: Condolence, DossierLate: Apology} {
		if k, ok := tr.Propose(ev); !ok || k != want {
			t.Errorf("%s: %v %v", ev, k, ok)
		}
	}
	if _, ok := tr.Propose("land_registration"); ok {
		t.Error("no letter for land registration")
	}
	if _, ok := (Triggers{"x": "wedding"}).Propose("x"); ok {
		t.Error("an invalid kind must not be proposed")
	}
}

func TestDeliveriesAndMoments(t *testing.T) {
	for in, want := range map[string]Delivery{"post": ByPost, "bưu điện": ByPost, "Qua bưu điện": ByPost, "tan tay": ByHand, "Tại quầy": AtCounter} {
		if got, err := ParseDelivery(in); err != nil || got != want {
			t.Errorf("ParseDelivery(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseDelivery("fax"); err == nil {
		t.Error("fax accepted")
	}
	if !ProposesAt(Condolence, AtReceive) || ProposesAt(Birth, AtReceive) || !ProposesAt(Birth, AtReturn) || ProposesAt(Condolence, AtReopen) || ProposesAt(Thanks, AtReturn) {
		t.Error("moments")
	}
}
