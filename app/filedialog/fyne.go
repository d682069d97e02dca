package filedialog

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// startFolder is the folder a dialog opens in: the one asked for when it
// exists, else the user's Documents, else home.
func startFolder(dir string) string {
	if dir != "" {
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			if abs, err := filepath.Abs(dir); err == nil {
				return abs
			}
			return dir
		}
	}
	home, err := os.UserHomeDir()
	if err != nil {
		wd, _ := os.Getwd()
		return wd
	}
	for _, name := range []string{"Documents", "Tài liệu"} {
		if fi, err := os.Stat(filepath.Join(home, name)); err == nil && fi.IsDir() {
			return filepath.Join(home, name)
		}
	}
	return home
}

// place is one shortcut in the left column.
type place struct {
	name string
	dir  string
	icon fyne.Resource
}

// places are the folders a clerk looks in: home, the desktop, documents,
// downloads, and the drives (Windows) or the whole computer.
func places() []place {
	var ps []place
	if home, err := os.UserHomeDir(); err == nil {
		ps = append(ps, place{"Thư mục cá nhân", home, theme.HomeIcon()})
		for _, p := range []struct{ name, sub string }{
			{"Màn hình nền", "Desktop"}, {"Tài liệu", "Documents"}, {"Tải về", "Downloads"},
		} {
			if fi, err := os.Stat(filepath.Join(home, p.sub)); err == nil && fi.IsDir() {
				ps = append(ps, place{p.name, filepath.Join(home, p.sub), theme.FolderIcon()})
			}
		}
	}
	if runtime.GOOS == "windows" {
		for c := 'C'; c <= 'Z'; c++ {
			root := string(c) + `:\`
			if _, err := os.Stat(root); err == nil {
				ps = append(ps, place{"Ổ đĩa " + string(c) + ":", root, theme.StorageIcon()})
			}
		}
	} else {
		ps = append(ps, place{"Máy tính", "/", theme.ComputerIcon()})
		for _, media := range []string{"/media", "/run/media", "/mnt"} {
			if fi, err := os.Stat(media); err == nil && fi.IsDir() {
				ps = append(ps, place{"USB và ổ ngoài (" + media + ")", media, theme.StorageIcon()})
				break
			}
		}
	}
	return ps
}

// entry is one row of the folder's list.
type entry struct {
	name string
	dir  bool
}

// browser is the Vietnamese Fyne file dialog.
type browser struct {
	kind   Kind
	o      Options
	win    fyne.Window
	done   func(string)
	closed bool

	dir        string
	entries    []entry
	selected   int // index into entries of the chosen file, or -1
	showHidden bool
	filter     int

	d       *dialog.CustomDialog
	where   *widget.Label
	list    *widget.List
	name    *widget.Entry
	types   *widget.Select
	ok      *widget.Button
	problem *widget.Label
}

func showFyne(win fyne.Window, k Kind, o Options, done func(string)) *browser {
	b := &browser{kind: k, o: o, win: win, done: done, selected: -1}
	b.build()
	b.open(o.Folder)
	if o.Present != nil {
		o.Present(b.d, b.accept, func() { b.finish("") })
	} else {
		b.d.Show()
	}
	size := win.Canvas().Size()
	b.d.Resize(fyne.NewSize(min(860, max(size.Width-20, 480)), min(560, max(size.Height-20, 380))))
	if b.name != nil {
		win.Canvas().Focus(b.name)
	}
	return b
}

func (b *browser) build() {
	b.where = widget.NewLabel("")
	b.where.Truncation = fyne.TextTruncateEllipsis
	up := widget.NewButtonWithIcon("Lên trên", theme.MoveUpIcon(), b.up)
	newDir := widget.NewButtonWithIcon("Thư mục mới", theme.FolderNewIcon(), b.askNewFolder)
	top := container.NewBorder(nil, nil, nil, container.NewHBox(up, newDir), b.where)

	ps := places()
	side := widget.NewList(func() int { return len(ps) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.FolderIcon()), widget.NewLabel("Thư mục cá nhân"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Icon).SetResource(ps[i].icon)
			box.Objects[1].(*widget.Label).SetText(ps[i].name)
		})
	side.OnSelected = func(i widget.ListItemID) {
		b.open(ps[i].dir)
		side.UnselectAll()
	}

	b.list = widget.NewList(func() int { return len(b.entries) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.FileIcon()), widget.NewLabel("tên tệp"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			e := b.entries[i]
			icon := theme.FileIcon()
			if e.dir {
				icon = theme.FolderIcon()
			}
			box.Objects[0].(*widget.Icon).SetResource(icon)
			box.Objects[1].(*widget.Label).SetText(e.name)
		})
	b.list.OnSelected = b.pick

	hidden := widget.NewCheck("Hiện tệp ẩn", func(on bool) {
		b.showHidden = on
		b.open(b.dir)
	})
	b.problem = widget.NewLabel("")
	b.problem.Wrapping = fyne.TextWrapWord
	b.problem.Importance = widget.DangerImportance
	b.problem.Hide()

	var form []fyne.CanvasObject
	if b.kind == SaveFile {
		b.name = widget.NewEntry()
		b.name.SetText(b.o.Name)
		b.name.SetPlaceHolder("Gõ tên tệp")
		b.name.OnChanged = func(string) { b.refreshOK() }
		b.name.OnSubmitted = func(string) { b.accept() }
		form = append(form, widget.NewLabel("Tên tệp:"), b.name)
	}
	if b.kind != OpenFolder && len(b.o.Filters) > 0 {
		var names []string
		for _, f := range b.o.Filters {
			names = append(names, f.Name)
		}
		b.types = widget.NewSelect(names, func(s string) {
			for i, n := range names {
				if n == s && i != b.filter {
					b.filter = i
					b.open(b.dir)
				}
			}
		})
		b.types.SetSelectedIndex(0)
		form = append(form, widget.NewLabel("Loại tệp:"), b.types)
	}

	label := "Mở"
	switch b.kind {
	case SaveFile:
		label = "Lưu"
	case OpenFolder:
		label = "Chọn thư mục này"
	}
	b.ok = widget.NewButtonWithIcon(label, theme.ConfirmIcon(), b.accept)
	b.ok.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("Hủy", theme.CancelIcon(), func() { b.finish("") })

	bottom := container.NewVBox(b.problem,
		container.New(&formLayout{}, form...),
		container.NewBorder(nil, nil, hidden, container.NewHBox(cancel, b.ok)))
	split := container.NewHSplit(side, b.list)
	split.Offset = 0.28
	b.d = dialog.NewCustomWithoutButtons(b.o.Title, container.NewBorder(top, bottom, nil, nil, split), b.win)
}

// finish closes the dialog once and hands the answer over.
func (b *browser) finish(path string) {
	if b.closed {
		return
	}
	b.closed = true
	b.d.Hide()
	b.done(path)
}

func (b *browser) say(msg string) {
	b.problem.SetText(msg)
	if msg == "" {
		b.problem.Hide()
	} else {
		b.problem.Show()
	}
}

// open lists dir: folders first, then the files of the chosen type.
func (b *browser) open(dir string) {
	items, err := os.ReadDir(dir)
	if err != nil {
		b.say("Không mở được thư mục " + dir + ": " + friendly(err) + " Hãy chọn thư mục khác.")
		return
	}
	b.say("")
	b.dir = dir
	b.where.SetText("Thư mục: " + dir)
	var dirs, files []entry
	for _, it := range items {
		name := it.Name()
		if !b.showHidden && (strings.HasPrefix(name, ".") || hidden(filepath.Join(dir, name))) {
			continue
		}
		isDir := it.IsDir()
		if it.Type()&os.ModeSymlink != 0 {
			if fi, err := os.Stat(filepath.Join(dir, name)); err == nil {
				isDir = fi.IsDir()
			}
		}
		switch {
		case isDir:
			dirs = append(dirs, entry{name, true})
		case b.kind == OpenFolder:
		case len(b.o.Filters) == 0 || b.o.Filters[b.filter].Matches(name):
			files = append(files, entry{name, false})
		}
	}
	less := func(es []entry) {
		sort.Slice(es, func(i, j int) bool { return strings.ToLower(es[i].name) < strings.ToLower(es[j].name) })
	}
	less(dirs)
	less(files)
	b.entries = append(dirs, files...)
	b.selected = -1
	b.list.UnselectAll()
	b.list.Refresh()
	b.list.ScrollToTop()
	b.refreshOK()
}

// pick enters a folder, or chooses a file (and for a save, its name).
func (b *browser) pick(i widget.ListItemID) {
	if i < 0 || i >= len(b.entries) {
		return
	}
	e := b.entries[i]
	if e.dir {
		b.open(filepath.Join(b.dir, e.name))
		return
	}
	b.selected = i
	if b.name != nil {
		b.name.SetText(e.name)
	}
	b.refreshOK()
}

func (b *browser) up() {
	parent := filepath.Dir(b.dir)
	if parent != b.dir {
		b.open(parent)
	}
}

func (b *browser) refreshOK() {
	ready := true
	switch b.kind {
	case SaveFile:
		ready = strings.TrimSpace(b.name.Text) != ""
	case OpenFile:
		ready = b.selected >= 0
	}
	if ready {
		b.ok.Enable()
	} else {
		b.ok.Disable()
	}
}

func (b *browser) accept() {
	switch b.kind {
	case OpenFolder:
		b.finish(b.dir)
	case OpenFile:
		if b.selected >= 0 {
			b.finish(filepath.Join(b.dir, b.entries[b.selected].name))
		}
	case SaveFile:
		name := strings.TrimSpace(b.name.Text)
		if name == "" {
			return
		}
		if strings.ContainsAny(name, `/\:*?"<>|`) {
			b.say("Tên tệp không được có các dấu / \\ : * ? \" < > |. Hãy gõ tên khác.")
			return
		}
		var fs []Filter
		if len(b.o.Filters) > 0 {
			fs = append([]Filter{b.o.Filters[b.filter]}, b.o.Filters...)
		}
		path := withExt(filepath.Join(b.dir, name), fs)
		fi, err := os.Stat(path)
		switch {
		case err == nil && fi.IsDir():
			b.say("“" + filepath.Base(path) + "” là một thư mục, không ghi đè được. Hãy gõ tên tệp khác.")
		case err == nil:
			ask := dialog.NewCustomConfirm("Ghi đè tệp?",
				"Ghi đè", "Không",
				widget.NewLabel("Tệp “"+filepath.Base(path)+"” đã có trong thư mục này.\nGhi đè lên tệp đó? Nội dung cũ sẽ mất."),
				func(yes bool) {
					if yes {
						b.finish(path)
					}
				}, b.win)
			if b.o.Present != nil {
				b.o.Present(ask, func() { ask.Hide(); b.finish(path) }, ask.Hide)
			} else {
				ask.Show()
			}
		default:
			b.finish(path)
		}
	}
}

func (b *browser) askNewFolder() {
	name := widget.NewEntry()
	name.SetPlaceHolder("Tên thư mục mới")
	var d dialog.Dialog
	create := func(ok bool) {
		n := strings.TrimSpace(name.Text)
		if !ok || n == "" {
			return
		}
		path := filepath.Join(b.dir, n)
		if err := os.Mkdir(path, 0o755); err != nil {
			b.say("Không tạo được thư mục “" + n + "”: " + friendly(err) + " Hãy gõ tên khác hoặc chọn nơi khác.")
			return
		}
		b.open(path)
	}
	d = dialog.NewForm("Thư mục mới", "Tạo thư mục", "Hủy",
		[]*widget.FormItem{widget.NewFormItem("Tên", name)}, create, b.win)
	name.OnSubmitted = func(string) { d.Hide(); create(true) }
	d.Show()
	b.win.Canvas().Focus(name)
}

// friendly says a file error in Vietnamese.
func friendly(err error) string {
	switch {
	case errors.Is(err, os.ErrPermission):
		return "máy không cho phép (không có quyền)."
	case errors.Is(err, os.ErrExist):
		return "tên này đã có."
	case errors.Is(err, os.ErrNotExist):
		return "thư mục không còn (USB đã rút ra?)."
	}
	return fmt.Sprintf("lỗi hệ thống (%v).", err)
}

// formLayout puts label–field pairs in two columns, the fields stretched.
type formLayout struct{}

func (formLayout) labelW(objs []fyne.CanvasObject) float32 {
	w := float32(0)
	for i := 0; i < len(objs); i += 2 {
		w = max(w, objs[i].MinSize().Width)
	}
	return w
}

func (l *formLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	lw := l.labelW(objs)
	pad := theme.Padding()
	y := float32(0)
	for i := 0; i+1 < len(objs); i += 2 {
		h := max(objs[i].MinSize().Height, objs[i+1].MinSize().Height)
		objs[i].Move(fyne.NewPos(0, y))
		objs[i].Resize(fyne.NewSize(lw, h))
		objs[i+1].Move(fyne.NewPos(lw+pad, y))
		objs[i+1].Resize(fyne.NewSize(size.Width-lw-pad, h))
		y += h + pad
	}
}

func (l *formLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	lw := l.labelW(objs)
	pad := theme.Padding()
	var w, h float32
	for i := 0; i+1 < len(objs); i += 2 {
		w = max(w, lw+pad+objs[i+1].MinSize().Width)
		h += max(objs[i].MinSize().Height, objs[i+1].MinSize().Height) + pad
	}
	if h > 0 {
		h -= pad
	}
	return fyne.NewSize(w, h)
}
