package docs

import (
	"fmt"
	"strings"
)

// The two form sets (bộ biểu mẫu) of the one-stop mechanism. Every dossier prints with the
// set it was received under.
const (
	FormSet2025 = "TT03/2025" // Thông tư 03/2025/TT-VPCP, in force for dossiers from 2025: the default
	FormSet2018 = "TT01/2018" // Thông tư 01/2018/TT-VPCP, kept as a profile
)

// FormKind names a form independently of its number in a set.
type FormKind string

const (
	FormReceipt    FormKind = "receipt"    // giấy tiếp nhận hồ sơ và hẹn trả kết quả
	FormSupplement FormKind = "supplement" // phiếu yêu cầu bổ sung, hoàn thiện hồ sơ
	FormRefusal    FormKind = "refusal"    // phiếu từ chối tiếp nhận giải quyết hồ sơ
	FormApology    FormKind = "apology"    // phiếu / văn bản xin lỗi
	FormStop       FormKind = "stop"       // thông báo dừng giải quyết hồ sơ (2025 only)
	FormControl    FormKind = "control"    // phiếu kiểm soát quá trình giải quyết hồ sơ
	FormRegister   FormKind = "register"   // sổ theo dõi hồ sơ
	// FormRejection is the competent body's notice refusing a dossier after appraisal: a
	// document of the body in Decree 30's layout, in neither set of numbered forms.
	FormRejection FormKind = "rejection"
)

// rejectionForm is the refusal after appraisal, the same in both sets.
var rejectionForm = Form{Kind: FormRejection, Title: "THÔNG BÁO", Summary: "Về việc từ chối giải quyết hồ sơ", Paper: "A4"}

// Form is one form of a set: its number ("Mẫu số 04"), its printed title and paper.
type Form struct {
	Kind    FormKind
	Number  string // "04"
	Title   string // as printed, in capitals
	Summary string // the summary line under the title (trích yếu), bold; empty for the numbered forms
	Paper   string // the paper the form set assumes: "A4" (Profile.FormPaper may print forms 01–06 on A5)
}

// FormSetInfo is a form set and its forms in order.
type FormSetInfo struct {
	Code  string // FormSet2025 or FormSet2018
	Name  string // "Thông tư 03/2025/TT-VPCP"
	Forms []Form
}

// formSets is the catalogue of REFERENCE §3. The 2018 list is checked against the circular
// [V]; the 2025 list against two independent secondary sources [S].
var formSets = []FormSetInfo{
	{FormSet2025, "Thông tư 03/2025/TT-VPCP", []Form{
		{Kind: FormReceipt, Number: "01", Title: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", Paper: "A4"},
		{Kind: FormSupplement, Number: "02", Title: "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", Paper: "A4"},
		{Kind: FormRefusal, Number: "03", Title: "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", Paper: "A4"},
		{Kind: FormApology, Number: "04", Title: "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT", Paper: "A4"},
		{Kind: FormStop, Number: "05", Title: "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", Paper: "A4"},
		{Kind: FormControl, Number: "06", Title: "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", Paper: "A4"},
		{Kind: FormRegister, Number: "07", Title: "SỔ THEO DÕI HỒ SƠ", Paper: "A4"},
	}},
	{FormSet2018, "Thông tư 01/2018/TT-VPCP", []Form{
		{Kind: FormReceipt, Number: "01", Title: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", Paper: "A4"},
		{Kind: FormSupplement, Number: "02", Title: "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", Paper: "A4"},
		{Kind: FormRefusal, Number: "03", Title: "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", Paper: "A4"},
		{Kind: FormApology, Number: "04", Title: "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", Paper: "A4"},
		{Kind: FormControl, Number: "05", Title: "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", Paper: "A4"},
		{Kind: FormRegister, Number: "06", Title: "SỔ THEO DÕI HỒ SƠ", Paper: "A4"},
	}},
}

// FormSets lists the form sets, the default first.
func FormSets() []FormSetInfo {
	out := make([]FormSetInfo, len(formSets))
	for i, s := range formSets {
		s.Forms = append([]Form(nil), s.Forms...)
		out[i] = s
	}
	return out
}

// LookupForm finds a form in a set; the error says, in Vietnamese, when the set is unknown or
// has no such form (the stop notice exists only from 2025).
func LookupForm(set string, kind FormKind) (Form, error) {
	for _, s := range formSets {
		if s.Code != set {
			continue
		}
		for _, f := range s.Forms {
			if f.Kind == kind {
				return f, nil
			}
		}
		if kind == FormRejection {
			return rejectionForm, nil
		}
		if kind == FormStop {
			return Form{}, fmt.Errorf("bộ biểu mẫu theo %s không có mẫu Thông báo dừng giải quyết hồ sơ (mẫu này chỉ có từ Thông tư 03/2025/TT-VPCP); hồ sơ tiếp nhận theo bộ mẫu cũ thì báo dừng bằng một văn bản soạn riêng", s.Name)
		}
		return Form{}, fmt.Errorf("bộ biểu mẫu theo %s không có mẫu %q", s.Name, kind)
	}
	codes := make([]string, len(formSets))
	for i, s := range formSets {
		codes[i] = s.Code
	}
	return Form{}, fmt.Errorf("không có bộ biểu mẫu %q: chọn một trong %s", set, strings.Join(codes, ", "))
}
