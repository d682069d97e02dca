package office

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/internal/docs"
)

// Papers printed from the practice register say on every page that they
// are worth nothing; the real register's papers do not.
func TestDemoPapersAreMarked(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	print := func(path string) (string, int) {
		t.Helper()
		clock := vn("2026-11-23 08:30")
		// A file path, not storetest.DSN: the mark follows the demo file's name.
		o, err := Open(path, Options{Now: func() time.Time { return clock }, Actor: "Nguyễn Thị Lan"})
		if err != nil {
			t.Fatal(err)
		}
		defer o.Close()
		if err := o.FillDemoProfile(ctx); err != nil {
			t.Fatal(err)
		}
		d := receive(t, o, "khai-sinh", "Giàng A Páo")
		var receipt, book bytes.Buffer
		if err := o.PrintForms(ctx, &receipt, docs.FormReceipt, d.Code); err != nil {
			t.Fatal(err)
		}
		if err := o.PrintRegister(ctx, &book, vn("2026-11-01 00:00"), vn("2026-11-30 00:00")); err != nil {
			t.Fatal(err)
		}
		text := pdfWords(t, receipt.Bytes()) + " | " + pdfWords(t, book.Bytes())
		return text, strings.Count(text, "DỮ LIỆU MẪU – KHÔNG CÓ GIÁ TRỊ")
	}
	real := filepath.Join(dir, "motcua.db")
	if text, n := print(real); n != 0 {
		t.Errorf("the real register's papers carry the demo mark: %s", text)
	}
	text, n := print(DemoPath(real))
	if n < 2 {
		t.Errorf("demo papers carry the mark %d times, want it on the receipt and on the register book: %s", n, text)
	}
	if !strings.Contains(text, "Giàng A Páo") {
		t.Errorf("the demo receipt lost its content: %s", text)
	}
}
