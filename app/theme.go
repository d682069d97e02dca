package app

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Display preferences: the clerk's, on this PC, not the office's settings.
const (
	prefTheme = "ui.theme" // themeLight, themeDark or themeSystem
	prefScale = "ui.scale" // text size, a factor such as 1.15
	// prefDocsDir is where printed PDFs are written before the viewer or
	// the printer gets them ("" is a folder in the user's cache).
	prefDocsDir = "print.folder"
)

const (
	themeLight  = "Sáng"
	themeDark   = "Tối"
	themeSystem = "Theo hệ thống"
)

// themeChoices are the theme selector's choices; light comes first and is
// the default, as the office's other programs are.
var themeChoices = []string{themeLight, themeDark, themeSystem}

// scaleChoices are the text sizes offered, by label.
var scaleChoices = []struct {
	label string
	scale float32
}{
	{"Nhỏ (90%)", 0.9},
	{"Vừa (100%)", 1},
	{"Lớn (115%)", 1.15},
	{"Rất lớn (130%)", 1.3},
}

// officeTheme is Fyne's theme with the clerk's light or dark choice, text
// size, and a focus colour strong enough to see which field or button
// Enter will act on.
type officeTheme struct {
	base    fyne.Theme
	variant fyne.ThemeVariant
	forced  bool
	scale   float32
}

// themeFromPrefs builds the theme the preferences ask for.
func themeFromPrefs(p fyne.Preferences) *officeTheme {
	t := &officeTheme{base: theme.DefaultTheme(), scale: 1}
	switch p.StringWithFallback(prefTheme, themeLight) {
	case themeLight:
		t.variant, t.forced = theme.VariantLight, true
	case themeDark:
		t.variant, t.forced = theme.VariantDark, true
	}
	if s := float32(p.FloatWithFallback(prefScale, 1)); s >= 0.8 && s <= 1.6 {
		t.scale = s
	}
	return t
}

func (t *officeTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.forced {
		v = t.variant
	}
	if n == theme.ColorNameFocus {
		// Fyne's focus tint is faint; keyboard users need to see it.
		return withAlpha(t.base.Color(theme.ColorNamePrimary, v), 0x90)
	}
	return t.base.Color(n, v)
}

func (t *officeTheme) Font(s fyne.TextStyle) fyne.Resource     { return t.base.Font(s) }
func (t *officeTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }
func (t *officeTheme) Size(n fyne.ThemeSizeName) float32       { return t.base.Size(n) * t.scale }

// applyTheme puts the preferences' theme on the app.
func applyTheme(a fyne.App) {
	a.Settings().SetTheme(themeFromPrefs(a.Preferences()))
}

// scaleLabel is the selector's label for the preferences' scale.
func scaleLabel(p fyne.Preferences) string {
	s := float32(p.FloatWithFallback(prefScale, 1))
	for _, c := range scaleChoices {
		if c.scale == s {
			return c.label
		}
	}
	return strconv.FormatFloat(float64(s)*100, 'f', 0, 64) + "%"
}
