package app

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Every string Fyne's own widgets and dialogs translate has a Vietnamese
// entry: a Fyne upgrade that adds one fails here instead of showing
// English to a clerk. (The file dialog is ours, package filedialog: Fyne's
// says "Home", "Computer" and "Overwrite?" outside its translations.)
func TestEveryFyneStringHasVietnamese(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "fyne.io/fyne/v2").Output()
	if err != nil || strings.TrimSpace(string(out)) == "" {
		t.Skip("cannot find Fyne's module:", err)
	}
	base := filepath.Join(strings.TrimSpace(string(out)), "lang", "translations", "base.en.json")
	data, err := os.ReadFile(base)
	if err != nil {
		t.Skip("Fyne's sources are not in the module cache:", err)
	}
	var en map[string]any
	if err := json.Unmarshal(data, &en); err != nil {
		t.Fatal(err)
	}
	viData, err := translations.ReadFile("translations/motcua.vi.json")
	if err != nil {
		t.Fatal(err)
	}
	var vi map[string]any
	if err := json.Unmarshal(viData, &vi); err != nil {
		t.Fatal(err)
	}
	for k, v := range en {
		got, ok := vi[k]
		if !ok {
			t.Errorf("Fyne's %q (%v) has no Vietnamese in motcua.vi.json", k, v)
			continue
		}
		if s, isStr := got.(string); isStr && s == v {
			t.Errorf("Fyne's %q is left in English", k)
		}
	}
}
