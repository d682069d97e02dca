//go:build linux

package filedialog

import (
	"bufio"
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// privateBus starts a session bus of the test's own.
func privateBus(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("dbus-daemon"); err != nil {
		t.Skip("dbus-daemon is not installed")
	}
	cmd := exec.Command("dbus-daemon", "--session", "--nofork", "--print-address=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	addr, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(addr)
}

// fakeChooser answers as xdg-desktop-portal does: the call returns the
// request's path, the clerk's answer comes later as its Response signal.
type fakeChooser struct {
	conn    *dbus.Conn
	title   string
	opts    map[string]dbus.Variant
	status  uint32
	uri     string
	method  string
	version uint32
}

func (f *fakeChooser) answer(sender dbus.Sender, parent, title string, opts map[string]dbus.Variant, method string) (dbus.ObjectPath, *dbus.Error) {
	f.title, f.opts, f.method = title, opts, method
	tok, _ := opts["handle_token"].Value().(string)
	path := dbus.ObjectPath(requestPrefix + strings.ReplaceAll(strings.TrimPrefix(string(sender), ":"), ".", "_") + "/" + tok)
	go func() {
		time.Sleep(20 * time.Millisecond)
		f.conn.Emit(path, requestIface+".Response", f.status, map[string]dbus.Variant{"uris": dbus.MakeVariant([]string{f.uri})})
	}()
	return path, nil
}

func (f *fakeChooser) SaveFile(sender dbus.Sender, parent, title string, opts map[string]dbus.Variant) (dbus.ObjectPath, *dbus.Error) {
	return f.answer(sender, parent, title, opts, "SaveFile")
}

func (f *fakeChooser) OpenFile(sender dbus.Sender, parent, title string, opts map[string]dbus.Variant) (dbus.ObjectPath, *dbus.Error) {
	return f.answer(sender, parent, title, opts, "OpenFile")
}

type fakeProps struct{}

func (fakeProps) Get(iface, prop string) (dbus.Variant, *dbus.Error) {
	if iface == chooserIface && prop == "version" {
		return dbus.MakeVariant(uint32(4)), nil
	}
	return dbus.Variant{}, dbus.MakeFailedError(nil)
}

func TestNoPortalFallsBack(t *testing.T) {
	addr := privateBus(t)
	start := time.Now()
	_, err := portalAsk(addr, "", SaveFile, Options{Title: "Lưu"})
	if err == nil || !strings.Contains(err.Error(), errNoNative.Error()) {
		t.Fatalf("with no portal on the bus: %v, want errNoNative", err)
	}
	if _, err := portalAsk("", "", SaveFile, Options{}); err != errNoNative {
		t.Fatalf("with no bus: %v", err)
	}
	t.Logf("fell back after %v", time.Since(start))
}

func TestPortalSaveAndCancel(t *testing.T) {
	addr := privateBus(t)
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fc := &fakeChooser{conn: conn, uri: "file:///home/lan/T%C3%A0i%20li%E1%BB%87u/b%C3%A1o%20c%C3%A1o.xlsx"}
	if err := conn.Export(fc, portalPath, chooserIface); err != nil {
		t.Fatal(err)
	}
	if err := conn.Export(fakeProps{}, portalPath, "org.freedesktop.DBus.Properties"); err != nil {
		t.Fatal(err)
	}
	if r, err := conn.RequestName(portalName, 0); err != nil || r != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("could not own the portal's name: %v %v", r, err)
	}

	o := Options{Title: "Lưu báo cáo", Name: "bao-cao.xlsx", Folder: "/home/lan",
		Filters: []Filter{{Name: "Bảng tính Excel", Exts: []string{".xlsx"}}}}
	got, err := portalAsk(addr, "x11:1a00007", SaveFile, o)
	if err != nil {
		t.Fatal(err)
	}
	if got != "/home/lan/Tài liệu/báo cáo.xlsx" {
		t.Errorf("chose %q", got)
	}
	if fc.method != "SaveFile" || fc.title != "Lưu báo cáo" {
		t.Errorf("asked %s %q", fc.method, fc.title)
	}
	if n, _ := fc.opts["current_name"].Value().(string); n != "bao-cao.xlsx" {
		t.Errorf("suggested name %q", n)
	}
	if f, _ := fc.opts["current_folder"].Value().([]byte); string(f) != "/home/lan\x00" {
		t.Errorf("start folder %q, want NUL-terminated bytes", f)
	}
	if sig := dbus.SignatureOf([]portalFilter{}).String(); sig != "a(sa(us))" {
		t.Errorf("filters are marshalled as %s, the portal wants a(sa(us))", sig)
	}
	if fs, _ := fc.opts["filters"].Value().([][]any); len(fs) != 1 || fs[0][0] != "Bảng tính Excel" ||
		fmt.Sprint(fs[0][1]) != "[[0 *.xlsx] [0 *.XLSX]]" {
		t.Errorf("filters arrived as %#v", fc.opts["filters"].Value())
	}

	fc.status = 1 // the clerk pressed Cancel
	got, err = portalAsk(addr, "", OpenFolder, Options{Title: "Chọn thư mục"})
	if err != nil || got != "" {
		t.Fatalf("a cancel gave %q, %v", got, err)
	}
	if d, _ := fc.opts["directory"].Value().(bool); !d || fc.method != "OpenFile" {
		t.Errorf("a folder is asked with OpenFile and directory=true, got %s %v", fc.method, fc.opts["directory"])
	}
}
