package docs

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"motcua/assets"
)

// fakeTimes writes the bundled faces into dir under Windows' Times New Roman file names,
// in the letter case given, so LoadFonts' search can be tested without Windows.
func fakeTimes(t *testing.T, dir string, upper bool) {
	t.Helper()
	for st, name := range timesFiles {
		b, err := fs.ReadFile(assets.PDFFonts, bundledFiles[st])
		if err != nil {
			t.Fatal(err)
		}
		if upper {
			name = strings.ToUpper(name)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestLoadFontsFindsTimes(t *testing.T) {
	empty, dir := t.TempDir(), t.TempDir()
	fakeTimes(t, dir, true)
	f, err := LoadFonts(filepath.Join(empty, "missing"), empty, dir)
	if err != nil {
		t.Fatal(err)
	}
	if f.Family != "Times New Roman" || f.Source != dir || f.Fallback != "" {
		t.Errorf("got %q from %q (fallback %q)", f.Family, f.Source, f.Fallback)
	}
	// Documents set in it name it in the PDF.
	var b bytes.Buffer
	if err := Receipt(&b, f, sampleProfile(), sampleDossier()); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b.Bytes(), []byte("/MOTCUA+TimesNewRoman")) {
		t.Error("the PDF does not name the font it embeds")
	}
}

func TestLoadFontsFromWINDIR(t *testing.T) {
	win := t.TempDir()
	if err := os.Mkdir(filepath.Join(win, "Fonts"), 0o755); err != nil {
		t.Fatal(err)
	}
	fakeTimes(t, filepath.Join(win, "Fonts"), false)
	t.Setenv("WINDIR", win)
	f, err := LoadFonts()
	if err != nil || f.Family != "Times New Roman" {
		t.Fatalf("got %v, %v", f, err)
	}
	t.Setenv("WINDIR", filepath.Join(win, "nowhere"))
	t.Setenv("SystemRoot", "")
	if f, err := LoadFonts(); err != nil || f.Family != "Liberation Serif" || f.Fallback != "" {
		t.Errorf("no Times anywhere: got %+v, %v", f, err)
	}
}

func TestLoadFontsFallsBack(t *testing.T) {
	dir := t.TempDir()
	fakeTimes(t, dir, false)
	// A damaged bold face: the family is refused as a whole, with the reason kept.
	if err := os.WriteFile(filepath.Join(dir, "timesbd.ttf"), []byte("not a font"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := LoadFonts(dir)
	if err != nil {
		t.Fatal(err)
	}
	if f.Family != "Liberation Serif" || f.Source != "bundled" {
		t.Errorf("got %q from %q", f.Family, f.Source)
	}
	if !strings.Contains(f.Fallback, "Times New Roman (B) không đọc được") || !strings.Contains(f.Fallback, "dùng phông Liberation Serif") {
		t.Errorf("fallback reason %q", f.Fallback)
	}
	// Missing faces are not worth a message: most PCs outside Windows have none.
	f, _ = LoadFonts(t.TempDir())
	if f.Fallback != "" {
		t.Errorf("fallback reason for an empty directory: %q", f.Fallback)
	}
}

func TestBundledFontsCoverVietnamese(t *testing.T) {
	for st, name := range bundledFiles {
		b, _ := fs.ReadFile(assets.PDFFonts, name)
		missing, err := missingRunes(b, vietnameseRepertoire())
		if err != nil || len(missing) > 0 {
			t.Errorf("%s: missing %q, %v", name, string(missing), err)
		}
		// And the check does catch what a face lacks.
		if missing, _ := missingRunes(b, []rune("ặ中")); string(missing) != "中" {
			t.Errorf("%s (%s): cmap lookup says %q is missing", name, styleCodes[st], string(missing))
		}
	}
	if n := len(vietnameseRepertoire()); n < 95+134 {
		t.Errorf("repertoire has only %d runes", n)
	}
	if _, err := missingRunes([]byte("short"), nil); err == nil {
		t.Error("garbage accepted as a font")
	}
	lic, err := fs.ReadFile(assets.PDFFonts, "fonts/OFL.txt")
	if err != nil || !bytes.Contains(lic, []byte("SIL OPEN FONT LICENSE Version 1.1")) {
		t.Errorf("licence not shipped: %v", err)
	}
}

func TestFontsWidthMatchesGofpdf(t *testing.T) {
	f := testFonts(t)
	d := newDoc(f, "P", "A4", a4Margins, meta{})
	d.section()
	for st := range styleCodes {
		d.setFont(style(st), 13)
		s := "Nguyễn Thị Phương Thảo — Đặng Ự Ễ ặ 0123"
		if got, want := f.width(style(st), 13, s), d.pdf.GetStringWidth(s); abs(got-want) > 1e-9 {
			t.Errorf("style %d: width %.6f, gofpdf %.6f", st, got, want)
		}
	}
	_ = d.output(io.Discard)
}

// A Times New Roman without Vietnamese (old Windows, or a look-alike dropped in the folder)
// must not be used: the document would print boxes instead of "ặ".
func TestLoadFontsRefusesFaceWithoutVietnamese(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/jung-kurt/gofpdf").Output()
	if err != nil {
		t.Skipf("gofpdf's sample fonts not found: %v", err)
	}
	latinOnly, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "font", "calligra.ttf"))
	if err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	fakeTimes(t, dir, false)
	if err := os.WriteFile(filepath.Join(dir, "timesi.ttf"), latinOnly, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := LoadFonts(dir)
	if err != nil {
		t.Fatal(err)
	}
	if f.Family != "Liberation Serif" || !strings.Contains(f.Fallback, "thiếu chữ tiếng Việt") {
		t.Errorf("got %q, fallback %q", f.Family, f.Fallback)
	}
}
