package office

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// deskDirs points the user's data folder at a temporary one.
func deskDirs(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("MOTCUA_DB", "")
	os.Unsetenv("MOTCUA_DB")
	if runtime.GOOS == "windows" {
		t.Setenv("APPDATA", dir)
	} else {
		t.Setenv("XDG_DATA_HOME", dir)
	}
	return dir
}

// Which register a desk opens without --db: MOTCUA_DB, else the one saved
// in settings, else the default file; the saved choice survives a restart
// (it is a file), and choosing the default file again removes it.
func TestDeskDBPrecedence(t *testing.T) {
	deskDirs(t)
	def, err := DefaultDBPath()
	if err != nil {
		t.Fatal(err)
	}
	if got, err := DeskDB(); err != nil || got != def {
		t.Fatalf("nothing saved: %q %v, want the default %q", got, err, def)
	}
	other := filepath.Join(t.TempDir(), "so-chung.db")
	o := openFile(t, other)
	ctx := context.Background()
	if _, err := o.SaveDeskDB(ctx, other); err != nil {
		t.Fatal(err)
	}
	if got, err := DeskDB(); err != nil || got != other {
		t.Fatalf("saved %q, DeskDB gives %q %v", other, got, err)
	}
	cfg, _ := DeskConfigPath()
	if fi, err := os.Stat(cfg); err != nil || (runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600) {
		t.Fatalf("config file %s: %v %v (want readable by its user only)", cfg, fi, err)
	}
	t.Setenv("MOTCUA_DB", "/tmp/env.db") // the environment wins over the saved choice
	if got, _ := DeskDB(); got != "/tmp/env.db" {
		t.Fatalf("MOTCUA_DB ignored: %q", got)
	}
	os.Unsetenv("MOTCUA_DB")
	if _, err := o.SaveDeskDB(ctx, ""); err != nil {
		t.Fatal(err)
	}
	if got, _ := DeskDB(); got != def {
		t.Fatalf("back to the default: got %q", got)
	}
	if _, err := os.Stat(cfg); !os.IsNotExist(err) {
		t.Fatalf("the desk's file should be gone: %v", err)
	}
}

// An address that does not open is not saved; a damaged config file is
// said in a sentence, not taken for an address.
func TestDeskDBRefusesWhatDoesNotOpen(t *testing.T) {
	deskDirs(t)
	o := openFile(t, filepath.Join(t.TempDir(), "r.db"))
	_, err := o.SaveDeskDB(context.Background(), "postgres://lan:matkhau@127.0.0.1:1/motcua?connect_timeout=2")
	if err == nil || !strings.Contains(err.Error(), "chưa lưu") || strings.Contains(err.Error(), "matkhau") {
		t.Fatalf("unreachable server saved or password shown: %v", err)
	}
	if saved, err := SavedDeskDB(); err != nil || saved != "" {
		t.Fatalf("something was saved: %q %v", saved, err)
	}
	cfg, _ := DeskConfigPath()
	os.MkdirAll(filepath.Dir(cfg), 0o755)
	os.WriteFile(cfg, []byte("{db: "), 0o600)
	if _, err := DeskDB(); err == nil || !strings.Contains(err.Error(), "bị hỏng") {
		t.Fatalf("damaged config: %v", err)
	}
}

// openFile opens a SQLite register on both passes: the desk's choice is a
// file of this PC whatever engine the register is on.
func openFile(t *testing.T, path string) *Office {
	t.Helper()
	o, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { o.Close() })
	return o
}
