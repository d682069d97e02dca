package people

import "slices"

// Action is something a staff member does through the office that not every
// role may do. The table below is the one place that says who may do what;
// the office checks it in every guarded use case, so the window and the
// command line cannot disagree.
type Action string

// The guarded actions.
const (
	// Counter work (cán bộ một cửa and everyone who may stand in for them).
	ActReceive     Action = "receive"      // tiếp nhận hồ sơ
	ActHandle      Action = "handle"       // chuyển, bổ sung, trả, từ chối, rút, xin lỗi, xong, tiếp tục
	ActDraftLetter Action = "draft_letter" // soạn thư, sửa hoặc bỏ bản nháp, ghi đã gửi
	ActRate        Action = "rate"         // ghi đánh giá của người dân
	ActFeedback    Action = "feedback"     // ghi và trả lời phản ánh, kiến nghị; hội nghị đối thoại và cam kết

	// Signing for the commune (chủ tịch, phó chủ tịch).
	ActIssueLetter Action = "issue_letter" // duyệt và phát hành thư (cấp số)
	ActSign        Action = "sign"         // khóa ký (keys init/rotate), xuất gói số liệu ký số

	// Administration (quản trị).
	ActCatalogue Action = "catalogue" // nhập, sửa, xác nhận thủ tục
	ActCalendar  Action = "calendar"  // nhập, sửa lịch nghỉ, áp dụng điều chỉnh hạn
	ActTemplates Action = "templates" // mẫu thư
	ActSettings  Action = "settings"  // cài đặt
	ActStaff     Action = "staff"     // danh sách cán bộ, cam kết, mật khẩu
	ActRestore   Action = "restore"   // khôi phục sổ từ bản sao lưu
	ActBackdate  Action = "backdate"  // ghi lùi ngày trước hôm nay
	ActImport    Action = "import"    // nhập sổ giấy, gói số liệu cấp dưới, dữ liệu mẫu
)

var counterWork = []Action{ActReceive, ActHandle, ActDraftLetter, ActRate, ActFeedback}

var adminWork = []Action{ActCatalogue, ActCalendar, ActTemplates, ActSettings, ActStaff, ActRestore, ActBackdate, ActImport}

// permissions is who may do what. Every role may do the counter's work (a
// chair stands in at the counter, an administrator enters paper records);
// only the signers issue and sign; only the administrator administers.
var permissions = map[Role][]Action{
	RoleCounter:    counterWork,
	RoleSpecialist: counterWork,
	RoleChair:      append(slices.Clone(counterWork), ActIssueLetter, ActSign),
	RoleViceChair:  append(slices.Clone(counterWork), ActIssueLetter, ActSign),
	RoleAdmin:      append(slices.Clone(counterWork), adminWork...),
}

// May reports whether role r may do a.
func (r Role) May(a Action) bool { return slices.Contains(permissions[r], a) }

// Actions lists what role r may do.
func (r Role) Actions() []Action { return slices.Clone(permissions[r]) }

// refusals say, for each action, who may do it and what to do.
var refusals = map[Action]string{
	ActReceive:     "Chỉ cán bộ có tên trong danh sách cán bộ được tiếp nhận hồ sơ; hãy đăng nhập bằng tài khoản của mình.",
	ActHandle:      "Chỉ cán bộ có tên trong danh sách cán bộ được xử lý hồ sơ; hãy đăng nhập bằng tài khoản của mình.",
	ActDraftLetter: "Chỉ cán bộ có tên trong danh sách cán bộ được soạn thư; hãy đăng nhập bằng tài khoản của mình.",
	ActRate:        "Chỉ cán bộ có tên trong danh sách cán bộ được ghi đánh giá; hãy đăng nhập bằng tài khoản của mình.",
	ActFeedback:    "Chỉ cán bộ có tên trong danh sách cán bộ được ghi phản ánh, kiến nghị; hãy đăng nhập bằng tài khoản của mình.",
	ActIssueLetter: "Chỉ Chủ tịch hoặc Phó Chủ tịch UBND xã được phát hành thư; hãy đăng nhập bằng tài khoản của người ký.",
	ActSign:        "Chỉ Chủ tịch hoặc Phó Chủ tịch UBND xã được tạo khóa ký và ký gói số liệu gửi cấp trên; hãy đăng nhập bằng tài khoản của người ký.",
	ActCatalogue:   "Chỉ người quản trị được nhập, sửa hoặc xác nhận thủ tục hành chính; hãy nhờ người quản trị đăng nhập.",
	ActCalendar:    "Chỉ người quản trị được nhập hoặc sửa lịch nghỉ và áp dụng điều chỉnh hạn trả; hãy nhờ người quản trị đăng nhập.",
	ActTemplates:   "Chỉ người quản trị được sửa mẫu thư; hãy nhờ người quản trị đăng nhập.",
	ActSettings:    "Chỉ người quản trị được thay đổi cài đặt; hãy nhờ người quản trị đăng nhập.",
	ActStaff:       "Chỉ người quản trị được sửa danh sách cán bộ và mật khẩu của người khác; hãy nhờ người quản trị đăng nhập.",
	ActRestore:     "Chỉ người quản trị được khôi phục sổ từ bản sao lưu; hãy nhờ người quản trị đăng nhập.",
	ActBackdate:    "Chỉ người quản trị được ghi lùi ngày sang ngày trước hôm nay; hãy ghi với thời điểm trong hôm nay hoặc nhờ người quản trị đăng nhập.",
	ActImport:      "Chỉ người quản trị được nhập sổ giấy, dữ liệu mẫu hoặc gói số liệu từ nơi khác vào sổ; hãy nhờ người quản trị đăng nhập.",
}

// Refusal is the sentence that names who may do a, for a staff member who
// may not.
func Refusal(a Action) string {
	if s, ok := refusals[a]; ok {
		return s
	}
	return "Tài khoản đang đăng nhập không được làm việc này; hãy đăng nhập bằng tài khoản có quyền."
}
