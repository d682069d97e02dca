package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"

	"motcua/internal/store"
)

// Under -tags ci the Fyne app is headless and ShowAndRun returns at once,
// so Run can be driven end to end.
func TestRunOpensTheRegisterAndClosesIt(t *testing.T) {
	fakeHome(t)
	path := filepath.Join(t.TempDir(), "new", "motcua.db") // the folder does not exist yet
	if err := Run(Options{DBPath: path, Version: "test"}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("no database created: %v", err)
	}
	// The lock was released: a second start works.
	if err := Run(Options{DBPath: path, Version: "test"}); err != nil {
		t.Fatalf("second start: %v", err)
	}
}

func TestRunRefusesASecondWindowOnTheSameRegister(t *testing.T) {
	fakeHome(t)
	path := filepath.Join(t.TempDir(), "motcua.db")
	l, err := store.Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release()
	err = Run(Options{DBPath: path})
	if !errors.Is(err, store.ErrInUse) {
		t.Fatalf("want ErrInUse, got %v", err)
	}
}

// fakeHome keeps Fyne's preferences and cache out of the real home.
func fakeHome(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv("XDG_CACHE_HOME", filepath.Join(home, ".cache"))
	for _, d := range []string{".config", ".cache"} {
		if err := os.MkdirAll(filepath.Join(home, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

func TestFyneDialogsSpeakVietnamese(t *testing.T) {
	for en, vi := range map[string]string{
		"Cancel": "Hủy", "Save": "Lưu", "Open": "Mở", "OK": "Đồng ý", "Yes": "Có", "No": "Không",
		"Confirm": "Xác nhận", "Error": "Lỗi", "Copy": "Sao chép", "Paste": "Dán",
	} {
		if got := lang.L(en); got != vi {
			t.Errorf("%s: %q, want %q", en, got, vi)
		}
	}
	if got := lang.X("monday", "Monday"); got != "Thứ Hai" {
		t.Errorf("monday: %q", got)
	}
}

func TestConfirmDialogButtons(t *testing.T) {
	f := newFixture(t, monday0740)
	f.receive("Giàng A Páo", "khai-sinh", monday0740)
	p := f.selectDossier(0)
	p.doDone()
	got := f.dialogText()
	assertContains(t, got, "Có")
	assertContains(t, got, "Không")
	assertNotContains(t, got, "Yes")
	f.tapDialog("Không")
	if p.d.State != "received" {
		t.Errorf("No changed the dossier: %s", p.d.State)
	}
}

// A register made by an older release opens through the upgrade: the
// window upgrades it to the current schema after copying it, as it was,
// into the automatic backups' folder under a recognisable name.
func TestRunUpgradesAnOldRegister(t *testing.T) {
	fakeHome(t)
	path := filepath.Join(t.TempDir(), "motcua.db")
	old, err := store.Open(path, store.Options{MaxMigration: 4})
	if err != nil {
		t.Fatal(err)
	}
	old.Close()
	if err := Run(Options{DBPath: path, Version: "test"}); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	v, _ := st.Version()
	st.Close()
	if v != store.SchemaVersion {
		t.Fatalf("schema after the window's upgrade: %d, want %d", v, store.SchemaVersion)
	}
	copies, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "sao-luu", "motcua-truoc-nang-cap-v4-*.db"))
	if len(copies) != 1 {
		t.Fatalf("pre-upgrade copies: %v", copies)
	}
}

// An upgrade that cannot take its copy first stops before touching the
// register, says so in the progress window and returns the reason.
func TestRunDoesNotUpgradeWithoutACopy(t *testing.T) {
	fakeHome(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "motcua.db")
	old, err := store.Open(path, store.Options{MaxMigration: 4})
	if err != nil {
		t.Fatal(err)
	}
	old.Close()
	// A file where the backups' folder should be.
	if err := os.WriteFile(filepath.Join(dir, "sao-luu"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	err = Run(Options{DBPath: path, Version: "test"})
	if err == nil || !strings.Contains(err.Error(), "chưa nâng cấp") {
		t.Fatalf("upgrade without a copy: %v", err)
	}
	if from, _, pending := store.PendingUpgrade(path); !pending || from != 4 {
		t.Fatalf("register touched: schema %d, pending %v", from, pending)
	}
}

// A start while the previous window's program is still closing (its exit
// backup) waits for it, then opens the register; one beside a window that
// is open is refused at once (above).
func TestRunWaitsForTheWindowThatIsClosing(t *testing.T) {
	fakeHome(t)
	path := filepath.Join(t.TempDir(), "motcua.db")
	if err := Run(Options{DBPath: path, Version: "test"}); err != nil { // the register exists
		t.Fatal(err)
	}
	holder, err := store.Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	holder.Closing()
	waiting := make(chan struct{})
	real := lockWhenFree
	lockWhenFree = func(ctx context.Context, p string, poll time.Duration) (*store.InstanceLock, error) {
		close(waiting)
		return real(ctx, p, poll)
	}
	t.Cleanup(func() { lockWhenFree = real })
	ran := make(chan error, 1)
	go func() { ran <- Run(Options{DBPath: path, Version: "test"}) }()
	<-waiting
	select {
	case err := <-ran:
		t.Fatalf("the start did not wait for the closing window: %v", err)
	default:
	}
	holder.Release()
	if err := <-ran; err != nil {
		t.Fatalf("after the closing window let go: %v", err)
	}
	// It held the register, and let it go in turn.
	l, err := store.Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	l.Release()
}
