package office

import (
	"context"
	"errors"
	"testing"
	"time"

	"motcua/internal/register"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// The server goes away under a desk (cable pulled, server restarted): the
// clerk reads one sentence, nothing of the interrupted change is saved, and
// the desk carries on once the server is back, without reopening.
func TestConnectionLossAndReturn(t *testing.T) {
	if storetest.Engine() != "postgres" {
		t.Skip("PostgreSQL pass only")
	}
	srv := storetest.StartServer(t)
	clock := vn("2026-11-23 09:00")
	o, err := Open(srv.URL, Options{Now: func() time.Time { return clock }, Actor: "Lan"})
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	ctx := context.Background()
	if err := o.FillDemoProfile(ctx); err != nil { // nothing is issued under placeholders
		t.Fatal(err)
	}
	first := receive(t, o, "khai-sinh", "Trước khi mất mạng")

	// A transaction cut in the middle leaves nothing behind.
	err = o.st.Tx(ctx, func(tx *store.Tx) error {
		if err := tx.SetSetting("half", "saved"); err != nil {
			return err
		}
		srv.Stop()
		return tx.SetSetting("other", "x")
	})
	const sentence = "Mất kết nối tới máy chủ cơ sở dữ liệu; dữ liệu chưa được lưu, hãy thử lại khi mạng hoạt động."
	if !errors.Is(err, store.ErrConnection) || err.Error() != sentence {
		t.Fatalf("cut transaction: %v", err)
	}
	// While the server is down, a receive is refused with the same sentence.
	_, err = o.Receive(ctx, ReceiveInput{ProcedureCode: "khai-sinh", Applicant: register.Applicant{Name: "Trong lúc mất mạng"}})
	if !errors.Is(err, store.ErrConnection) || err.Error() != sentence {
		t.Fatalf("receive with the server down: %v", err)
	}
	srv.Start()
	second, err := o.Receive(ctx, ReceiveInput{ProcedureCode: "khai-sinh", Applicant: register.Applicant{Name: "Sau khi có mạng"}})
	if err != nil {
		t.Fatalf("the first receive after the server came back: %v", err)
	}
	if second.EntryNo != first.EntryNo+1 {
		t.Fatalf("entry %d after %d: a number was lost or reused", second.EntryNo, first.EntryNo)
	}
	if v, ok, _ := o.st.Setting(ctx, "half"); ok {
		t.Fatalf("half a transaction was saved: %q", v)
	}
	if n, _ := o.Count(ctx, Filter{}); n != 2 {
		t.Fatalf("%d dossiers, want 2", n)
	}
}

// A desk learns cheaply that another desk changed the register.
func TestChangedSince(t *testing.T) {
	dsn := storetest.DSN(t, t.TempDir()+"/c.db")
	a := openAt(t, dsn, "2026-11-23 09:00")
	b := openAt(t, dsn, "2026-11-23 09:00")
	ctx := context.Background()
	mark, err := a.ChangeMark(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if changed, _, err := a.ChangedSince(ctx, mark); err != nil || changed {
		t.Fatalf("nothing happened yet: %v %v", changed, err)
	}
	receive(t, b, "khai-sinh", "Ở quầy bên")
	changed, now, err := a.ChangedSince(ctx, mark)
	if err != nil || !changed {
		t.Fatalf("the other desk's receive went unnoticed: %v", err)
	}
	if changed, _, _ := a.ChangedSince(ctx, now); changed {
		t.Fatal("a change reported twice")
	}
	receive(t, a, "khai-sinh", "Ở quầy này")
	if changed, _, _ := a.ChangedSince(ctx, now); !changed {
		t.Fatal("the desk's own receive went unnoticed")
	}
}

func TestCheckDatabase(t *testing.T) {
	dsn := storetest.DSN(t, t.TempDir()+"/k.db")
	o := openAt(t, dsn, "2026-11-23 09:00")
	receive(t, o, "khai-sinh", "Một")
	c, err := CheckDatabase(context.Background(), dsn)
	if err != nil || c.Dossiers != 1 || c.Version != store.SchemaVersion || c.Engine != storetest.Engine() {
		t.Fatalf("%+v %v", c, err)
	}
	if _, err := CheckDatabase(context.Background(), "postgres://x@127.0.0.1:1/none?connect_timeout=2"); !errors.Is(err, store.ErrConnection) {
		t.Fatalf("unreachable server: %v", err)
	}
}

// "Sao lưu ra USB" from a desk on a server: the whole register, verified,
// in a new SQLite file that opens as a register of its own.
func TestBackupOfAServerRegisterToAFile(t *testing.T) {
	if storetest.Engine() != "postgres" {
		t.Skip("PostgreSQL pass only (the SQLite backups have their own tests)")
	}
	o := openAt(t, storetest.DSN(t, t.TempDir()+"/b.db"), "2026-11-23 09:00")
	d := receive(t, o, "khai-sinh", "Đỗ Đức Đạt")
	if p, err := o.DailyBackup(context.Background()); err != nil || p != "" {
		t.Fatalf("daily backup of a server register: %q %v", p, err)
	}
	usb := t.TempDir()
	path, err := o.Backup(context.Background(), usb)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Open(path, Options{Now: o.now}) // the file itself, not the pass's engine
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if b.Store().Engine() != "sqlite" {
		t.Fatal(b.Store().Engine())
	}
	if res, err := b.Search(context.Background(), "do duc dat", 5); err != nil || len(res) != 1 || res[0].Code != d.Code {
		t.Fatalf("the copy: %v %v", res, err)
	}
}
