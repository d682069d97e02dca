package office

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/internal/letters"
	"motcua/internal/register"
)

// Every door that stores text applies the limits table.
func TestTextLimitsAtEveryDoor(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "l.db"), "2026-11-23 09:00")
	ctx := context.Background()
	d := receive(t, o, "chung-thuc-ban-sao", "Nguyễn Văn An")
	long := strings.Repeat("dài ", 600)
	for name, err := range map[string]error{
		"supplement": func() error {
			_, _, err := o.RequestSupplement(ctx, d.Code, long, "Thiếu giấy tờ", time.Time{})
			return err
		}(),
		"forward":  func() error { _, err := o.Forward(ctx, d.Code, long, time.Time{}); return err }(),
		"setting":  o.SetSettings(ctx, map[string]string{"commune": long}),
		"template": o.SetLetterTemplate(ctx, letters.Thanks, strings.Repeat("Cảm ơn {nguoi_nhan}. ", 2000)),
		"letter": func() error {
			_, err := o.DraftLetter(ctx, LetterInput{Kind: letters.Thanks, Recipient: "Bà Lan", Fields: map[string]string{"noi_dung": long}})
			return err
		}(),
		"bad utf-8": func() error {
			_, err := o.Receive(ctx, ReceiveInput{ProcedureCode: "khai-sinh", Applicant: register.Applicant{Name: "An", Address: "Thôn \xff"}})
			return err
		}(),
		"staff": func() error {
			_, err := o.AddStaff(ctx, Staff{Name: long, Role: "clerk"})
			return err
		}(),
		"feedback": func() error {
			_, err := o.AddFeedback(ctx, FeedbackInput{Content: strings.Repeat(long, 10)})
			return err
		}(),
		"procedure code": func() error {
			_, err := o.SaveProcedure(ctx, register.Procedure{Code: "khai sinh mới", Name: "X", Field: "Y", Limit: d.Limit, Version: 1})
			return err
		}(),
	} {
		if err == nil {
			t.Errorf("%s: too long or bad text accepted", name)
		}
	}
	// Invisible characters are stripped from a letter's recipient.
	l, err := o.DraftLetter(ctx, LetterInput{Kind: letters.Thanks, Recipient: "\u202eLò Thị\u200b Mai", Fields: map[string]string{"noi_dung": "ủng hộ"}})
	if err != nil || l.Recipient != "Ông/Bà Lò Thị Mai" {
		t.Fatalf("recipient %q %v", l.Recipient, err)
	}
	got, _ := o.Show(ctx, d.Code)
	if got.State != d.State || len(got.Events) != 1 {
		t.Fatal("a refused change was saved")
	}
}

func TestExcelImportAppliesTheLimits(t *testing.T) {
	o := openAt(t, filepath.Join(t.TempDir(), "x.db"), "2026-01-20 10:00")
	data := registerXLSX(t, [][]any{
		{1, "", "Đăng ký khai sinh", "Lê Thị\u200b Hoa\u202e", "Thôn Tây", "", "06/01/2026", "", "", ""},
		{2, "", "Đăng ký khai sinh", "Trần Văn Ba", strings.Repeat("Thôn rất xa ", 40), "", "06/01/2026", "", "", ""},
	})
	plan, err := o.PlanImport(context.Background(), bytes.NewReader(data), "so.xlsx", ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Ready) != 1 || plan.Ready[0].Applicant != "Lê Thị Hoa" {
		t.Fatalf("ready %+v", plan.Ready)
	}
	if len(plan.Problems) != 1 || !strings.Contains(plan.Problems[0].Reason, "quá giới hạn") {
		t.Fatalf("problems %+v", plan.Problems)
	}
}
