// Package docs renders the commune's paper: the one-stop forms of a dossier (A4 by default,
// A5 as an office setting), the register book (A4 landscape), letters and staff pledges (A4)
// in the layout of Decree 30/2020/NĐ-CP, as PDF. It is a renderer only: callers pass plain structs and an io.Writer;
// it knows nothing of the database or the window. Every string is NFC-normalised before it
// reaches the PDF, every time is printed in Vietnam time, and the same inputs always give
// byte-identical files.
package docs

import (
	"strings"
	"time"

	"motcua/internal/letters"
	"motcua/internal/people"
	"motcua/internal/textvn"
)

// Profile is the commune office as its paper shows it. Names are in sentence case
// ("Ủy ban nhân dân xã Đông Văn"); headers print them in capitals.
type Profile struct {
	ParentBody  string       // line above the issuing body on the body's papers; empty: the province's name; NoParent: none
	Province    string       // "Thanh Hóa" or "Tỉnh Thanh Hóa": the commune's province, above the body when ParentBody is empty
	Address     string       // the office's address, printed with Phone on the receipt and at the foot of letters
	Body        string       // "Ủy ban nhân dân xã Đông Văn": issues letters; the parent line on forms
	BodyShort   string       // the body's name in running text after "TM.": default "Ủy ban nhân dân"
	CounterName string       // "Trung tâm Phục vụ hành chính công xã Đông Văn": issues the forms
	PlaceName   string       // "Đông Văn", as in "Đông Văn, ngày 05 tháng 02 năm 2026"
	AgencyCode  string       // "000.17.22.H56", the prefix of dossier codes (not printed; kept with the profile)
	Phone       string       // the counter's phone, printed on the supplement request
	ChairName   string       // who signs letters, the apology and the stop notice
	ChairTitle  string       // "Chủ tịch" (with SignAs "TM") or "Phó Chủ tịch" (with "KT")
	SignAs      string       // "TM": "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"; "KT": "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" (letters.SignBlock)
	FormSet     string       // default form set, FormSet2025 when empty
	FormPaper   string       // PaperA4 (default), PaperA5 or PaperA5OnA4: the paper of the one-stop forms
	Forms       *FormLibrary // the form sets to print with; nil: the shipped ones (DefaultForms)

	// The end of "Nơi nhận": "- Lưu: VT, <ArchiveUnit>, <ArchiveCopies>." (Decree 30/2020,
	// Phụ lục III); either is left out when empty or zero.
	ArchiveUnit   string // the drafting unit's abbreviation, e.g. "VP" (Văn phòng HĐND và UBND)
	ArchiveCopies int    // copies kept

	// Demo marks every page "DỮ LIỆU MẪU – KHÔNG CÓ GIÁ TRỊ": the paper comes
	// from the practice register and must never pass for a real one.
	Demo bool
}

// Applicant is who filed the dossier (người nộp hồ sơ).
type Applicant struct {
	Name    string
	Address string
	Phone   string
	Email   string
}

// Document is one paper in the dossier (thành phần hồ sơ).
type Document struct {
	Name  string
	Form  string // "Bản chính", "Bản sao", "Bản sao có chứng thực"…
	Count int    // number of copies; 0 prints blank
}

// Handover is one hand-over of the dossier between units (one row of the control slip).
type Handover struct {
	From, To        string    // giving and receiving unit
	Giver, Receiver string    // people, printed under the signature space
	At              time.Time // time of the hand-over
	Outcome         string    // result so far: "Trước hạn", "Đúng hạn", "Quá hạn"
	Note            string
}

// DossierDoc is what the forms of one dossier print.
type DossierDoc struct {
	Code          string // mã hồ sơ
	FormSet       string // the set it was received under; empty → Profile.FormSet → FormSet2025
	BookNo        int    // quyển số of the register
	EntryNo       int    // số thứ tự in the register
	DocNumber     string // "Số:" of forms 02–05, e.g. "12/TB-TTPVHCC"; empty prints dots to fill by hand
	ProcedureName string // nội dung yêu cầu giải quyết
	Applicant     Applicant
	Documents     []Document
	Sets          int    // số lượng hồ sơ (bộ)
	LimitText     string // "03 ngày làm việc", "Trong ngày"
	ReceivedAt    time.Time
	DueAt         time.Time
	ResultMethod  string // "counter", "post", "online" or the words to print
	ReceivedBy    string // the receiving officer, who signs the receipt
	HandlingUnit  string // cơ quan chủ trì giải quyết, for the control slip

	Handovers       []Handover // control slip rows
	SupplementItems []string   // what to add or complete (form 02)
	Reason          string     // why: supplement, refusal, delay, stop
	StopBy          string     // the stop notice: StopByApplicant or StopByAgency (the default)
	Coordinating    string     // cơ quan phối hợp giải quyết, for the control slip

	// The authority that decides the procedure when it is not the commune People's Committee
	// (residence: the commune police). Papers the body issues (apology, stop notice, refusal
	// after appraisal) then carry its name in the heading and the text, and its signature
	// block instead of "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH".
	Authority string    // "Công an xã Đông Văn"; empty: the profile's body
	SignLines []string  // its signature block, e.g. ["Trưởng Công an xã"]
	Signer    string    // its signer's name; empty leaves the line to write by hand
	NewDueAt  time.Time // the new date of the apology (form 04)
	IssuedAt  time.Time // date of forms 02–05; zero prints dots to fill by hand
	Officer   string    // who signs forms 02 and 03; ReceivedBy when empty
}

// Who asked to stop handling a dossier (DossierDoc.StopBy).
const (
	StopByApplicant = "applicant"
	StopByAgency    = "agency"
)

// Letter is one letter (thư) to a citizen.
type Letter struct {
	Kind        letters.Kind
	Title       string    // overrides Kind.Title() when set
	Number      int       // from the outgoing book; 0 prints "Số: …" to fill by hand
	Symbol      string    // ký hiệu, e.g. "UBND"
	Date        time.Time // date of the letter
	Recipient   string    // after "Kính gửi:", e.g. "Anh Nguyễn Văn An và chị Lê Thị Bình"
	Address     string    // the recipient's address, printed under Kính gửi
	Paragraphs  []string  // the body, from letters.Render
	NoiNhan     []string  // recipients besides "Như trên" and the archive; the archive line ("- Lưu: VT, …") is always last
	DossierCode string    // printed in the QR code with the number
	// Signer signs this letter (the chair or a vice-chair, kept with the issued letter);
	// the zero value is the profile's signer.
	Signer letters.Signer
}

// RegisterRow is one entry of the register book (sổ theo dõi hồ sơ).
type RegisterRow struct {
	EntryNo       int // TT; 0 continues from the previous row
	Code          string
	ProcedureName string
	Sets          int
	Applicant     string
	Address       string
	Phone         string
	HandlingUnit  string
	ReceivedAt    time.Time
	DueAt         time.Time
	ForwardedAt   time.Time // chuyển hồ sơ đến cơ quan giải quyết
	ResultAt      time.Time // nhận kết quả từ cơ quan giải quyết
	ReturnedAt    time.Time // trả kết quả
	ResultMethod  string
	Signature     string // ký nhận: normally empty, signed on paper
	Note          string
}

// RegisterBookInput is a register book for a year or a date range.
type RegisterBookInput struct {
	Title   string    // default "Sổ theo dõi hồ sơ"
	FormSet string    // default Profile.FormSet
	BookNo  int       // quyển số, default 1
	From    time.Time // first day covered
	To      time.Time // last day covered
	Rows    []RegisterRow
	// Step, when set, is called before row i is laid out; its error (a
	// cancelled task) stops the book and is returned.
	Step func(i int) error
}

// Pledge is the pledge form (bản cam kết) of one staff member.
type Pledge struct {
	Staff people.Staff
	Sets  []people.PledgeSet
	Date  time.Time // zero prints dots to fill by hand
	Model string    // the model named in the preamble; default "Chính quyền thân thiện, vì Nhân dân phục vụ"
}

func (p Profile) formSet(override string) string {
	for _, s := range []string{override, p.FormSet} {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return FormSet2025
}

func upper(s string) string { return strings.ToUpper(textvn.Clean(s)) }

// resultMethod turns the register's codes into the words the receipt prints.
func (p Profile) resultMethod(m string) string {
	switch strings.TrimSpace(m) {
	case "counter":
		return "Trực tiếp tại " + counterName(p)
	case "post":
		return "Qua dịch vụ bưu chính công ích"
	case "online":
		return "Trực tuyến, qua Cổng Dịch vụ công"
	}
	return m
}
