package app

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"

	"motcua/internal/office"
	"motcua/internal/survey"
)

// The three list-with-detail screens of the people tab (feedback,
// dialogues, letters sent) show, row selected, what testdata/listdetail.txt
// holds: the list, the detail and the actions, word for word. With
// MOTCUA_SCREENS=DIR the test also saves each screen as DIR/NAME.png to be
// looked at.
func TestListDetailScreensRead(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	ctx := context.Background()
	if _, err := f.off.AddFeedback(ctx, office.FeedbackInput{Channel: survey.Hotline, Content: "Phòng chờ nóng", Sender: "Bà Lò Thị Mai",
		Contact: "0912 000 111", Handler: "Phạm Thị Hòa", ReceivedAt: at(2026, 11, 2, 9, 0)}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.off.AddFeedback(ctx, office.FeedbackInput{Channel: survey.InPerson, Content: "Thiếu ghế ngồi", ReceivedAt: at(2026, 11, 20, 9, 0)}); err != nil {
		t.Fatal(err)
	}
	d, err := f.off.AddDialogue(ctx, survey.Dialogue{HeldAt: at(2026, 11, 20, 8, 0), Place: "Nhà văn hóa thôn Trung", Chair: "Lê Văn Tuấn",
		Participants: "Bí thư Đảng ủy", Attendance: 60, Issues: []string{"Đường xuống cấp", "Thiếu đèn"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.off.AddCommitment(ctx, d.ID, survey.Commitment{Text: "Lắp đèn ngõ 3", Owner: "Công chức Địa chính", Deadline: at(2026, 12, 31, 0, 0)}); err != nil {
		t.Fatal(err)
	}
	l := f.draft(office.LetterInput{Kind: "thanks", Recipient: "Ông Lò Văn Pọm", Address: "Bản Phạ", Fields: map[string]string{"noi_dung": "ủng hộ quỹ khuyến học"}})
	if _, err := f.off.IssueLetters(ctx, []string{l.ID}); err != nil {
		t.Fatal(err)
	}
	s := f.outreach()
	f.win.Resize(fyne.NewSize(1100, 640))
	var got string
	for _, c := range []struct {
		name  string
		tab   int
		list  interface{ Select(int) }
		shown func() fyne.CanvasObject
		acts  []*keyButton
	}{
		{"feedback", 2, s.feedback.list, func() fyne.CanvasObject { return s.feedback.content }, []*keyButton{s.feedback.add, s.feedback.answer}},
		{"dialogues", 3, s.dialogues.list, func() fyne.CanvasObject { return s.dialogues.content },
			[]*keyButton{s.dialogues.add, s.dialogues.commit, s.dialogues.done, s.dialogues.minutes}},
		{"sent", 4, s.sent.list, func() fyne.CanvasObject { return s.sent.content }, []*keyButton{s.sent.send}},
	} {
		enabled := func() string {
			out := " [enabled:"
			for _, b := range c.acts {
				if !b.Disabled() {
					out += " " + b.Text
				}
			}
			return out + "]\n"
		}
		s.tabs.SelectIndex(c.tab)
		f.wait()
		got += c.name + " (nothing selected): " + texts(c.shown()) + enabled()
		c.list.Select(0)
		f.wait()
		got += c.name + ": " + texts(c.shown()) + enabled()
		if dir := os.Getenv("MOTCUA_SCREENS"); dir != "" {
			out, err := os.Create(filepath.Join(dir, c.name+".png"))
			if err != nil {
				t.Fatal(err)
			}
			if err := png.Encode(out, f.capture()); err != nil {
				t.Fatal(err)
			}
			out.Close()
		}
	}
	golden := filepath.Join("testdata", "listdetail.txt")
	if os.Getenv("MOTCUA_UPDATE_LISTDETAIL") != "" {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Fatalf("the screens read otherwise:\ngot:\n%s\nwant:\n%s", got, want)
	}
}

// A date field left empty means no date; a typed one must be a date.
func TestOptDate(t *testing.T) {
	if d, err := optDate("  "); err != nil || !d.IsZero() {
		t.Fatalf("empty: %v %v", d, err)
	}
	if d, err := optDate("31/12/2026"); err != nil || d.Format("2006-01-02") != "2026-12-31" {
		t.Fatalf("31/12/2026: %v %v", d, err)
	}
	if _, err := optDate("31/13/2026"); err == nil {
		t.Fatal("31/13/2026 was taken")
	}
}
