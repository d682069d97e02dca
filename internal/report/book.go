package report

import "time"

// BookRow is one entry of the register book (sổ theo dõi hồ sơ) as the
// paper book's columns have it (REFERENCE §3).
type BookRow struct {
	EntryNo      int
	Code         string
	Procedure    string
	Sets         int
	Applicant    string
	Address      string
	Phone        string
	HandlingUnit string
	ReceivedAt   time.Time
	DueAt        time.Time
	ForwardedAt  *time.Time // chuyển hồ sơ đến cơ quan giải quyết
	ResultAt     *time.Time // nhận kết quả từ cơ quan giải quyết
	ReturnedAt   *time.Time // trả kết quả
	ResultMethod string
	Channel      string
	Outcome      string // Trước hạn / Đúng hạn / Quá hạn
	State        string
	Note         string
}

// BookColumns are the register book's column headings, in order.
var BookColumns = []string{"TT", "Mã hồ sơ", "Tên thủ tục hành chính", "Số lượng hồ sơ (bộ)", "Tên cá nhân, tổ chức",
	"Địa chỉ, số điện thoại", "Cơ quan chủ trì giải quyết", "Ngày nhận hồ sơ", "Ngày hẹn trả kết quả",
	"Ngày chuyển hồ sơ đến cơ quan giải quyết", "Ngày nhận kết quả từ cơ quan giải quyết", "Ngày trả kết quả",
	"Phương thức nhận kết quả", "Ký nhận", "Ghi chú"}
