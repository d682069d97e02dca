package cli

import (
	"flag"
	"fmt"
	"io"
	"time"

	"motcua/internal/office"
	"motcua/internal/register"
)

// command is one line of the command table.
type command struct {
	name    string                            // what follows "motcua"
	usage   string                            // what follows the name, as help and usage errors print it
	summary string                            // the sentence the help lists under the usage
	run     func(e *Env, args []string) error // parses the flags, calls the office, prints
}

// commands is the command table, one line per command, each run by one
// named function (the help lists them sorted by name).
var commands = []command{
	// A dossier, step by step.
	{"receive", "--procedure MÃ [--variant xac-minh] [--channel counter|post|online] --applicant HỌ_TÊN [--address A] [--phone P] [--email E] [--sets N] [--at \"YYYY-MM-DD HH:MM\"]",
		"Tiếp nhận hồ sơ: cấp mã hồ sơ, số thứ tự và hạn trả kết quả.",
		runReceive},
	{"forward", "MÃ_HỒ_SƠ --to ĐƠN_VỊ [--at …]",
		"Chuyển hồ sơ cho đơn vị giải quyết (ghi vào phiếu kiểm soát).",
		plainStep("forward", true, (*office.Office).Forward)},
	{"done", "MÃ_HỒ_SƠ [--at …]",
		"Ghi nhận kết quả đã chuyển về bộ phận một cửa, chờ trả.",
		plainStep("done", false, noText((*office.Office).MarkDone))},
	{"resume", "MÃ_HỒ_SƠ [--at …]",
		"Nhận hồ sơ đã bổ sung đầy đủ; thời hạn tính lại từ đầu.",
		plainStep("resume", false, noText((*office.Office).Resume))},
	{"withdraw", "MÃ_HỒ_SƠ [--reason LÝ_DO] [--at …]",
		"Công dân rút hồ sơ.",
		plainStep("withdraw", false, (*office.Office).Withdraw)},
	{"return", "MÃ_HỒ_SƠ [--at …]",
		"Trả kết quả cho công dân; xếp loại trước hạn, đúng hạn hoặc quá hạn.",
		plainStep("return", false, noText((*office.Office).Return))},
	{"apologise", "MÃ_HỒ_SƠ --reason LÝ_DO --new-date YYYY-MM-DD [--at …]",
		"Ghi văn bản xin lỗi và hẹn lại ngày trả kết quả (chỉ một lần).",
		runApologise},
	{"supplement", "MÃ_HỒ_SƠ --items \"GIẤY TỜ; GIẤY TỜ…\" --reason LÝ_DO [--at …]",
		"Yêu cầu bổ sung, hoàn thiện hồ sơ (chỉ một lần): ghi đủ các nội dung cần bổ sung và lý do.",
		runSupplement},
	{"refuse", "MÃ_HỒ_SƠ --reason LÝ_DO [--kind counter|appraisal] [--at …]",
		"Từ chối hồ sơ, nêu rõ lý do: counter = từ chối tiếp nhận tại bộ phận một cửa (mẫu 03), appraisal = cơ quan có thẩm quyền từ chối giải quyết sau thẩm định; mặc định theo quá trình của hồ sơ.",
		runRefuse},
	{"stop", "MÃ_HỒ_SƠ --by applicant|agency [--reason LÝ_DO] [--at …]",
		"Dừng giải quyết hồ sơ: theo đề nghị của người nộp (applicant) hoặc quyết định của cơ quan (agency, phải có lý do).",
		runStop},
	{"show", "MÃ_HỒ_SƠ",
		"Xem hồ sơ và toàn bộ quá trình giải quyết.",
		runShow},
	{"papers", "MÃ_HỒ_SƠ",
		"Liệt kê các giấy tờ in được cho hồ sơ (giấy tiếp nhận, phiếu bổ sung, từ chối, xin lỗi, thông báo dừng…), giấy nào dùng được lúc này và vì sao.",
		runPapers},
	{"search", "TỪ_KHÓA [--limit N]",
		"Tìm hồ sơ theo họ tên, địa chỉ, điện thoại hoặc mã, không cần gõ dấu. Từ khóa bắt đầu bằng dấu - thì đặt sau --, ví dụ: motcua search -- -a",
		runSearch},
	// Papers and letters.
	{"print", "receipt|control|supplement|refusal MÃ_HỒ_SƠ… -o TỆP | apology|stop|rejection MÃ_HỒ_SƠ [--signer NGƯỜI_KÝ] -o TỆP | register (--year YYYY | --from D --to D) -o TỆP | letter --kind LOẠI (--dossier MÃ | --to HỌ_TÊN --address A) [--field tên=giá_trị…] [--signer NGƯỜI_KÝ] -o TỆP | letter --number SỐ/NĂM -o TỆP | letters [--date YYYY-MM-DD] [--signer NGƯỜI_KÝ] -o TỆP | pledge --name HỌ_TÊN [--title CHỨC_VỤ] --sets BỘ,BỘ -o TỆP",
		"In biểu mẫu, sổ theo dõi hồ sơ, thư và bản cam kết ra tệp PDF; --open mở tệp, --print gửi ra máy in.",
		runPrint},
	{"letters", "[--status draft|issued] [--date YYYY-MM-DD]",
		"Liệt kê thư gửi công dân (thư chờ duyệt, thư đã cấp số).",
		runLetters},
	{"signers", "",
		"Liệt kê người ký thư được chọn bằng --signer: Chủ tịch và các Phó Chủ tịch (từ danh sách cán bộ và Cài đặt), người ký thường lệ đứng đầu.",
		runSigners},
	{"letter-template", "LOẠI [--set TỆP | --reset]",
		"Xem, sửa (từ tệp văn bản) hoặc khôi phục mẫu thư của một loại thư.",
		runLetterTemplate},
	{"letter-sent", "SỐ_THƯ|MÃ_THƯ --how hand|post|counter [--year NĂM] [--at \"YYYY-MM-DD HH:MM\"]",
		"Ghi thư đã gửi công dân: tận tay (hand), qua bưu điện (post) hoặc tại quầy (counter), và khi nào. SỐ_THƯ là số trong sổ văn bản đi (ví dụ 05), của năm nay nếu không có --year.",
		runLetterSent},
	{"letter-counts", "[--year NĂM]",
		"Đếm thư theo loại và theo tháng: đã soạn, đã cấp số, đã gửi.",
		runLetterCounts},
	{"pledge-sets", "",
		"Liệt kê các bộ khẩu hiệu cam kết (4 xin, 4 luôn, 5 biết, 5 không…).",
		runPledgeSets},
	// People and outreach.
	{"staff", "add --name HỌ_TÊN --role VAI_TRÒ [--title CHỨC_VỤ] [--unit ĐƠN_VỊ] [--phone SĐT] [--email E] [--start YYYY-MM-DD] | edit MÃ|HỌ_TÊN [--…] | end MÃ|HỌ_TÊN [--date YYYY-MM-DD] | list [--all] | print -o TỆP.pdf | passwd MÃ|HỌ_TÊN | passwords on|off",
		"Danh sách cán bộ, công chức: thêm, sửa, ghi ngày thôi công tác, liệt kê, in danh sách công khai tại quầy, đặt mật khẩu (passwd), bật hoặc tắt đăng nhập (passwords off: một người, không cần mật khẩu). Vai trò: counter (cán bộ một cửa), chair (chủ tịch), vice_chair (phó chủ tịch), specialist (công chức chuyên môn), admin (quản trị).",
		runStaff},
	{"whoami", "",
		"Cho biết đang làm việc dưới tên ai (--user), vai trò và những việc được làm; sổ có dùng tài khoản có mật khẩu hay không.",
		runWhoami},
	{"pledge", "sign CÁN_BỘ [--sets BỘ,BỘ] [--date YYYY-MM-DD] [--year NĂM] [--scan TỆP] | attach CÁN_BỘ TỆP [--year NĂM] | list [--year NĂM] | missing [--year NĂM] | sets [--choose BỘ,BỘ] | note CÁN_BỘ --kind violation|praise --source NGUỒN --text NỘI_DUNG [--date …] | notes [CÁN_BỘ]",
		"Cam kết của cán bộ: ghi việc ký bản cam kết mỗi năm (kèm bản quét PDF, JPEG hoặc PNG tối đa 2 MB), xem ai chưa ký, chọn các bộ cam kết của xã, ghi nhận vi phạm hoặc khen ngợi.",
		runPledge},
	{"rate", "MÃ_HỒ_SƠ 1|2|3 [--sipas 5,4,5,4,3] [--comment Ý_KIẾN] [--channel counter|paper|phone] [--by HỌ_TÊN] [--at …]",
		"Ghi đánh giá mức độ hài lòng của người dân với hồ sơ đã trả kết quả (1 hài lòng, 2 bình thường, 3 không hài lòng), mỗi hồ sơ một lần; --sipas: điểm 1–5 của năm yếu tố SIPAS.",
		runRate},
	{"rate-slip", "MÃ_HỒ_SƠ… -o TỆP.pdf",
		"In phiếu đánh giá mức độ hài lòng khổ A5 có mã QR của hồ sơ, cho người dân đánh giá trên giấy.",
		runRateSlip},
	{"satisfaction", "[--from YYYY-MM-DD] [--to YYYY-MM-DD]",
		"Tỷ lệ hài lòng của các hồ sơ trả kết quả trong kỳ (mặc định từ đầu năm đến hôm nay), kèm số phiếu đánh giá và tỷ lệ hồ sơ được đánh giá.",
		runSatisfaction},
	{"feedback", "add --content NỘI_DUNG [--channel KÊNH] [--sender HỌ_TÊN] [--contact SĐT] [--dossier MÃ] [--staff CÁN_BỘ] [--handler NGƯỜI_XỬ_LÝ] [--due YYYY-MM-DD] [--at …] | answer SỐ --text TRẢ_LỜI [--accepted yes|no] [--at …] | accept SỐ yes|no | list [--from D] [--to D] [--overdue] | days [N]",
		"Phản ánh, kiến nghị của người dân: ghi nhận (hạn trả lời mặc định 10 ngày làm việc), trả lời, ghi người dân có đồng ý không, liệt kê, xem việc quá hạn. Kênh: in_person, phone, letter, hotline, portal, box.",
		runFeedback},
	{"dialogue", "add --at \"YYYY-MM-DD HH:MM\" --place NƠI --chair NGƯỜI_CHỦ_TRÌ [--attendance N] [--participants …] [--issue Ý_KIẾN …] | commit HỘI_NGHỊ --text CAM_KẾT --owner NGƯỜI_THỰC_HIỆN --deadline YYYY-MM-DD | done HỘI_NGHỊ.SỐ [--date YYYY-MM-DD] [--result KẾT_QUẢ] | list [--from D] [--to D] | minutes HỘI_NGHỊ -o TỆP.pdf",
		"Hội nghị đối thoại với Nhân dân: ghi hội nghị và ý kiến người dân, ghi cam kết (người chịu trách nhiệm, thời hạn), theo dõi đến khi hoàn thành, in biên bản. HỘI_NGHỊ là số trong năm (ví dụ 02 hoặc 02/2026).",
		runDialogue},
	{"outreach", "",
		"Việc cần chú ý về cán bộ và người dân: tỷ lệ cán bộ đã ký cam kết năm nay (và ai chưa ký), phản ánh quá hạn chưa trả lời, cam kết đối thoại quá hạn.",
		runOutreach},
	// The catalogue, the calendar, the commune.
	{"procedures", "[import TỆP.json | confirm MÃ [--variant MÃ_TRƯỜNG_HỢP]] [--unconfirmed]",
		"Liệt kê danh mục thủ tục hành chính, thời hạn giải quyết, các trường hợp đặc biệt (--variant khi tiếp nhận) và cơ quan giải quyết; --unconfirmed: các thời hạn chờ quản trị viên xác nhận; confirm: ghi nhận đã đối chiếu thời hạn với danh mục TTHC của tỉnh; import: thêm hoặc sửa thủ tục từ tệp JSON (mỗi lần sửa thành một phiên bản mới).",
		runProcedures},
	{"calendar", "due --from \"YYYY-MM-DD HH:MM\" --limit 3d|16h|23c|same-day | day YYYY-MM-DD | holidays YYYY | years | review [--apply] | schedule YYYY [import TỆP.json | shipped] [--apply]",
		"Tính hạn trả kết quả, xem một ngày là ngày làm việc hay ngày nghỉ (dự kiến hay đã công bố), liệt kê ngày nghỉ của một năm, xem các năm còn chờ thông báo lịch nghỉ, xem và áp dụng việc tính lại hạn trả khi lịch nghỉ được sửa, xem hoặc nhập lịch nghỉ đã công bố.",
		runCalendar},
	{"settings", "[KHÓA=GIÁ_TRỊ …]",
		"Xem hoặc đặt thông tin xã, người ký, mã cơ quan, giờ làm việc.",
		runSettings},
	// Reports, Excel, and the upper level.
	{"report", "[--period 2027-01|2027-Q1|2027-H1|2027 | --from YYYY-MM-DD --to YYYY-MM-DD] [--format text|json|pdf|xlsx|csv] [-o TỆP]",
		"Báo cáo kết quả giải quyết hồ sơ của một kỳ (mặc định tháng báo cáo hiện tại, chốt số liệu theo cài đặt report.start_day): tiếp nhận, trả trước hạn, đúng hạn, quá hạn, tỷ lệ, theo kênh và theo thủ tục, diễn biến 12 tháng, tự chấm điểm; PDF, Excel (kèm sổ theo dõi hồ sơ của kỳ) hoặc CSV.",
		runReport},
	{"import-xlsx", "TỆP.xlsx [--map trường=CỘT,…] [--procedure \"Tên trong sổ=MÃ\"]… [--yes]",
		"Nhập sổ theo dõi hồ sơ đang giữ bằng Excel: đoán cột theo tiêu đề, kiểm tra từng dòng (ngày dd/mm/yyyy hoặc ô ngày của Excel, thủ tục, trùng mã), in bản xem trước và các dòng lỗi; chỉ nhập khi có --yes, tất cả trong một lần lưu. Nhập lại cùng tệp không thêm gì.",
		runImportXLSX},
	{"keys", "init | show | rotate [--passphrase-file TỆP] [--new-passphrase-file TỆP]",
		"Khóa ký gói dữ liệu gửi cấp trên: tạo khóa (init), xem khóa công khai và dấu vân tay để đọc cho cấp trên (show), đổi khóa (rotate: khóa cũ ký xác nhận khóa mới). Mật khẩu hỏi khi chạy (không hiện lên màn hình), hoặc lấy từ --passphrase-file hay biến MOTCUA_PASSPHRASE; mật khẩu của khóa mới khi đổi khóa từ --new-passphrase-file hay MOTCUA_NEW_PASSPHRASE.",
		runKeys},
	{"export", "--period YYYY-MM | --from YYYY-MM-DD --to YYYY-MM-DD -o TỆP.zip [--passphrase-file TỆP]",
		"Xuất gói dữ liệu đã ký gửi cấp trên: mọi hồ sơ, thư và lịch nghỉ tạo mới hoặc thay đổi trong kỳ.",
		runExport},
	{"verify", "TỆP.zip [--key KHÓA_CÔNG_KHAI | --keyring CSDL]",
		"Kiểm tra gói dữ liệu: chữ ký, đủ tệp, không tệp nào bị sửa. Chỉ trả mã 0 khi mọi thứ đúng.",
		runVerify},
	{"import", "TỆP.zip [--trust DẤU_VÂN_TAY]",
		"Cấp trên: kiểm tra rồi nhập gói dữ liệu của một xã (gói đã nhập thì không nhập lại). Gói đầu tiên của xã cần --trust với dấu vân tay đã đối chiếu qua điện thoại.",
		runImport},
	{"communes", "[--period YYYY-MM | --from YYYY-MM-DD --to YYYY-MM-DD]",
		"Cấp trên: danh sách xã đã đăng ký, gói đã nhận, gói còn thiếu, số liệu từng xã và tổng hợp trong kỳ (mặc định tháng trước), xã chưa gửi.",
		runCommunes},
	// The register itself.
	{"check", "",
		"Kiểm tra toàn bộ tệp dữ liệu xem có hỏng không (chạy lâu hơn với sổ lớn).",
		runCheck},
	{"backup", "-o TỆP.db|THƯ_MỤC",
		"Sao lưu sổ ra một tệp (hoặc vào một thư mục, ví dụ USB) khi phần mềm vẫn đang dùng.",
		runBackup},
	{"restore", "TỆP.db [--yes]",
		"Khôi phục sổ từ một bản sao lưu: kiểm tra tệp, giữ lại sổ hiện tại trong thư mục sao-luu, báo số hồ sơ sẽ mất.",
		runRestore},
	{"audit", "verify",
		"Kiểm tra nhật ký thay đổi: chỉ ra mục đầu tiên bị sửa, chèn hoặc xóa ngoài phần mềm, và hồ sơ bị sửa trực tiếp trong tệp dữ liệu.",
		runAudit},
	{"migrate", "--from NGUỒN --to ĐÍCH",
		"Chuyển toàn bộ dữ liệu của văn phòng từ một tệp SQLite sang máy chủ PostgreSQL (postgres://…) hoặc ngược lại; đích phải trống, chuyển trọn vẹn hoặc không chuyển gì.",
		runMigrate},
	{"seed", "--dossiers N [--years Y] [--seed S] [--if-empty] [--demo-profile]",
		"Tạo dữ liệu mẫu: N hồ sơ giả lập (họ tên tiếng Việt, cơ cấu thủ tục thực tế) để trình diễn và đo hiệu năng.",
		runSeed},
	{"bench", "[--samples N]",
		"Đo tốc độ trên một bản sao của cơ sở dữ liệu đang có (tiếp nhận, tìm kiếm, trang sổ); dùng để kiểm tra máy cũ. Sổ thật không bị ghi gì.",
		runBench},
	{"version", "",
		"In phiên bản phần mềm.",
		runVersion},
}

// IsCommand reports whether name is a subcommand (main uses it to decide
// between the window and the command line).
func IsCommand(name string) bool {
	if name == "help" || name == "-h" || name == "--help" {
		return true
	}
	_, ok := find(name)
	return ok
}

func find(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// withOffice opens the register as --user for one command, runs fn and
// closes the register. Errors go back to run, which prints them as one
// Vietnamese sentence with the exit status (and reports a failed close).
func (e *Env) withOffice(fn func(o *office.Office) error) error {
	o, err := e.office()
	if err != nil {
		return err
	}
	defer o.Close()
	return fn(o)
}

// orEmpty is xs, or an empty list where xs is nil: --json prints a list
// as [], never null.
func orEmpty[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

// emitLines prints a list one line an item, or none when it is empty
// ("": nothing); with --json, the list ([] when empty).
func emitLines[T any](e *Env, items []T, none string, line func(io.Writer, T)) error {
	items = orEmpty(items)
	return e.emit(items, func(w io.Writer) {
		if len(items) == 0 && none != "" {
			fmt.Fprintln(w, none)
		}
		for _, it := range items {
			line(w, it)
		}
	})
}

// totals is a list with its totals, as --json prints it.
type totals[T, S any] struct {
	Items   []T `json:"items"`
	Summary S   `json:"summary"`
}

func withTotals[T, S any](items []T, sum S) totals[T, S] {
	return totals[T, S]{orEmpty(items), sum}
}

// parseNoArgs parses a command that takes flags only.
func (e *Env) parseNoArgs(fs *flag.FlagSet, args []string) error {
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("thừa tham số %q", pos[0])
	}
	return nil
}

// parseTask parses a command whose first word is a task (staff add, staff
// list …); tasks names them for the message when none is given.
func (e *Env) parseTask(fs *flag.FlagSet, args []string, tasks string) ([]string, error) {
	pos, err := e.parse(fs, args)
	if err == nil && len(pos) == 0 {
		err = usagef("cần một việc: %s", tasks)
	}
	return pos, err
}

// unknownTask refuses a task the command does not have.
func unknownTask(task, tasks string) error {
	return usagef("không có việc %q: dùng %s", task, tasks)
}

// parseOne parses a command that takes exactly one argument: what names
// it for the message when it is missing or followed by another.
func (e *Env) parseOne(fs *flag.FlagSet, args []string, what string) (string, error) {
	pos, err := e.parse(fs, args)
	if err == nil && len(pos) != 1 {
		err = usagef("cần đúng một %s", what)
	}
	if err != nil {
		return "", err
	}
	return pos[0], nil
}

// parseCode parses a command that takes exactly one dossier code.
func (e *Env) parseCode(fs *flag.FlagSet, args []string) (string, error) {
	return e.parseOne(fs, args, "mã hồ sơ")
}

// withDossier runs a command that takes exactly one dossier code and no
// flags: it parses, opens the register, finds the dossier and hands both
// to fn, closing the register after.
func (e *Env) withDossier(name string, args []string, fn func(*office.Office, *register.Dossier) error) error {
	code, err := e.parseCode(flag.NewFlagSet(name, flag.ContinueOnError), args)
	if err != nil {
		return err
	}
	return e.withOffice(func(o *office.Office) error {
		d, err := o.Show(e.ctx, code)
		if err != nil {
			return err
		}
		return fn(o, d)
	})
}

// changeDossier is every command that moves one dossier a step (forward …
// return, supplement, refuse, stop, apologise): fs holds the step's own
// flags, to which it adds --at; it parses exactly one dossier code, lets
// check refuse what the step lacks before the register opens, then acts
// and prints the dossier with the step's warnings (on stderr too).
func (e *Env) changeDossier(fs *flag.FlagSet, args []string, check func() error, act func(o *office.Office, code string, at time.Time) (*register.Dossier, []string, error)) error {
	atS := fs.String("at", "", "thời điểm")
	code, err := e.parseCode(fs, args)
	if err != nil {
		return err
	}
	if err := check(); err != nil {
		return err
	}
	at, err := parseAt(*atS)
	if err != nil {
		return err
	}
	return e.withOffice(func(o *office.Office) error {
		d, warnings, err := act(o, code, at)
		if err != nil {
			return err
		}
		for _, w := range warnings {
			fmt.Fprintf(e.Stderr, "Cảnh báo: %s\n", w)
		}
		return e.printDossier(d, warnings)
	})
}
