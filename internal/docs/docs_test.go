package docs

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"motcua/internal/letters"
	"motcua/internal/people"
)

var (
	update  = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")
	samples = flag.Bool("samples", false, "write one PNG per document kind to docs/samples (needs pdftoppm)")
)

// render runs fn into a buffer.
func render(t testing.TB, fn func(io.Writer) error) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := fn(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// poppler runs a poppler tool on pdf and returns its output; the test is skipped when the
// tool is not installed (the project's setup installs poppler-utils, so CI runs it).
func poppler(t testing.TB, pdf []byte, tool string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Skipf("%s not installed (apt-get install poppler-utils)", tool)
	}
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	var cmdArgs []string
	cmdArgs = append(cmdArgs, args...)
	cmdArgs = append(cmdArgs, path)
	if tool == "pdftotext" {
		cmdArgs = append(cmdArgs, "-")
	}
	out, err := exec.Command(tool, cmdArgs...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", tool, err, out)
	}
	return string(out)
}

type docCase struct {
	name   string
	paper  string // "A5", "A4", "A4L"
	pages  int
	render func(io.Writer) error
	want   []string // exact strings the extracted text must contain
}

func dossier2018() DossierDoc {
	d := sampleDossier()
	d.FormSet = FormSet2018
	return d
}

func allLetters(t testing.TB) []Letter {
	p := sampleProfile()
	base := map[string]string{
		"co_quan": p.Body, "ten_xa": "xã Đông Văn", "chu_tich": p.ChairName,
		"thu_tuc": "Đăng ký khai sinh", "ma_ho_so": "000.17.22.H56-260205-0003",
	}
	with := func(kv ...string) map[string]string {
		m := map[string]string{}
		for k, v := range base {
			m[k] = v
		}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return m
	}
	specs := []struct {
		kind      letters.Kind
		recipient string
		address   string
		values    map[string]string
		code      string
	}{
		{letters.Thanks, "Ông Nguyễn Văn Khiêm", "Thôn Trung Lý, xã Đông Văn", with("nguoi_nhan", "ông Nguyễn Văn Khiêm", "danh_xung", "ông", "noi_dung", "ủng hộ 50 triệu đồng xây dựng nhà văn hóa thôn Trung Lý"), ""},
		{letters.Apology, "Bà Đặng Thị Ngọc Ánh", "Thôn Trung Lý, xã Đông Văn", with("nguoi_nhan", "bà Đặng Thị Ngọc Ánh", "danh_xung", "bà", "ngay", "ngày 05 tháng 02 năm 2026", "ly_do", "phải xác minh thêm thông tin cư trú tại nơi cư trú trước đây", "ngay_hen", "16 giờ 00 phút, ngày 10 tháng 02 năm 2026"), "000.17.22.H56-260205-0003"},
		{letters.Marriage, "Anh Phạm Đức Thắng và chị Vũ Thị Thục", "Thôn Đông Hưng, xã Đông Văn", with("nguoi_nhan", "anh Phạm Đức Thắng và chị Vũ Thị Thục", "danh_xung", "anh chị", "ngay", "ngày 05 tháng 02 năm 2026"), "000.17.22.H56-260205-0002"},
		{letters.Birth, "Anh Lường Văn Sự và chị Hà Thị Ước", "Bản Pù Nhi, xã Đông Văn", with("nguoi_nhan", "anh Lường Văn Sự và chị Hà Thị Ước", "danh_xung", "anh chị", "ten_con", "Lường Gia Bảo", "ngay", "ngày 01 tháng 02 năm 2026"), "000.17.22.H56-260205-0004"},
		{letters.Condolence, "Gia đình ông Lê Văn Cường", "Thôn Đông Hưng, xã Đông Văn", with("nguoi_nhan", "ông Lê Văn Cường", "danh_xung", "gia đình", "nguoi_mat", "cụ bà Trần Thị Dậu", "ngay", "ngày 03 tháng 02 năm 2026"), "000.17.22.H56-260204-0007"},
	}
	var out []Letter
	for i, s := range specs {
		src, err := letters.DefaultTemplate(s.kind)
		if err != nil {
			t.Fatal(err)
		}
		paras, err := letters.Render(src, s.values)
		if err != nil {
			t.Fatal(s.kind, err)
		}
		out = append(out, Letter{
			Kind: s.kind, Number: 5 + i, Symbol: letters.DefaultSymbol, Date: at(2026, 2, 5, 9, 0),
			Recipient: s.recipient, Address: s.address, Paragraphs: paras, DossierCode: s.code,
		})
	}
	return out
}

func registerRows() []RegisterRow {
	var rows []RegisterRow
	names := []string{"Đặng Thị Ngọc Ánh", "Nguyễn Văn Ặng", "Trần Thị Ự", "Lê Đức Ễnh"}
	for i := 0; i < 30; i++ {
		dd := sampleDossier()
		r := RegisterRow{
			Code: fmt.Sprintf("000.17.22.H56-2602%02d-%04d", 1+i/5, 1+i%5), ProcedureName: dd.ProcedureName, Sets: 1,
			Applicant: names[i%len(names)], Address: dd.Applicant.Address, Phone: dd.Applicant.Phone,
			HandlingUnit: dd.HandlingUnit, ReceivedAt: dd.ReceivedAt, DueAt: dd.DueAt,
			ForwardedAt: dd.ReceivedAt, ResultAt: dd.DueAt, ReturnedAt: dd.DueAt, ResultMethod: "counter",
		}
		if i == 3 {
			r.Address = strings.Repeat("Số nhà 12, ngõ 34, đường Nguyễn Trãi, ", 6)
			r.Note = "Hồ sơ bổ sung một lần, đã trả đúng hạn"
		}
		rows = append(rows, r)
	}
	return rows
}

func pledge() Pledge {
	sets, _ := people.DefaultPledgeSets()
	return Pledge{
		Staff: people.Staff{Name: "Nguyễn Thị Lan", Position: "Công chức Tư pháp - Hộ tịch", Unit: "Trung tâm Phục vụ hành chính công xã Đông Văn"},
		Sets:  sets[:4], Date: at(2026, 2, 5, 0, 0),
	}
}

func cases(t testing.TB) []docCase {
	f := testFonts(t)
	p := sampleProfile()
	pA5, pA5x2 := p, p
	pA5.FormPaper, pA5x2.FormPaper = PaperA5, PaperA5OnA4
	dd := sampleDossier()
	ls := allLetters(t)
	quoc := []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"}
	cs := []docCase{
		{"receipt", "A4", 2, func(w io.Writer) error { return Receipt(w, f, p, dd) }, append([]string{
			"Mẫu số 01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Mã hồ sơ: 000.17.22.H56-260205-0001",
			"(Liên 1: lưu)", "(Liên 2: giao người nộp)", "Ông/Bà: Đặng Thị Ngọc Ánh", "Đăng ký khai sinh",
			"Giấy chứng nhận kết hôn của cha, mẹ", "Bản sao có chứng thực",
			"3. Thời gian giải quyết hồ sơ theo quy định là: Trong ngày",
			"4. Thời gian nhận hồ sơ: 08 giờ 30 phút, ngày 05 tháng 02 năm 2026",
			"16 giờ 00 phút, ngày 05 tháng 02 năm 2026",
			"Quyển số: 01, Số thứ tự: 125", "NGƯỜI TIẾP NHẬN HỒ SƠ", "Nguyễn Thị Lan", "Đông Văn, ngày 05 tháng 02 năm 2026",
			"Ghi chú:", "được lập thành 02 liên: 01 liên giao người nộp hồ sơ, 01 liên lưu tại Trung tâm Phục vụ hành chính công xã Đông Văn.",
			"ỦY BAN NHÂN DÂN", "XÃ ĐÔNG VĂN",
		}, quoc...)},
		{"supplement", "A4", 1, func(w io.Writer) error { return Supplement(w, f, p, dd) }, append([]string{
			"Mẫu số 02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Đông Văn, ngày 05 tháng 02 năm 2026",
			"1. Bản sao Giấy chứng nhận kết hôn của cha, mẹ có chứng thực", "NGƯỜI HƯỚNG DẪN", "0237 3812 345",
			"Địa chỉ: Thôn Trung Lý, xã Đông Văn, tỉnh Thanh Hóa", "Số điện thoại: 0912 345 678; Thư điện tử: ngocanh.dang@example.vn",
			"Lý do: Cần xác minh thêm thông tin cư trú",
		}, quoc...)},
		{"refusal", "A4", 1, func(w io.Writer) error { return Refusal(w, f, p, dd) }, append([]string{
			"Mẫu số 03", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "không tiếp nhận, giải quyết hồ sơ này với lý do",
		}, quoc...)},
		{"apology", "A4", 1, func(w io.Writer) error { return Apology(w, f, p, dd) }, append([]string{
			"Mẫu số 04", "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
			"Sự chậm trễ này đã gây phiền hà, tốn kém chi phí, công sức của Ông/Bà",
			"16 giờ 00 phút, ngày 10 tháng 02 năm 2026", "Nơi nhận:", "- Như trên; - Trung tâm Phục vụ hành chính công xã Đông Văn; - Lưu: VT, VP, 02.", "TM. ỦY BAN NHÂN DÂN", "Lê Văn Tuấn",
		}, quoc...)},
		{"apology-2018", "A4", 1, func(w io.Writer) error { return Apology(w, f, p, dossier2018()) }, []string{
			"Mẫu số 04", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "16 giờ 00 phút, ngày 10 tháng 02 năm 2026",
		}},
		{"stop", "A4", 1, func(w io.Writer) error { return StopNotice(w, f, p, dd) }, append([]string{
			"Mẫu số 05", "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", "thông báo dừng giải quyết hồ sơ nêu trên với lý do",
			"- Trung tâm Phục vụ hành chính công xã Đông Văn;",
		}, quoc...)},
		{"stop-applicant", "A4", 1, func(w io.Writer) error {
			d := dd
			d.StopBy, d.Reason = StopByApplicant, ""
			return StopNotice(w, f, p, d)
		}, []string{
			"Theo đề nghị của Ông/Bà ngày 05/02/2026 về việc dừng giải quyết hồ sơ.", "Ủy ban nhân dân xã Đông Văn thông báo dừng giải quyết hồ sơ nêu trên.",
		}},
		{"stop-police", "A4", 1, func(w io.Writer) error {
			d := dd
			d.Authority, d.SignLines = "Công an xã Đông Văn", []string{"Trưởng Công an xã"}
			return StopNotice(w, f, p, d)
		}, []string{"CÔNG AN XÃ ĐÔNG VĂN", "Công an xã Đông Văn thông báo dừng giải quyết hồ sơ", "TRƯỞNG CÔNG AN XÃ"}},
		{"rejection", "A4", 1, func(w io.Writer) error { return RejectionNotice(w, f, p, dd) }, append([]string{
			"THÔNG BÁO Về việc từ chối giải quyết hồ sơ", "Sau khi thẩm định hồ sơ", "không giải quyết hồ sơ nêu trên với lý do: Cần xác minh",
			"ỦY BAN NHÂN DÂN XÃ ĐÔNG VĂN", "TM. ỦY BAN NHÂN DÂN", "- Trung tâm Phục vụ hành chính công xã Đông Văn;",
		}, quoc...)},
		{"control", "A4", 1, func(w io.Writer) error { return ControlSlip(w, f, p, dd) }, append([]string{
			"Mẫu số 06", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Trịnh Văn Lực", "Trước hạn", "Đúng hạn", "15 giờ 10 phút",
			"TÊN CƠ QUAN", "THỜI GIAN GIAO, NHẬN HỒ SƠ", "KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/đúng hạn/quá hạn)", "GHI CHÚ",
			"Cơ quan (bộ phận) giải quyết hồ sơ: Công chức Tư pháp - Hộ tịch", "Cơ quan phối hợp giải quyết hồ sơ:", "Người giao", "Người nhận",
		}, quoc...)},
		{"control-2018", "A4", 1, func(w io.Writer) error { return ControlSlip(w, f, p, dossier2018()) }, []string{
			"Mẫu số 05", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
		}},
		{"receipt-a5", "A5", 2, func(w io.Writer) error { return Receipt(w, f, pA5, dd) }, []string{
			"GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "(Liên 1: lưu)", "(Liên 2: giao người nộp)",
		}},
		{"receipt-a5x2", "A4L", 1, func(w io.Writer) error { return Receipt(w, f, pA5x2, dd) }, []string{
			"(Liên 1: lưu)", "(Liên 2: giao người nộp)",
		}},
		{"supplement-a5x2", "A5", 1, func(w io.Writer) error { return Supplement(w, f, pA5x2, dd) }, []string{
			"PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
		}},
		{"receipt-post", "A4", 2, func(w io.Writer) error { d := dd; d.ResultMethod = "post"; return Receipt(w, f, p, d) }, []string{
			"6. Đăng ký nhận kết quả tại: Qua dịch vụ bưu chính công ích", "Ông/Bà đã đăng ký nhận kết quả qua dịch vụ bưu chính công ích",
		}},
		{"register", "A4L", 5, func(w io.Writer) error {
			return RegisterBook(w, f, p, RegisterBookInput{From: at(2026, 1, 1, 0, 0), To: at(2026, 12, 31, 0, 0), Rows: registerRows()})
		}, append([]string{
			"Mẫu số 07", "SỔ THEO DÕI HỒ SƠ", "NĂM 2026", "Quyển số: 01", "Tên thủ tục hành chính", "Cơ quan chủ trì",
			"Nguyễn Văn Ặng", "Trần Thị Ự", "Lê Đức Ễnh", "000.17.22.H56-260201-0001", "000.17.22.H56-260206-0005", "Gồm 30 hồ sơ, số thứ tự từ 01 đến 30",
		}, quoc...)},
		{"register-2018", "A4L", 5, func(w io.Writer) error {
			return RegisterBook(w, f, p, RegisterBookInput{FormSet: FormSet2018, From: at(2026, 1, 1, 0, 0), To: at(2026, 3, 31, 0, 0), Rows: registerRows()})
		}, []string{"Mẫu số 06", "TỪ NGÀY 01/01/2026 ĐẾN NGÀY 31/03/2026"}},
		{"pledge", "A4", 1, func(w io.Writer) error { return PledgeForm(w, f, p, pledge()) }, append([]string{
			"BẢN CAM KẾT", "Nguyễn Thị Lan", "1. Thực hiện “4 xin”:", "- Xin chào;", "- Xin phép.", "- Không lợi dụng chức vụ, quyền hạn trong thực thi công vụ.",
			"NGƯỜI CAM KẾT", "Đông Văn, ngày 05 tháng 02 năm 2026",
		}, quoc...)},
	}
	for i, l := range ls {
		l := l
		want := append([]string{
			l.Kind.Title(), "Số: " + letters.Reference(l.Number, "UBND"), "Đông Văn, ngày 05 tháng 02 năm 2026",
			"Kính gửi: " + l.Recipient, "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Văn Tuấn", "Nơi nhận:", "- Như trên;", "- Lưu: VT, VP, 02.",
		}, quoc...)
		want = append(want, []string{
			"Ông Nguyễn Văn Khiêm", "Bà Đặng Thị Ngọc Ánh", "Anh Phạm Đức Thắng", "Lường Gia Bảo", "cụ bà Trần Thị Dậu",
		}[i])
		cs = append(cs, docCase{"letter-" + string(l.Kind), "A4", 1, func(w io.Writer) error { return Letters(w, f, p, []Letter{l}) }, want})
	}
	return cs
}

var (
	pageSizeRe = regexp.MustCompile(`Page size:\s+([\d.]+) x ([\d.]+) pts`)
	pagesRe    = regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`)
)

// pages is the page count pdfinfo reports.
func pages(t testing.TB, pdf []byte) int {
	t.Helper()
	m := pagesRe.FindStringSubmatch(poppler(t, pdf, "pdfinfo"))
	if m == nil {
		t.Fatal("pdfinfo gives no page count")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func TestDocuments(t *testing.T) {
	for _, c := range cases(t) {
		t.Run(c.name, func(t *testing.T) {
			pdf := render(t, c.render)
			text := poppler(t, pdf, "pdftotext", "-enc", "UTF-8")
			flat := strings.Join(strings.Fields(text), " ")
			for _, s := range c.want {
				if !strings.Contains(flat, s) {
					t.Errorf("text lacks %q", s)
				}
			}
			// Every font embedded (and subset).
			fonts := poppler(t, pdf, "pdffonts")
			lines := strings.Split(strings.TrimSpace(fonts), "\n")[2:]
			if len(lines) == 0 {
				t.Error("no fonts")
			}
			for _, ln := range lines {
				fs := strings.Fields(ln)
				if len(fs) < 7 || fs[len(fs)-5] != "yes" || fs[len(fs)-4] != "yes" {
					t.Errorf("font not embedded and subset: %s", ln)
				}
			}
			// Paper and page count.
			info := poppler(t, pdf, "pdfinfo")
			m := pageSizeRe.FindStringSubmatch(info)
			if m == nil {
				t.Fatalf("no page size in\n%s", info)
			}
			w, _ := strconv.ParseFloat(m[1], 64)
			h, _ := strconv.ParseFloat(m[2], 64)
			want := map[string][2]float64{"A5": {420, 595}, "A4": {595, 842}, "A4L": {842, 595}}[c.paper]
			if abs(w-want[0]) > 1 || abs(h-want[1]) > 1 {
				t.Errorf("page %.1f x %.1f pt, want %s %v", w, h, c.paper, want)
			}
			if n := pages(t, pdf); n != c.pages {
				t.Errorf("%d pages, want %d", n, c.pages)
			}
			golden := filepath.Join("testdata", c.name+".golden")
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			g, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/docs -run TestDocuments -update)", err)
			}
			if string(g) != text {
				t.Errorf("text differs from %s (rerun with -update if the change is intended):\n%s", golden, text)
			}
		})
	}
}

// TestPDFBytes keeps every case's PDF byte-identical to testdata/pdf.sha256: a change that
// should not touch a document (a refactoring, the forms moved into data) must not, and one
// that should shows which documents it touched (rerun with -update and look at them).
func TestPDFBytes(t *testing.T) {
	var b strings.Builder
	for _, c := range cases(t) {
		fmt.Fprintf(&b, "%x  %s\n", sha256.Sum256(render(t, c.render)), c.name)
	}
	golden := filepath.Join("testdata", "pdf.sha256")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	g, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/docs -run TestPDFBytes -update)", err)
	}
	want := map[string]string{}
	for _, ln := range strings.Split(strings.TrimSpace(string(g)), "\n") {
		if h, name, ok := strings.Cut(ln, "  "); ok {
			want[name] = h
		}
	}
	for _, ln := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		h, name, _ := strings.Cut(ln, "  ")
		if want[name] != h {
			t.Errorf("%s: the PDF's bytes changed (rerun with -update if intended, after looking at it)", name)
		}
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func TestDeterministic(t *testing.T) {
	for _, c := range cases(t) {
		a, b := render(t, c.render), render(t, c.render)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two runs differ", c.name)
		}
	}
}

// toNFD rewrites every string reachable from v (a pointer) to its decomposed form.
func toNFD(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		toNFD(v.Elem())
	case reflect.String:
		if v.CanSet() {
			v.SetString(norm.NFD.String(v.String()))
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Field(i).CanSet() {
				toNFD(v.Field(i))
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			toNFD(v.Index(i))
		}
	}
}

func TestNFDPrintsLikeNFC(t *testing.T) {
	f := testFonts(t)
	p, dd, ls, pl := sampleProfile(), sampleDossier(), allLetters(t), pledge()
	rows := registerRows()
	in := RegisterBookInput{From: at(2026, 1, 1, 0, 0), To: at(2026, 12, 31, 0, 0), Rows: rows}
	nfc := [][]byte{
		render(t, func(w io.Writer) error { return Receipt(w, f, p, dd) }),
		render(t, func(w io.Writer) error { return Letters(w, f, p, ls) }),
		render(t, func(w io.Writer) error { return RegisterBook(w, f, p, in) }),
		render(t, func(w io.Writer) error { return PledgeForm(w, f, p, pl) }),
	}
	// Copies, decomposed.
	p2, dd2, pl2 := p, sampleDossier(), pledge()
	ls2 := allLetters(t)
	in2 := RegisterBookInput{From: in.From, To: in.To, Rows: registerRows()}
	for _, v := range []any{&p2, &dd2, &ls2, &in2, &pl2} {
		toNFD(reflect.ValueOf(v))
	}
	if dd2.Applicant.Name == dd.Applicant.Name || ls2[0].Paragraphs[0] == ls[0].Paragraphs[0] || pl2.Sets[0].Items[0] == pl.Sets[0].Items[0] {
		t.Fatal("the NFD copies are not decomposed")
	}
	nfd := [][]byte{
		render(t, func(w io.Writer) error { return Receipt(w, f, p2, dd2) }),
		render(t, func(w io.Writer) error { return Letters(w, f, p2, ls2) }),
		render(t, func(w io.Writer) error { return RegisterBook(w, f, p2, in2) }),
		render(t, func(w io.Writer) error { return PledgeForm(w, f, p2, pl2) }),
	}
	for i := range nfc {
		if !bytes.Equal(nfc[i], nfd[i]) {
			t.Errorf("document %d: NFD input gives different bytes", i)
		}
	}
}

// word is one word of pdftotext -bbox output, in points.
type bboxWord struct {
	xMin, yMin, xMax, yMax float64
	text                   string
}

var bboxRe = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

func bboxWords(t *testing.T, pdf []byte, page int) []bboxWord {
	out := poppler(t, pdf, "pdftotext", "-bbox", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page))
	var ws []bboxWord
	for _, m := range bboxRe.FindAllStringSubmatch(out, -1) {
		var v [4]float64
		for i := range v {
			v[i], _ = strconv.ParseFloat(m[i+1], 64)
		}
		ws = append(ws, bboxWord{v[0], v[1], v[2], v[3], m[5]})
	}
	return ws
}

func TestLongTextWraps(t *testing.T) {
	f := testFonts(t)
	p := sampleProfile()
	dd := sampleDossier()
	dd.Applicant.Name = "Nguyễn Thị Phương Thảo Hoàng Lê Ngọc Diễm Quỳnh Tôn Nữ Thị Ặng Ự Ễ"
	dd.Applicant.Address = strings.Repeat("Số nhà 123, ngách 45/67, hẻm 8, đường Nguyễn Đình Chiểu, ", 4)[:200]
	dd.Applicant.Email = "rat.rat.rat.dai." + strings.Repeat("x", 80) + "@example.vn"
	dd.Documents[0].Name = strings.Repeat("Giấy tờ rất dài cần đối chiếu ", 6)
	pdf := render(t, func(w io.Writer) error { return Receipt(w, f, p, dd) })
	const mm = 72 / 25.4
	size := pageSizeRe.FindStringSubmatch(poppler(t, pdf, "pdfinfo"))
	pageW, _ := strconv.ParseFloat(size[1], 64)
	pageH, _ := strconv.ParseFloat(size[2], 64)
	ps := styleFor(p.FormPaper)
	qs := ps.sc(qrSide)
	qrLeft := pageW - (ps.m.right+qs-1.5)*mm
	for page := 1; page <= pages(t, pdf); page++ {
		ws := bboxWords(t, pdf, page)
		if len(ws) == 0 {
			t.Fatal("no words")
		}
		for _, w := range ws {
			if w.xMin < ps.m.left*mm-1 || w.xMax > pageW-ps.m.right*mm+1 {
				t.Errorf("page %d: %q runs outside the margins: x %.1f–%.1f of %.1f", page, w.text, w.xMin, w.xMax, pageW)
			}
			if w.yMax > pageH-ps.m.bottom*mm+1 {
				t.Errorf("page %d: %q below the bottom margin", page, w.text)
			}
		}
		// Nothing is printed over the QR code, whose top is level with the "Mã hồ sơ" line.
		qrTop, qrBottom := -1.0, -1.0
		for i, w := range ws {
			if w.text == "Mã" && i+1 < len(ws) && ws[i+1].text == "hồ" && qrTop < 0 {
				qrTop, qrBottom = w.yMin, w.yMin+qs*mm-2
			}
		}
		if qrTop < 0 && page%2 == 1 {
			t.Fatalf("page %d: no \"Mã hồ sơ\" line", page)
		}
		for _, w := range ws {
			if w.yMax > qrTop && w.yMin < qrBottom && w.xMax > qrLeft+0.5 {
				t.Errorf("page %d: %q overlaps the QR code", page, w.text)
			}
		}
	}
	// The whole address is there, wrapped.
	text := strings.Join(strings.Fields(poppler(t, pdf, "pdftotext", "-enc", "UTF-8")), " ")
	if !strings.Contains(text, strings.Join(strings.Fields(dd.Applicant.Address), " ")[:60]) {
		t.Error("address lost")
	}

	// The register: a 240-character address stays within its column.
	rows := registerRows()
	rows[0].Address = strings.Repeat("Thôn Đông Hưng Thượng, ", 10)
	rows[0].Applicant = strings.Repeat("Tôn Nữ Thị ", 8)
	book := render(t, func(w io.Writer) error {
		return RegisterBook(w, f, p, RegisterBookInput{From: at(2026, 1, 1, 0, 0), To: at(2026, 12, 31, 0, 0), Rows: rows})
	})
	x0 := bookMargins.left
	var addrX0, addrX1 float64
	reg, err := LookupForm(FormSet2025, FormRegister)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range reg.Columns {
		if c.Value == "address_phone" {
			addrX0, addrX1 = x0, x0+c.Width
		}
		x0 += c.Width
	}
	found := 0
	for _, w := range bboxWords(t, book, 2) {
		if w.text == "Thượng," {
			found++
			if w.xMin < addrX0*mm || w.xMax > addrX1*mm {
				t.Errorf("address word at %.1f–%.1f outside its column %.1f–%.1f", w.xMin, w.xMax, addrX0*mm, addrX1*mm)
			}
		}
	}
	if found != 10 {
		t.Errorf("found %d of 10 address words", found)
	}
}

func TestLongLetterNumbersPages(t *testing.T) {
	f := testFonts(t)
	l := sampleLetter()
	for i := 0; i < 6; i++ {
		l.Paragraphs = append(l.Paragraphs, l.Paragraphs[:3]...)
	}
	pdf := render(t, func(w io.Writer) error { return Letters(w, f, sampleProfile(), []Letter{l, sampleLetter()}) })
	if n := pages(t, pdf); n != 3 {
		t.Fatalf("%d pages, want 3 (a 2-page letter, then a 1-page one)", n)
	}
	p1 := poppler(t, pdf, "pdftotext", "-f", "1", "-l", "1", "-enc", "UTF-8")
	p2 := poppler(t, pdf, "pdftotext", "-f", "2", "-l", "2", "-enc", "UTF-8")
	p3 := poppler(t, pdf, "pdftotext", "-f", "3", "-l", "3", "-enc", "UTF-8")
	if strings.HasPrefix(strings.TrimSpace(p1), "1") {
		t.Error("page 1 must not be numbered")
	}
	if !strings.HasPrefix(strings.TrimSpace(p2), "2\n") {
		t.Errorf("page 2 must start with its number:\n%.100s", p2)
	}
	if !strings.HasPrefix(strings.TrimSpace(p3), "TỈNH THANH HÓA\nỦY BAN NHÂN DÂN") {
		t.Errorf("the second letter restarts its numbering:\n%.100s", p3)
	}
	if !strings.Contains(p2, "Lê Văn Tuấn") {
		t.Error("signature not on the last page of the letter")
	}
}

func TestBatches(t *testing.T) {
	f := testFonts(t)
	p := sampleProfile()
	var ds []DossierDoc
	for i := 1; i <= 3; i++ {
		d := sampleDossier()
		d.Code = fmt.Sprintf("000.17.22.H56-260205-%04d", i)
		ds = append(ds, d)
	}
	pdf := render(t, func(w io.Writer) error { return Receipts(w, f, p, ds) })
	if n := pages(t, pdf); n != 6 {
		t.Errorf("3 receipts, 2 copies each: %d pages, want 6", n)
	}
	text := poppler(t, pdf, "pdftotext", "-enc", "UTF-8")
	for _, d := range ds {
		if strings.Count(text, d.Code) < 2 {
			t.Errorf("%s printed fewer than twice", d.Code)
		}
	}
	pdf = render(t, func(w io.Writer) error { return Letters(w, f, p, allLetters(t)) })
	if n := pages(t, pdf); n != 5 {
		t.Errorf("5 letters: %d pages, want 5", n)
	}
}

func TestRefusals(t *testing.T) {
	f := testFonts(t)
	p := sampleProfile()
	errOf := func(fn func(io.Writer) error) string {
		err := fn(io.Discard)
		if err == nil {
			return ""
		}
		return err.Error()
	}
	dd := sampleDossier()
	noItems := sampleDossier()
	noItems.SupplementItems = []string{" "}
	noReason := sampleDossier()
	noReason.Reason = ""
	badDate := sampleDossier()
	badDate.NewDueAt = badDate.DueAt
	sets, _ := people.DefaultPledgeSets()
	empty, _ := people.FindSet(sets, "3-khong-thanh-hoa")
	noRecipient := sampleLetter()
	noRecipient.Recipient = ""
	badKind := sampleLetter()
	badKind.Kind = "wedding"
	tests := []struct {
		name string
		err  string
		want string
	}{
		{"stop 2018", errOf(func(w io.Writer) error { return StopNotice(w, f, p, dossier2018()) }), "hồ sơ 000.17.22.H56-260205-0001: bộ biểu mẫu theo Thông tư 01/2018/TT-VPCP không có mẫu Thông báo dừng giải quyết hồ sơ"},
		{"unknown set", errOf(func(w io.Writer) error { d := dd; d.FormSet = "TT99"; return Receipt(w, f, p, d) }), `không có bộ biểu mẫu "TT99"`},
		{"no items", errOf(func(w io.Writer) error { return Supplement(w, f, p, noItems) }), "phải ghi đủ các nội dung cần bổ sung"},
		{"no reason", errOf(func(w io.Writer) error { return Refusal(w, f, p, noReason) }), "chưa ghi lý do"},
		{"new date", errOf(func(w io.Writer) error { return Apology(w, f, p, badDate) }), "ngày hẹn mới (05/02/2026) phải sau ngày hẹn cũ"},
		{"no receipts", errOf(func(w io.Writer) error { return Receipts(w, f, p, nil) }), "không có hồ sơ nào để in"},
		{"empty pledge set", errOf(func(w io.Writer) error {
			pl := pledge()
			pl.Sets = append(pl.Sets, empty)
			return PledgeForm(w, f, p, pl)
		}), `bản cam kết của Nguyễn Thị Lan: bộ cam kết "3 không (Thanh Hóa)" chưa có nội dung nào nên chưa in được`},
		{"no staff name", errOf(func(w io.Writer) error { pl := pledge(); pl.Staff.Name = ""; return PledgeForm(w, f, p, pl) }), "họ tên cán bộ ký cam kết không được để trống"},
		{"no recipient", errOf(func(w io.Writer) error { return Letters(w, f, p, []Letter{sampleLetter(), noRecipient}) }), `thư thứ 2 chưa có người nhận sau "Kính gửi"`},
		{"bad kind", errOf(func(w io.Writer) error { return Letters(w, f, p, []Letter{badKind}) }), `không có loại thư "wedding"`},
		{"book range", errOf(func(w io.Writer) error {
			return RegisterBook(w, f, p, RegisterBookInput{From: at(2026, 3, 1, 0, 0), To: at(2026, 1, 1, 0, 0)})
		}), "ngày cuối (01/01/2026) trước ngày đầu (01/03/2026)"},
	}
	for _, tt := range tests {
		if !strings.Contains(tt.err, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.name, tt.err, tt.want)
		}
	}
}

func TestFormSets(t *testing.T) {
	for _, tt := range []struct {
		set   string
		kind  FormKind
		no    string
		title string
	}{
		{FormSet2025, FormApology, "04", "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT"},
		{FormSet2025, FormStop, "05", "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"},
		{FormSet2025, FormControl, "06", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"},
		{FormSet2025, FormRegister, "07", "SỔ THEO DÕI HỒ SƠ"},
		{FormSet2018, FormApology, "04", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"},
		{FormSet2018, FormControl, "05", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"},
		{FormSet2018, FormRegister, "06", "SỔ THEO DÕI HỒ SƠ"},
	} {
		f, err := LookupForm(tt.set, tt.kind)
		if err != nil || f.Number != tt.no || f.Title != tt.title {
			t.Errorf("%s %s: %+v %v", tt.set, tt.kind, f, err)
		}
	}
	numbered := func(s FormSetInfo) int {
		n := 0
		for _, f := range s.Forms {
			if f.Number != "" {
				n++
			}
		}
		return n
	}
	if n := numbered(FormSets()[0]); n != 7 || FormSets()[0].Code != FormSet2025 {
		t.Errorf("2025 set first with 7 numbered forms, got %d", n)
	}
	if n := numbered(FormSets()[1]); n != 6 {
		t.Errorf("2018 set has 6 numbered forms, got %d", n)
	}
}

func TestQRText(t *testing.T) {
	l := sampleLetter()
	if got := LetterQRText(l); got != "000.17.22.H56-260205-0002;05/UBND;2026-02-05" {
		t.Errorf("got %q", got)
	}
	l.Number, l.DossierCode = 0, ""
	if got := LetterQRText(l); got != ";;2026-02-05" {
		t.Errorf("got %q", got)
	}
}

func TestDateWords(t *testing.T) {
	if got := placeDate("Đông Văn", at(2026, 3, 9, 0, 0)); got != "Đông Văn, ngày 09 tháng 3 năm 2026" {
		t.Errorf("got %q", got)
	}
	if got := timeWords(at(2026, 1, 5, 7, 5)); got != "07 giờ 05 phút, ngày 05 tháng 01 năm 2026" {
		t.Errorf("got %q", got)
	}
}

// TestSamples writes docs/samples/<kind>.png (60 dpi) for every document kind, to look at:
// go test ./internal/docs -run TestSamples -samples
func TestSamples(t *testing.T) {
	if !*samples {
		t.Skip("run with -samples to rewrite docs/samples")
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm not installed")
	}
	dir := filepath.Join("..", "..", "docs", "samples")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	pagesOf := map[string][]int{"register": {1, 2}}
	for _, c := range cases(t) {
		if strings.HasSuffix(c.name, "-2018") {
			continue
		}
		path := filepath.Join(t.TempDir(), c.name+".pdf")
		if err := os.WriteFile(path, render(t, c.render), 0o644); err != nil {
			t.Fatal(err)
		}
		ps := pagesOf[c.name]
		if ps == nil {
			ps = []int{1}
		}
		for _, pg := range ps {
			name := c.name
			if len(ps) > 1 {
				name = fmt.Sprintf("%s-p%d", c.name, pg)
			}
			out := filepath.Join(dir, name)
			n := strconv.Itoa(pg)
			if b, err := exec.Command("pdftoppm", "-r", "60", "-png", "-singlefile", "-f", n, "-l", n, path, out).CombinedOutput(); err != nil {
				t.Fatalf("pdftoppm: %v %s", err, b)
			}
		}
	}
}

// One Fonts serves every goroutine: the window and a batch print may render at once.
func TestConcurrentRendering(t *testing.T) {
	f, p, dd := testFonts(t), sampleProfile(), sampleDossier()
	want := render(t, func(w io.Writer) error { return Receipt(w, f, p, dd) })
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			var b bytes.Buffer
			err := Receipt(&b, f, p, dd)
			if err == nil && !bytes.Equal(b.Bytes(), want) {
				err = fmt.Errorf("concurrent render differs")
			}
			errs <- err
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
