package app

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"
)

// vietnameseLetters are every letter of Vietnamese, with each tone, in both
// cases, and the combining marks some keyboards type instead of the
// precomposed letters.
var vietnameseLetters = func() string {
	lower := "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
	return lower + strings.ToUpper(lower) + "\u0300\u0301\u0303\u0309\u0323"
}()

// TestThemeFontsCoverVietnamese: the window has no system font to fall back
// on (tuneMemory), so every character it can show must be in the theme's
// fonts: the Vietnamese alphabet, and every character of the window's
// texts (the strings of the app package, its translations, the guides, the
// procedures, the holiday names and the letter templates it shows).
func TestThemeFontsCoverVietnamese(t *testing.T) {
	parse := func(r fyne.Resource) *font.Face {
		f, err := font.ParseTTF(bytes.NewReader(r.Content()))
		if err != nil {
			t.Fatalf("%s: %v", r.Name(), err)
		}
		return f
	}
	symbol := parse(theme.DefaultSymbolFont())
	styles := map[string]*font.Face{
		"thường": parse(theme.DefaultTextFont()),
		"đậm":    parse(theme.DefaultTextBoldFont()),
	}

	texts := map[string]string{"bảng chữ cái": vietnameseLetters}
	add := func(where, s string) { texts[where] += s }
	// The app package's string literals.
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					add(name, s)
				}
			}
			return true
		})
	}
	readDir := func(fsys fs.FS, dir string) {
		err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(fsys, p)
			add(p, string(b))
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	readDir(os.DirFS("."), "translations")
	readDir(os.DirFS("../assets"), "help")
	readDir(os.DirFS("../assets"), "letters")
	readDir(os.DirFS("../assets"), "register")
	readDir(os.DirFS("../assets"), "calendar")
	readDir(os.DirFS("../assets"), "pledges")
	if len(texts) < 20 {
		t.Fatalf("only %d sources of text were read", len(texts))
	}

	checked := 0
	for where, s := range texts {
		seen := map[rune]bool{}
		for _, r := range s {
			if seen[r] || unicode.IsControl(r) || r == ' ' || r == '\u00a0' || r == '\ufeff' || r == '\ufffd' {
				continue
			}
			seen[r] = true
			checked++
			for style, face := range styles {
				if _, ok := face.NominalGlyph(r); ok {
					continue
				}
				if _, ok := symbol.NominalGlyph(r); ok {
					continue
				}
				t.Errorf("%q (U+%04X) from %s is in no font of the theme (%s): the window would show a box", r, r, where, style)
			}
		}
	}
	if checked < 200 {
		t.Fatalf("only %d characters were checked", checked)
	}
}
