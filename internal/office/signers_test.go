package office

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"motcua/internal/letters"
)

func signerNames(ss []Signer) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Label())
	}
	return out
}

// pdfText is what pdftotext reads in a PDF; the test is skipped without poppler.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (apt-get install poppler-utils)")
	}
	path := filepath.Join(t.TempDir(), "l.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v %s", err, out)
	}
	return string(out)
}

func TestVicechairSignsALetterAndItStaysSigned(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	o := openAt(t, path, "2026-11-23 09:00")
	ctx := context.Background()
	ss, err := o.Signers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Lê Văn Tuấn (Chủ tịch)", "Phạm Thị Hòa (Phó Chủ tịch)", "Hà Văn Bình (Phó Chủ tịch)"}
	if !slices.Equal(signerNames(ss), want) {
		t.Fatalf("signers %q, want %q", signerNames(ss), want)
	}

	// Someone who is not a signer is refused, naming who can sign.
	_, err = o.DraftLetter(ctx, LetterInput{Kind: letters.Thanks, Recipient: "Lò Văn Pọm", Fields: map[string]string{"noi_dung": "ủng hộ quỹ khuyến học"}, Signer: "Nguyễn Thị Lan"})
	if err == nil || !strings.Contains(err.Error(), "Hà Văn Bình (Phó Chủ tịch)") {
		t.Fatalf("a clerk as signer: %v", err)
	}

	// A vice-chair chosen on the draft (accents optional) signs the issued letter.
	l, err := o.DraftLetter(ctx, LetterInput{Kind: letters.Thanks, Recipient: "Lò Văn Pọm", Fields: map[string]string{"noi_dung": "ủng hộ quỹ khuyến học"}, Signer: "ha van binh"})
	if err != nil {
		t.Fatal(err)
	}
	if l.Signer != (Signer{Name: "Hà Văn Bình", Role: letters.SignerViceChair}) {
		t.Fatalf("draft signer %+v", l.Signer)
	}
	// One without a choice is signed by the office's usual signer when issued.
	l2, err := o.DraftLetter(ctx, LetterInput{Kind: letters.Thanks, Recipient: "Hà Thị Ý", Fields: map[string]string{"noi_dung": "giúp đỡ"}})
	if err != nil || l2.Signer.Valid() {
		t.Fatalf("draft without a signer: %+v %v", l2.Signer, err)
	}
	var pdf []byte
	issued, err := o.IssueLettersTo(ctx, []string{l.ID, l2.ID}, func(b []byte) error { pdf = b; return nil })
	if err != nil {
		t.Fatal(err)
	}
	if issued[0].Signer.Name != "Hà Văn Bình" || issued[1].Signer != (Signer{Name: "Lê Văn Tuấn", Role: letters.SignerChair, Title: "Chủ tịch"}) {
		t.Fatalf("issued signers %+v, %+v", issued[0].Signer, issued[1].Signer)
	}
	if _, err := o.SetDraftSigner(ctx, l.ID, "Lê Văn Tuấn"); err == nil || !strings.Contains(err.Error(), "không đổi được người ký") {
		t.Fatalf("changed the signer of an issued letter: %v", err)
	}
	if got := o.LetterSignature(issued[0]); !slices.Equal(got, []string{"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hà Văn Bình"}) {
		t.Fatalf("signature %q", got)
	}
	text := pdfText(t, pdf)
	if !strings.Contains(text, "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH") || !strings.Contains(text, "Hà Văn Bình") || !strings.Contains(text, "TỈNH THANH HÓA") {
		t.Fatalf("the letters as printed:\n%s", text)
	}

	// A vice-chair who has left, by the staff register, is no longer offered.
	gone := addStaff(t, o, "Hà Văn Bình", "vice_chair")
	if _, err := o.EndStaff(ctx, gone.ID, vn("2026-11-20 00:00")); err != nil {
		t.Fatal(err)
	}
	if ss, _ := o.Signers(ctx); slices.Contains(signerNames(ss), "Hà Văn Bình (Phó Chủ tịch)") {
		t.Errorf("a vice-chair who left is still a signer: %q", signerNames(ss))
	}
	if _, err := o.DraftLetter(ctx, LetterInput{Kind: letters.Thanks, Recipient: "Hà Thị Ý", Fields: map[string]string{"noi_dung": "giúp đỡ"}, Signer: "Hà Văn Bình"}); err == nil || !strings.Contains(err.Error(), "không phải Chủ tịch hay Phó Chủ tịch") {
		t.Errorf("a vice-chair who left was named as signer: %v", err)
	}

	// The chair changes; a reprint still shows who signed.
	if err := o.SetSettings(ctx, map[string]string{"chair_name": "Trần Văn Mới"}); err != nil {
		t.Fatal(err)
	}
	o.Close()
	o = openAt(t, path, "2026-11-24 09:00")
	again, err := o.LetterByNumber(ctx, issued[1].Year, issued[1].Number)
	if err != nil || again.Signer.Name != "Lê Văn Tuấn" {
		t.Fatalf("reprint signer %+v %v", again.Signer, err)
	}
	var b bytes.Buffer
	if err := o.RenderLetters(ctx, &b, []Letter{again}); err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, b.Bytes()); !strings.Contains(text, "Lê Văn Tuấn") || strings.Contains(text, "Trần Văn Mới") {
		t.Fatalf("a reprint shows today's chair:\n%s", text)
	}
}

// With accounts, who approves a letter signs it: a vice-chair issues the letters that name
// them or nobody, and the chair cannot issue one over the vice-chair's name.
func TestOnlyTheNamedSignerIssues(t *testing.T) {
	so := newStaffOffice(t)
	o, ctx := so.o, context.Background()
	so.login(t, so.clerk)
	thanks := func(to, signer string) Letter {
		t.Helper()
		l, err := o.DraftLetter(ctx, LetterInput{Kind: letters.Thanks, Recipient: to, Fields: map[string]string{"noi_dung": "giúp đỡ"}, Signer: signer})
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	forVice := thanks("Lò Văn Pọm", so.vice.Name)
	anyone := thanks("Hà Thị Ý", "")
	if _, err := o.IssueLetters(ctx, []string{anyone.ID}); err == nil {
		t.Fatal("a clerk issued a letter")
	}
	o.Logout()
	so.login(t, so.chair)
	_, err := o.IssueLetters(ctx, []string{forVice.ID})
	denied(t, "the chair issuing the vice-chair's letter", err, "Phạm Thị Hòa (Phó Chủ tịch)")
	o.Logout()
	so.login(t, so.vice)
	issued, err := o.IssueLetters(ctx, []string{forVice.ID, anyone.ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range issued {
		if l.Signer.Name != so.vice.Name || l.Signer.Role != letters.SignerViceChair {
			t.Errorf("letter to %s signed by %+v, want the vice-chair who issued it", l.Recipient, l.Signer)
		}
	}
	// The signer of a draft can be changed before it is issued, to a signer only.
	d := thanks("Giàng A Páo", "")
	if l, err := o.SetDraftSigner(ctx, d.ID, so.chair.Name); err != nil || l.Signer.Role != letters.SignerChair {
		t.Fatalf("set signer: %+v %v", l.Signer, err)
	}
	if _, err := o.SetDraftSigner(ctx, d.ID, so.clerk.Name); err == nil {
		t.Fatal("a clerk named as signer")
	}
}

// The apology the People's Committee signs can be signed by a vice-chair; the counter's
// forms have no signer to choose.
func TestVicechairSignsTheApology(t *testing.T) {
	o, clock := openClock(t, filepath.Join(t.TempDir(), "a.db"), "2026-11-23 08:30")
	ctx := context.Background()
	d := receive(t, o, "xac-nhan-hon-nhan", "Đỗ Đức Đạt")
	*clock = vn("2026-11-25 10:00")
	if _, _, err := o.Apologise(ctx, d.Code, "Chờ xác minh", vn("2026-12-03 00:00"), vn("2026-11-25 09:00")); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := o.PrintFormsSignedBy(ctx, &b, "apology", "Phạm Thị Hòa", d.Code); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, b.Bytes())
	if !strings.Contains(text, "TỈNH THANH HÓA\nỦY BAN NHÂN DÂN\nXÃ ĐÔNG VĂN") || !strings.Contains(text, "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH") ||
		!strings.Contains(text, "Phạm Thị Hòa") || strings.Contains(text, "Lê Văn Tuấn") {
		t.Fatalf("the apology signed by the vice-chair:\n%s", text)
	}
	b.Reset()
	if err := o.PrintForms(ctx, &b, "apology", d.Code); err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, b.Bytes()); !strings.Contains(text, "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH") || !strings.Contains(text, "Lê Văn Tuấn") {
		t.Fatalf("the apology signed as usual:\n%s", text)
	}
	if err := o.PrintFormsSignedBy(ctx, &b, "receipt", "Phạm Thị Hòa", d.Code); err == nil || !strings.Contains(err.Error(), "cán bộ một cửa ký") {
		t.Fatalf("a receipt with a chosen signer: %v", err)
	}
}

// A residence dossier's papers are issued and signed by the commune police:
// choosing the committee's chair or a vice-chair for them is refused with a
// sentence that names who signs, never printed under the wrong body, and
// the paper list offers no choice.
func TestPolicePapersTakeNoCommitteeSigner(t *testing.T) {
	o, clock := openClock(t, filepath.Join(t.TempDir(), "a.db"), "2026-11-23 08:30")
	ctx := context.Background()
	d := receive(t, o, "thuong-tru", "Vàng Thị Mỷ")
	*clock = vn("2026-11-25 10:00")
	if _, _, err := o.Apologise(ctx, d.Code, "Chờ xác minh", vn("2026-12-10 00:00"), vn("2026-11-25 09:00")); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	err := o.PrintFormsSignedBy(ctx, &b, "apology", "Phạm Thị Hòa", d.Code)
	if err == nil || !strings.Contains(err.Error(), "Công an") {
		t.Fatalf("a police apology signed by the vice-chair: %v", err)
	}
	d, err = o.Show(ctx, d.Code)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range o.Papers(d) {
		if p.ChooseSigner {
			t.Errorf("%s offers the committee's signers", p.Kind)
		}
	}
	if err := o.PrintForms(ctx, &b, "apology", d.Code); err != nil {
		t.Fatalf("the police apology as usual: %v", err)
	}
}
