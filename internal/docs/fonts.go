package docs

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/text/unicode/norm"

	"motcua/assets"
)

// style is a face of the serif family.
type style int

const (
	regular style = iota
	bold
	italic
	boldItalic
)

// gofpdf's style letters, indexed by style.
var styleCodes = [4]string{"", "B", "I", "BI"}

// subsetTag marks the embedded fonts as subsets in their PDF names ("MOTCUA+LiberationSerif"),
// as PDF readers and pdffonts expect of a subset; see doc.output.
const subsetTag = "MOTCUA"

// Fonts is the serif family the documents are set in: Times New Roman from the PC when it is
// there and covers Vietnamese, otherwise the bundled Liberation Serif 2.1.5 (same metrics).
// Load it once and share it: it is read-only and safe for concurrent use. Each PDF embeds a
// subset of the faces it uses.
type Fonts struct {
	Family   string // "Times New Roman" or "Liberation Serif"
	Source   string // the directory the faces were read from, or "bundled"
	Fallback string // why the PC's Times New Roman was not used, in Vietnamese; empty when it was, or when none was looked for

	family string // the name the faces are registered under in gofpdf, see pdfName
	psName string // "LiberationSerif": the name the PDF shows, after the subset tag
	faces  [4][]byte
	widths [4][]uint16 // advance widths in 1/1000 em for every BMP rune, as gofpdf measures them
}

// timesFiles are Windows' Times New Roman files, by style.
var timesFiles = [4]string{"times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"}

// bundledFiles are the faces shipped in assets/fonts, by style.
var bundledFiles = [4]string{
	"fonts/LiberationSerif-Regular.ttf",
	"fonts/LiberationSerif-Bold.ttf",
	"fonts/LiberationSerif-Italic.ttf",
	"fonts/LiberationSerif-BoldItalic.ttf",
}

// LoadFonts looks for Times New Roman (times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf, any
// letter case) in dirs, or, with no dirs, in %WINDIR%\Fonts. The first directory holding all
// four faces that parse and cover Vietnamese wins; otherwise the bundled Liberation Serif is
// used and Fallback says why. An error means even the bundled faces failed, which only a
// broken build can cause.
func LoadFonts(dirs ...string) (*Fonts, error) {
	if len(dirs) == 0 {
		for _, env := range []string{"WINDIR", "SystemRoot"} {
			if d := os.Getenv(env); d != "" {
				dirs = append(dirs, filepath.Join(d, "Fonts"))
				break
			}
		}
	}
	var why []string
	for _, dir := range dirs {
		f, err := loadTimes(dir)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			why = append(why, err.Error())
		}
	}
	f, err := BundledFonts()
	if err != nil {
		return nil, err
	}
	if len(why) > 0 {
		f.Fallback = strings.Join(why, "; ") + "; dùng phông Liberation Serif đi kèm chương trình (cùng cỡ chữ với Times New Roman)"
	}
	return f, nil
}

// BundledFonts returns the bundled Liberation Serif. Tests use it so that output does not
// depend on the machine.
func BundledFonts() (*Fonts, error) {
	var faces [4][]byte
	for st, name := range bundledFiles {
		b, err := fs.ReadFile(assets.PDFFonts, name)
		if err != nil {
			return nil, fmt.Errorf("thiếu phông chữ đi kèm %s: %v", name, err)
		}
		faces[st] = b
	}
	return newFonts("Liberation Serif", "bundled", faces)
}

func loadTimes(dir string) (*Fonts, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	byLower := map[string]string{}
	for _, e := range entries {
		byLower[strings.ToLower(e.Name())] = e.Name()
	}
	var faces [4][]byte
	for st, name := range timesFiles {
		real, ok := byLower[name]
		if !ok {
			return nil, fmt.Errorf("%s: %w", filepath.Join(dir, name), fs.ErrNotExist)
		}
		if faces[st], err = os.ReadFile(filepath.Join(dir, real)); err != nil {
			return nil, fmt.Errorf("không đọc được phông %s: %v", filepath.Join(dir, real), err)
		}
	}
	return newFonts("Times New Roman", dir, faces)
}

// newFonts checks every face (gofpdf parses it, it maps every Vietnamese letter) and
// measures it once, so that laying out a document never measures through gofpdf.
func newFonts(name, source string, faces [4][]byte) (*Fonts, error) {
	ps := strings.ReplaceAll(name, " ", "")
	// gofpdf names an embedded face "utf8" + family + style. The family is chosen three
	// letters longer than ps so that "utf8"+family and subsetTag+"+"+ps have the same length
	// and doc.output can rename in place without moving a byte of the cross-reference table.
	f := &Fonts{Family: name, Source: source, faces: faces, psName: ps, family: strings.ToLower(ps) + "pdf"}
	for st := range faces {
		if missing, err := missingRunes(faces[st], vietnameseRepertoire()); err != nil {
			return nil, fmt.Errorf("phông %s (%s) không đọc được: %v", name, styleCodes[st], err)
		} else if len(missing) > 0 {
			return nil, fmt.Errorf("phông %s ở %s thiếu chữ tiếng Việt %q", name, source, string(missing[:min(len(missing), 10)]))
		}
		w, err := measureFace(faces[st])
		if err != nil {
			return nil, fmt.Errorf("phông %s (%s) không dùng được để in PDF: %v", name, styleCodes[st], err)
		}
		f.widths[st] = w
	}
	return f, nil
}

// measureFace lets gofpdf parse the face (as every document will) and records the width it
// gives every BMP rune. gofpdf can panic on a font it does not understand: that is an error
// here, never a crash later.
func measureFace(ttf []byte) (w []uint16, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("gofpdf: %v", r)
		}
	}()
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("probe", "", bytes.Clone(ttf))
	pdf.SetFont("probe", "", 10)
	if err := pdf.Error(); err != nil {
		return nil, err
	}
	w = make([]uint16, 0x10000)
	for r := rune(0); r < 0x10000; r++ {
		if r < 0xD800 || r >= 0xE000 { // surrogates are not runes
			w[r] = uint16(pdf.GetStringSymbolWidth(string(r)))
		}
	}
	return w, nil
}

// width is the advance of s in mm at size pt.
func (f *Fonts) width(st style, size float64, s string) float64 {
	tbl := f.widths[st]
	var u int
	for _, r := range s {
		if r < 0x10000 {
			u += int(tbl[r])
		} else {
			u += 500 // what gofpdf assumes outside the BMP
		}
	}
	return float64(u) * size / 1000 * ptMM
}

// vietnameseRepertoire is every letter Vietnamese writes, upper and lower case, plus ASCII.
func vietnameseRepertoire() []rune {
	var out []rune
	for r := rune(0x20); r < 0x7F; r++ {
		out = append(out, r)
	}
	tones := []string{"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
	for _, v := range strings.Split("a ă â e ê i o ô ơ u ư y A Ă Â E Ê I O Ô Ơ U Ư Y", " ") {
		for _, t := range tones {
			out = append(out, []rune(norm.NFC.String(v+t))...)
		}
	}
	return append(out, 'đ', 'Đ', '–', '…', '“', '”')
}

// missingRunes reads the font's Unicode cmap (format 4 or 12) and returns the runes of want
// it does not map to a glyph.
func missingRunes(ttf []byte, want []rune) ([]rune, error) {
	lookup, err := cmapLookup(ttf)
	if err != nil {
		return nil, err
	}
	var missing []rune
	for _, r := range want {
		if lookup(r) == 0 {
			missing = append(missing, r)
		}
	}
	return missing, nil
}

var errBadFont = errors.New("không phải phông TrueType hợp lệ")

func cmapLookup(b []byte) (func(rune) int, error) {
	u16 := func(o int) int {
		if o < 0 || o+2 > len(b) {
			return -1
		}
		return int(binary.BigEndian.Uint16(b[o:]))
	}
	u32 := func(o int) int {
		if o < 0 || o+4 > len(b) {
			return -1
		}
		return int(binary.BigEndian.Uint32(b[o:]))
	}
	if len(b) < 12 {
		return nil, errBadFont
	}
	cmap := -1
	for i, n := 0, u16(4); i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(b) {
			return nil, errBadFont
		}
		if string(b[rec:rec+4]) == "cmap" {
			cmap = u32(rec + 8)
		}
	}
	if cmap < 0 {
		return nil, fmt.Errorf("%w: không có bảng cmap", errBadFont)
	}
	best, bestFmt := -1, 0
	for i, n := 0, u16(cmap+2); i < n; i++ {
		rec := cmap + 4 + 8*i
		plat, enc, off := u16(rec), u16(rec+2), u32(rec+4)
		if off < 0 || plat < 0 {
			return nil, errBadFont
		}
		format := u16(cmap + off)
		unicode := plat == 0 || (plat == 3 && (enc == 1 || enc == 10))
		if unicode && (format == 12 || (format == 4 && bestFmt != 12)) {
			best, bestFmt = cmap+off, format
		}
	}
	switch bestFmt {
	case 4:
		segX2 := u16(best + 6)
		ends, starts := best+14, best+16+segX2
		deltas, ranges := starts+segX2, starts+2*segX2
		if segX2 < 0 || ranges+segX2 > len(b) {
			return nil, errBadFont
		}
		return func(r rune) int {
			if r > 0xFFFF {
				return 0
			}
			c := int(r)
			for s := 0; s < segX2; s += 2 {
				if c > u16(ends+s) {
					continue
				}
				start := u16(starts + s)
				if c < start {
					return 0
				}
				delta, ro := u16(deltas+s), u16(ranges+s)
				if ro == 0 {
					return (c + delta) & 0xFFFF
				}
				g := u16(ranges + s + ro + 2*(c-start))
				if g <= 0 {
					return 0
				}
				return (g + delta) & 0xFFFF
			}
			return 0
		}, nil
	case 12:
		n := u32(best + 12)
		if n < 0 || best+16+12*n > len(b) {
			return nil, errBadFont
		}
		return func(r rune) int {
			for i := 0; i < n; i++ {
				g := best + 16 + 12*i
				lo, hi := u32(g), u32(g+4)
				if int(r) >= lo && int(r) <= hi {
					return u32(g+8) + int(r) - lo
				}
			}
			return 0
		}, nil
	}
	return nil, fmt.Errorf("%w: không có bảng mã Unicode", errBadFont)
}
