package office

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"motcua/internal/docs"
	"motcua/internal/register"
)

// Paper is one paper the office can print for a dossier, and whether its
// history calls for it now. The window's paper menu and the command line's
// `print` and `papers` both read this list: the rules live here only.
type Paper struct {
	Kind    docs.FormKind `json:"kind"`
	Number  string        `json:"number,omitempty"` // "04" in the dossier's form set; empty for the refusal after appraisal
	Title   string        `json:"title"`            // as the dossier's form set names it, in sentence case
	Label   string        `json:"label"`            // for a menu: the title, with "(2 liên)" for the receipt
	File    string        `json:"file"`             // start of the file name; the dossier code follows
	Sheet   string        `json:"sheet"`            // the paper it prints on: "khổ A4", "khổ A5, 2 liên"…
	Enabled bool          `json:"enabled"`
	Why     string        `json:"why"` // a sentence: what the paper answers, or why it does not apply
	// ChooseSigner: the People's Committee signs this paper, so the chair
	// or a vice-chair (Signers) may be chosen to sign it (PrintFormsSignedBy).
	ChooseSigner bool `json:"choose_signer,omitempty"`
}

var paperFiles = map[docs.FormKind]string{
	docs.FormReceipt: "giay-hen", docs.FormControl: "phieu-kiem-soat", docs.FormSupplement: "phieu-bo-sung",
	docs.FormApology: "phieu-xin-loi", docs.FormRefusal: "phieu-tu-choi", docs.FormRejection: "thong-bao-tu-choi",
	docs.FormStop: "thong-bao-dung",
}

// paperOrder is the order papers are offered in.
var paperOrder = []docs.FormKind{docs.FormReceipt, docs.FormControl, docs.FormSupplement, docs.FormApology,
	docs.FormRefusal, docs.FormRejection, docs.FormStop}

// PaperOf describes one kind of paper in a form set (the profile's when
// empty), without a dossier: for printing a receipt just saved.
func (o *Office) PaperOf(kind docs.FormKind, formSet string) Paper {
	if formSet == "" {
		formSet = o.cfg().profile.FormSet
	}
	if formSet == "" {
		formSet = docs.FormSet2025
	}
	p := Paper{Kind: kind, File: paperFiles[kind], Enabled: true, ChooseSigner: slices.Contains(ChairSignedForms, kind)}
	f, err := docs.LookupForm(formSet, kind)
	if err != nil {
		// A kind the set lacks (the stop notice before 2025) keeps the 2025 name.
		f, _ = docs.LookupForm(docs.FormSet2025, kind)
		p.Enabled, p.Why = false, firstUpper(err.Error())+"."
	}
	p.Number, p.Title = f.Number, sentenceCase(f.Title)
	if kind == docs.FormRejection {
		p.Title = "Thông báo từ chối giải quyết hồ sơ (sau thẩm định)"
	}
	p.Label = p.Title
	p.Sheet = sheet(o.cfg().profile.FormPaper, kind)
	if kind == docs.FormReceipt {
		p.Label += " (2 liên)"
	}
	return p
}

// sheet names the paper a form prints on for the window's messages.
func sheet(setting string, kind docs.FormKind) string {
	switch {
	case kind == docs.FormRejection:
		return "khổ A4"
	case kind == docs.FormReceipt && setting == docs.PaperA5OnA4:
		return "khổ A4 ngang, 2 liên A5 cắt đôi"
	case kind == docs.FormReceipt && setting == docs.PaperA5:
		return "khổ A5, 2 liên"
	case kind == docs.FormReceipt:
		return "khổ A4, 2 liên"
	case setting == docs.PaperA5 || setting == docs.PaperA5OnA4:
		return "khổ A5"
	}
	return "khổ A4"
}

// Papers lists every paper of a dossier in the order a menu offers them,
// each enabled when the dossier's history calls for it, with the reason in
// a sentence either way.
func (o *Office) Papers(d *register.Dossier) []Paper {
	out := make([]Paper, 0, len(paperOrder))
	committee := o.committeeSigns(context.Background(), d) // one lookup for the three papers it concerns
	for _, k := range paperOrder {
		p := o.PaperOf(k, d.FormSet)
		on, why := applies(k, d)
		if p.Enabled || !on {
			p.Enabled, p.Why = on, why
		}
		if p.ChooseSigner && !committee {
			p.ChooseSigner = false // the authority's own signer (the commune police) signs
		}
		out = append(out, p)
	}
	return out
}

// committeeSigns reports whether the People's Committee signs the dossier's
// papers, so that its chair or a vice-chair may be chosen: not for the
// procedures whose own authority (the commune police) issues and signs them.
func (o *Office) committeeSigns(ctx context.Context, d *register.Dossier) bool {
	p, err := o.ProcedureOf(ctx, d)
	return err != nil || p.ByCommittee()
}

// applies is the rule for one paper: whether the dossier's history calls
// for it, and the sentence that says why (or why not).
func applies(k docs.FormKind, d *register.Dossier) (bool, string) {
	refusal, refused := d.Refusal()
	switch k {
	case docs.FormReceipt:
		return true, "Giấy tiếp nhận giao người nộp hồ sơ khi tiếp nhận (02 liên)."
	case docs.FormControl:
		return true, "Phiếu kiểm soát đi kèm hồ sơ qua các bước giao, nhận."
	case docs.FormSupplement:
		if d.SupplementAt == nil {
			return false, fmt.Sprintf("Hồ sơ %s chưa có yêu cầu bổ sung nên không có phiếu yêu cầu bổ sung để in.", d.Code)
		}
		return true, "Hồ sơ đã được yêu cầu bổ sung, hoàn thiện."
	case docs.FormApology:
		if d.ApologyAt == nil {
			return false, fmt.Sprintf("Hồ sơ %s chưa có văn bản xin lỗi, hẹn lại; hãy ghi xin lỗi và ngày hẹn mới trước.", d.Code)
		}
		return true, "Hồ sơ đã được xin lỗi và hẹn lại ngày trả kết quả."
	case docs.FormRefusal:
		switch {
		case refused && refusal == register.RefuseAtCounter:
			return true, "Bộ phận một cửa đã từ chối tiếp nhận hồ sơ."
		case refused:
			return false, fmt.Sprintf("Hồ sơ %s bị cơ quan có thẩm quyền từ chối giải quyết sau thẩm định: in thông báo từ chối giải quyết, không in phiếu từ chối tiếp nhận.", d.Code)
		}
		return false, fmt.Sprintf("Hồ sơ %s không bị từ chối nên không có phiếu từ chối để in.", d.Code)
	case docs.FormRejection:
		switch {
		case refused && refusal == register.RefuseAfterAppraisal:
			return true, "Cơ quan có thẩm quyền đã từ chối giải quyết hồ sơ sau thẩm định."
		case refused:
			return false, fmt.Sprintf("Hồ sơ %s bị từ chối tiếp nhận tại bộ phận một cửa: in phiếu từ chối tiếp nhận (mẫu 03).", d.Code)
		}
		return false, fmt.Sprintf("Hồ sơ %s không bị từ chối giải quyết nên không có thông báo từ chối để in.", d.Code)
	case docs.FormStop:
		if by, ok := d.Stopped(); ok {
			return true, by.Vietnamese() + "."
		}
		if refused {
			return false, fmt.Sprintf("Hồ sơ %s bị từ chối: trả lời bằng giấy từ chối, không bằng thông báo dừng giải quyết.", d.Code)
		}
		return false, fmt.Sprintf("Hồ sơ %s chưa dừng giải quyết (người nộp rút hoặc cơ quan quyết định dừng) nên không có thông báo dừng để in.", d.Code)
	}
	return false, fmt.Sprintf("Không có mẫu %q.", k)
}

// paperFor finds kind among the dossier's papers; the error is the
// sentence that says why it does not apply.
func (o *Office) paperFor(kind docs.FormKind, d *register.Dossier) error {
	for _, p := range o.Papers(d) {
		if p.Kind == kind {
			if !p.Enabled {
				return fmt.Errorf("%s", lowerFirstSentence(p.Why))
			}
			return nil
		}
	}
	return fmt.Errorf("không có mẫu %q; dùng %s", kind, kindList())
}

func kindList() string {
	var s []string
	for _, k := range paperOrder {
		s = append(s, string(k))
	}
	return strings.Join(s, ", ")
}

func sentenceCase(title string) string {
	r := []rune(strings.ToLower(title))
	if len(r) == 0 {
		return ""
	}
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

func firstUpper(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// lowerFirstSentence turns a paper's reason into an error message: a lower
// case start, no final full stop (errors are wrapped into sentences).
func lowerFirstSentence(s string) string {
	s = strings.TrimSuffix(s, ".")
	r := []rune(s)
	if len(r) > 1 && r[1] != ' ' {
		// "Hồ sơ …" → "hồ sơ …"
		return strings.ToLower(string(r[0])) + string(r[1:])
	}
	return s
}

// StepPaper is the paper that answers a step just recorded (the supplement
// request, the apology, the refusal) in the dossier's form set: for a
// refusal, form 03 or the notice after appraisal, whichever its kind
// calls for. False when none applies.
func (o *Office) StepPaper(d *register.Dossier, kind docs.FormKind) (Paper, bool) {
	for _, p := range o.Papers(d) {
		if p.Enabled && (p.Kind == kind || kind == docs.FormRefusal && p.Kind == docs.FormRejection) {
			return p, true
		}
	}
	return Paper{}, false
}
