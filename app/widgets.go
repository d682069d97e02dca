package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// keyEntry is a one-line entry that lets its screen see keys and shortcuts
// first. A focused entry swallows every shortcut (Ctrl+S included), so the
// screen's own shortcuts and the arrow keys of a picker come through here.
type keyEntry struct {
	widget.Entry
	// onKey sees each key before the entry; true means handled.
	onKey func(*fyne.KeyEvent) bool
	// onShortcut sees each shortcut before the entry; true means handled.
	onShortcut func(fyne.Shortcut) bool
	// help is F1: the screen's guide (set by the shell).
	help func()
}

func newKeyEntry(placeholder string) *keyEntry {
	e := &keyEntry{}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = placeholder
	return e
}

func (e *keyEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyF1 {
		if e.help != nil {
			e.help()
			return
		}
		if helpFor(e) {
			return
		}
	}
	if e.onKey != nil && e.onKey(k) {
		return
	}
	e.Entry.TypedKey(k)
}

func (e *keyEntry) TypedShortcut(s fyne.Shortcut) {
	if e.onShortcut != nil && e.onShortcut(s) {
		return
	}
	e.Entry.TypedShortcut(s)
}

// Row tints for the register. Translucent, so the theme's background (light
// or dark) and the list's own selection and hover show through and the text
// keeps the theme's foreground colour.
var (
	overdueTint = color.NRGBA{R: 0xE5, G: 0x39, B: 0x35, A: 0x48}
	dueSoonTint = color.NRGBA{R: 0xFF, G: 0xB3, B: 0x00, A: 0x60}
	noTint      = color.NRGBA{}
)

// column is one column of a row: a fixed width, or a share of what is left.
type column struct {
	width  float32 // fixed width; 0 means flexible
	weight float32 // share of the remaining width for a flexible column
}

// columnsLayout places a row's cells side by side: the fixed columns keep
// their width and the flexible ones share the rest, so the register fits
// the window without a horizontal scroll bar.
type columnsLayout struct{ cols []column }

func (l *columnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	fixed, weights := float32(0), float32(0)
	for _, c := range l.cols {
		fixed += c.width
		weights += c.weight
	}
	rest := size.Width - fixed
	if rest < 0 {
		rest = 0
	}
	x := float32(0)
	for i, o := range objs {
		if i >= len(l.cols) {
			o.Hide()
			continue
		}
		c := l.cols[i]
		w := c.width
		if w == 0 && weights > 0 {
			w = rest * c.weight / weights
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}

func (l *columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for i, o := range objs {
		m := o.MinSize()
		if m.Height > h {
			h = m.Height
		}
		if i < len(l.cols) && l.cols[i].width > 0 {
			w += l.cols[i].width
		} else {
			w += m.Width
		}
	}
	return fyne.NewSize(w, h)
}

// tintRect is a row background that tests can read back.
func tintRect() *canvas.Rectangle { return canvas.NewRectangle(noTint) }

// withAlpha is c made translucent.
func withAlpha(c color.Color, a uint8) color.NRGBA {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = a
	return n
}
