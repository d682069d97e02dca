package office

import (
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/internal/letters"
	"motcua/internal/register"
)

func returnDossier(t testing.TB, o *Office, code string) *register.Dossier {
	t.Helper()
	ctx := context.Background()
	if _, err := o.Forward(ctx, code, "Công chức Tư pháp - Hộ tịch", time.Time{}); err != nil {
		t.Fatal(err)
	}
	if _, err := o.MarkDone(ctx, code, time.Time{}); err != nil {
		t.Fatal(err)
	}
	d, err := o.Return(ctx, code, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestLetterNeverProposedTwiceForOneEvent(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "r.db"), "2026-11-23 09:00")
	ctx := context.Background()
	propose := func(d *register.Dossier, m letters.Moment) letters.Kind {
		t.Helper()
		k, ok, err := o.ProposeLetter(ctx, d, m)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			return ""
		}
		return k
	}
	// A birth: nothing at receive, the congratulation at return, then never again.
	birth := receive(t, o, "khai-sinh", "Giàng A Páo")
	if k := propose(birth, letters.AtReceive); k != "" {
		t.Errorf("birth proposed %q at receive", k)
	}
	birth = returnDossier(t, o, birth.Code)
	if k := propose(birth, letters.AtReturn); k != letters.Birth {
		t.Fatalf("birth at return: %q", k)
	}
	for _, m := range []letters.Moment{letters.AtReturn, letters.AtReopen, letters.AtReceive} {
		if k := propose(birth, m); k != "" {
			t.Errorf("birth proposed again at %s: %q", m, k)
		}
	}
	// A death: the condolence when the death is registered, not at re-open
	// after a supplement, nor at return.
	death := receive(t, o, "khai-tu", "Lò Văn Sáng")
	if k := propose(death, letters.AtReceive); k != letters.Condolence {
		t.Fatalf("death at receive: %q", k)
	}
	if k := propose(death, letters.AtReceive); k != "" {
		t.Errorf("condolence proposed twice at receive")
	}
	if _, _, err := o.RequestSupplement(ctx, death.Code, "Thiếu giấy báo tử", "Hồ sơ thiếu giấy tờ theo quy định", time.Time{}); err != nil {
		t.Fatal(err)
	}
	death, err := o.Resume(ctx, death.Code, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if k := propose(death, letters.AtReopen); k != "" {
		t.Errorf("condolence proposed at re-open: %q", k)
	}
	death = returnDossier(t, o, death.Code)
	if k := propose(death, letters.AtReturn); k != "" {
		t.Errorf("condolence proposed again at return: %q", k)
	}
	// A marriage whose letter the chair drafted by hand is not proposed.
	m := receive(t, o, "ket-hon", "Vàng Thị Mai")
	if _, err := o.DraftLetter(ctx, LetterInput{Kind: letters.Marriage, DossierCode: m.Code}); err != nil {
		t.Fatal(err)
	}
	m = returnDossier(t, o, m.Code)
	if k := propose(m, letters.AtReturn); k != "" {
		t.Errorf("marriage proposed though drafted: %q", k)
	}
	// A death registered but never proposed at receive is proposed at return.
	death2 := receive(t, o, "khai-tu", "Sùng A Lử")
	death2 = returnDossier(t, o, death2.Code)
	if k := propose(death2, letters.AtReturn); k != letters.Condolence {
		t.Errorf("condolence at return when not proposed before: %q", k)
	}
}

func TestLettersSentAndCounted(t *testing.T) {
	o, clock := openClock(t, filepath.Join(t.TempDir(), "r.db"), "2026-10-05 09:00")
	ctx := context.Background()
	d := receive(t, o, "khai-sinh", "Giàng A Páo")
	l, err := o.DraftLetter(ctx, LetterInput{Kind: letters.Birth, DossierCode: d.Code, Fields: map[string]string{"ten_con": "Giàng A Sử", "ngay": "ngày 01 tháng 10 năm 2026"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := o.MarkSent(ctx, l.ID, letters.ByPost, time.Time{}); err == nil || !strings.Contains(err.Error(), "chưa được Chủ tịch duyệt") {
		t.Fatalf("draft sent: %v", err)
	}
	free, err := o.DraftLetter(ctx, LetterInput{Kind: letters.Other, Recipient: "Ông Hoàng Văn Thụ", Address: "Thôn Đoài",
		Fields: map[string]string{"tieu_de": "Thư thăm hỏi", "loi_thu": "Nhân dịp kỷ niệm Ngày Thương binh - Liệt sĩ, Ủy ban nhân dân xã đến thăm hỏi gia đình."}})
	if err != nil {
		t.Fatal(err)
	}
	issued, err := o.IssueLetters(ctx, []string{l.ID, free.ID})
	if err != nil {
		t.Fatal(err)
	}
	*clock = vn("2026-11-02 10:00")
	if _, err := o.MarkSent(ctx, l.ID, "fax", time.Time{}); err == nil || !strings.Contains(err.Error(), "không có cách gửi") {
		t.Fatalf("bad way: %v", err)
	}
	if _, err := o.MarkSent(ctx, l.ID, letters.ByPost, vn("2026-09-30 10:00")); err == nil || !strings.Contains(err.Error(), "trước ngày cấp số") {
		t.Fatalf("sent before issue: %v", err)
	}
	s, err := o.MarkSent(ctx, l.ID, letters.ByPost, time.Time{})
	if err != nil || s.How != "post" {
		t.Fatalf("sent: %+v %v", s, err)
	}
	if _, err := o.MarkSent(ctx, l.ID, letters.ByHand, time.Time{}); err == nil || !strings.Contains(err.Error(), "đã được gửi Qua bưu điện") {
		t.Fatalf("sent twice: %v", err)
	}
	counts, err := o.LetterCounts(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	want := []LetterMonth{
		{Month: 10, Kind: "birth", Name: "Thư chúc mừng khai sinh", Drafted: 1, Issued: 1},
		{Month: 10, Kind: "other", Name: "Thư khác", Drafted: 1, Issued: 1},
		{Month: 11, Kind: "birth", Name: "Thư chúc mừng khai sinh", Sent: 1},
	}
	if len(counts) != len(want) {
		t.Fatalf("counts %+v", counts)
	}
	for i := range want {
		if counts[i] != want[i] {
			t.Errorf("counts[%d] = %+v, want %+v", i, counts[i], want[i])
		}
	}
	sent, err := o.LetterSendings(ctx, 2026)
	if err != nil || sent[l.ID].How != "post" || len(sent) != 1 {
		t.Fatalf("sendings %v %v", sent, err)
	}
	var pdf bytes.Buffer
	if err := o.RenderLetters(ctx, &pdf, issued[1:]); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		path := filepath.Join(t.TempDir(), "l.pdf")
		if err := writeFile(path, pdf.Bytes()); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(string(out)), " ")
		for _, w := range []string{"THƯ THĂM HỎI", "Ngày Thương binh - Liệt sĩ", "Hoàng Văn Thụ"} {
			if !strings.Contains(text, w) {
				t.Errorf("free letter lacks %q: %s", w, text)
			}
		}
	}
}
