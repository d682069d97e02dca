//go:build linux

package filedialog

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"github.com/godbus/dbus/v5"
)

// The desktop portal: one D-Bus call asks the desktop (GNOME, KDE, …) to
// show its own file chooser, in the desktop's language; the answer comes
// later as a Response signal on a request object.
// https://flatpak.github.io/xdg-desktop-portal/docs/doc-org.freedesktop.portal.FileChooser.html
const (
	portalName    = "org.freedesktop.portal.Desktop"
	portalPath    = "/org/freedesktop/portal/desktop"
	chooserIface  = "org.freedesktop.portal.FileChooser"
	requestIface  = "org.freedesktop.portal.Request"
	requestPrefix = "/org/freedesktop/portal/desktop/request/"
)

// portalTimeout bounds the wait for the portal to say it is there (it may
// be started on demand); the clerk's own time in the dialog is unbounded.
var portalTimeout = 5 * time.Second

func hidden(string) bool { return false }

// nativeParent is the portal's name for the window ("x11:1a00007"), so the
// desktop keeps its dialog over ours; "" on Wayland, which needs more.
func nativeParent(win fyne.Window) (any, bool) {
	nw, ok := win.(driver.NativeWindow)
	if !ok {
		return nil, false
	}
	handle := ""
	nw.RunNative(func(ctx any) {
		if x, ok := ctx.(driver.X11WindowContext); ok && x.WindowHandle != 0 {
			handle = fmt.Sprintf("x11:%x", x.WindowHandle)
		}
	})
	return handle, true
}

// sessionBusAddress is the session bus, without autolaunching one (godbus
// would start a dbus-daemon of its own when none is set).
func sessionBusAddress() string {
	if a := os.Getenv("DBUS_SESSION_BUS_ADDRESS"); a != "" {
		return a
	}
	p := fmt.Sprintf("/run/user/%d/bus", os.Getuid())
	if _, err := os.Stat(p); err == nil {
		return "unix:path=" + p
	}
	return ""
}

func native(parent any, k Kind, o Options) (string, error) {
	handle, _ := parent.(string)
	return portalAsk(sessionBusAddress(), handle, k, o)
}

type portalRule struct {
	Type    uint32 // 0: glob pattern
	Pattern string
}

type portalFilter struct {
	Name  string
	Rules []portalRule
}

func toPortal(f Filter) portalFilter {
	pf := portalFilter{Name: f.Name}
	for _, e := range f.Exts {
		// Patterns are case-sensitive: offer both cases.
		pf.Rules = append(pf.Rules, portalRule{0, "*" + strings.ToLower(e)}, portalRule{0, "*" + strings.ToUpper(e)})
	}
	if len(pf.Rules) == 0 {
		pf.Rules = []portalRule{{0, "*"}}
	}
	return pf
}

// portalAsk shows the desktop's chooser and waits for the clerk's answer:
// the path, "" when cancelled, or errNoNative when no portal answers.
func portalAsk(address, parent string, k Kind, o Options) (string, error) {
	if address == "" {
		return "", errNoNative
	}
	conn, err := dbus.Connect(address)
	if err != nil {
		return "", fmt.Errorf("%w: %v", errNoNative, err)
	}
	defer conn.Close()

	obj := conn.Object(portalName, portalPath)
	ctx, cancel := context.WithTimeout(context.Background(), portalTimeout)
	defer cancel()
	// Is there a file chooser at all? (xdg-desktop-portal without a
	// desktop backend has no FileChooser interface.)
	if err := obj.CallWithContext(ctx, "org.freedesktop.DBus.Properties.Get", 0, chooserIface, "version").Err; err != nil {
		return "", fmt.Errorf("%w: %v", errNoNative, err)
	}

	token := make([]byte, 8)
	rand.Read(token)
	tok := "motcua" + hex.EncodeToString(token)
	names := conn.Names()
	if len(names) == 0 {
		return "", errNoNative
	}
	sender := strings.ReplaceAll(strings.TrimPrefix(names[0], ":"), ".", "_")
	want := dbus.ObjectPath(requestPrefix + sender + "/" + tok)

	// Listen before asking, so a quick answer is not missed.
	signals := make(chan *dbus.Signal, 8)
	conn.Signal(signals)
	if err := conn.AddMatchSignalContext(ctx, dbus.WithMatchInterface(requestIface), dbus.WithMatchMember("Response")); err != nil {
		return "", fmt.Errorf("%w: %v", errNoNative, err)
	}

	opts := map[string]dbus.Variant{
		"handle_token": dbus.MakeVariant(tok),
		"modal":        dbus.MakeVariant(true),
	}
	method := chooserIface + ".OpenFile"
	switch k {
	case SaveFile:
		method = chooserIface + ".SaveFile"
		opts["accept_label"] = dbus.MakeVariant("Lưu")
		if o.Name != "" {
			opts["current_name"] = dbus.MakeVariant(o.Name)
		}
	case OpenFile:
		opts["accept_label"] = dbus.MakeVariant("Mở")
	case OpenFolder:
		opts["accept_label"] = dbus.MakeVariant("Chọn")
		opts["directory"] = dbus.MakeVariant(true)
	}
	if o.Folder != "" {
		opts["current_folder"] = dbus.MakeVariant(append([]byte(o.Folder), 0))
	}
	if k != OpenFolder && len(o.Filters) > 0 {
		var fs []portalFilter
		for _, f := range o.Filters {
			fs = append(fs, toPortal(f))
		}
		opts["filters"] = dbus.MakeVariant(fs)
		opts["current_filter"] = dbus.MakeVariant(fs[0])
	}
	var handle dbus.ObjectPath
	if err := obj.CallWithContext(ctx, method, 0, parent, o.Title, opts).Store(&handle); err != nil {
		return "", fmt.Errorf("%w: %v", errNoNative, err)
	}

	for sig := range signals {
		if sig.Path != want && sig.Path != handle {
			continue
		}
		if len(sig.Body) != 2 {
			return "", fmt.Errorf("the portal answered %d values instead of 2", len(sig.Body))
		}
		status, _ := sig.Body[0].(uint32)
		results, _ := sig.Body[1].(map[string]dbus.Variant)
		switch status {
		case 0:
		case 1:
			return "", nil // the clerk cancelled
		default:
			return "", fmt.Errorf("%w: the portal ended the dialog (%d)", errNoNative, status)
		}
		var uris []string
		if v, ok := results["uris"]; ok {
			uris, _ = v.Value().([]string)
		}
		if len(uris) == 0 {
			return "", nil
		}
		u, err := url.Parse(uris[0])
		if err != nil || u.Scheme != "file" {
			return "", fmt.Errorf("the portal chose %q, not a local file", uris[0])
		}
		return u.Path, nil
	}
	return "", fmt.Errorf("%w: the bus closed while the dialog was open", errNoNative)
}
