package docs

import (
	"fmt"
	"slices"
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

// Form is one form of a set, as the data files under assets/forms describe it: its number
// ("Mẫu số 04"), printed title, paper, heading and layout.
type Form struct {
	Kind        FormKind `json:"kind"`
	Number      string   `json:"number,omitempty"`       // "04"; empty for a paper outside the numbered set
	Title       string   `json:"title"`                  // as printed, in capitals
	Summary     string   `json:"summary,omitempty"`      // the summary line under the title (trích yếu), bold
	Paper       string   `json:"paper"`                  // "A4"
	OfficePaper bool     `json:"office_paper,omitempty"` // the office's paper setting (A5…) applies
	Issuer      string   `json:"issuer,omitempty"`       // "counter" (the one-stop counter) or "body" (UBND, signed by its chair)
	Numbered    bool     `json:"numbered,omitempty"`     // prints "Số: …"
	Date        string   `json:"date,omitempty"`         // place-and-date line: "issued" (the paper's date), "received", or none
	Copies      []string `json:"copies,omitempty"`       // copy labels, each copy laid out in full ({copy})
	Blocks      []Block  `json:"blocks,omitempty"`       // the layout
	Columns     []Column `json:"columns,omitempty"`      // the register book's columns (mm for its 272 mm line)
}

// FormSetInfo is a form set and its forms in order.
type FormSetInfo struct {
	Code   string // FormSet2025 or FormSet2018
	Name   string // "Thông tư 03/2025/TT-VPCP"
	Source string // where the forms come from, and how sure that is
	Forms  []Form
}

// FormSets lists the shipped form sets, the default first.
func FormSets() []FormSetInfo { return mustDefault().FormSets() }

// FormSets lists the library's form sets, the default first.
func (l *FormLibrary) FormSets() []FormSetInfo {
	out := make([]FormSetInfo, len(l.sets))
	for i, s := range l.sets {
		s.Forms = slices.Clone(s.Forms)
		out[i] = s
	}
	return out
}

// LookupForm finds a form in a shipped set; the error says, in Vietnamese, when the set is
// unknown or has no such form (the stop notice exists only from 2025).
func LookupForm(set string, kind FormKind) (Form, error) { return mustDefault().Lookup(set, kind) }

// Lookup finds a form in one of the library's sets.
func (l *FormLibrary) Lookup(set string, kind FormKind) (Form, error) {
	for _, s := range l.sets {
		if s.Code != set {
			continue
		}
		for _, f := range s.Forms {
			if f.Kind == kind {
				return f, nil
			}
		}
		if kind == FormStop {
			return Form{}, fmt.Errorf("bộ biểu mẫu theo %s không có mẫu Thông báo dừng giải quyết hồ sơ (mẫu này chỉ có từ Thông tư 03/2025/TT-VPCP); hồ sơ tiếp nhận theo bộ mẫu cũ thì báo dừng bằng một văn bản soạn riêng", s.Name)
		}
		return Form{}, fmt.Errorf("bộ biểu mẫu theo %s không có mẫu %q", s.Name, kind)
	}
	codes := make([]string, len(l.sets))
	for i, s := range l.sets {
		codes[i] = s.Code
	}
	return Form{}, fmt.Errorf("không có bộ biểu mẫu %q: chọn một trong %s", set, strings.Join(codes, ", "))
}

// library is the profile's form sets, the shipped ones when it names none.
func (p Profile) library() *FormLibrary {
	if p.Forms != nil {
		return p.Forms
	}
	return mustDefault()
}
