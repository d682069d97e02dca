package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"motcua/internal/office"
	"motcua/internal/register"
)

// A dossier saved by another program on the same register (another desk on
// PostgreSQL, the command line on SQLite) appears in the window without a
// restart: the watcher sees the register's change mark move and reloads.
func TestWindowSeesAnotherDesksDossier(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 10, 0))
	f.receive("Giàng A Páo", "khai-sinh", at(2026, 11, 23, 7, 40))
	f.shell.tabs.SelectIndex(tabRegister)
	f.shell.register.reload()
	f.wait()
	if got := texts(f.shell.register.content); !strings.Contains(got, "Giàng A Páo") || strings.Contains(got, "Vàng Thị Mỷ") {
		t.Fatalf("before: %s", got)
	}
	other, err := office.Open(f.off.Store().Path(), office.Options{Now: f.clock.Now, Actor: "Bàn 2"})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	stop := f.shell.watchOtherDesks(10 * time.Millisecond)
	defer stop()
	if _, err := other.Receive(context.Background(), office.ReceiveInput{ProcedureCode: "khai-sinh",
		Applicant: register.Applicant{Name: "Vàng Thị Mỷ", Address: "Thôn Trung"}, At: at(2026, 11, 23, 9, 0)}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		f.wait()
		if got := texts(f.shell.register.content); strings.Contains(got, "Vàng Thị Mỷ") {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the other desk's dossier never appeared:\n%s", texts(f.shell.register.content))
		}
		time.Sleep(20 * time.Millisecond)
	}
}
