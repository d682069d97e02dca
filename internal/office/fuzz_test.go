package office

import (
	"strings"
	"testing"
	"unicode/utf8"

	"motcua/assets"
	"motcua/internal/letters"
	"motcua/internal/textvn"
)

// Readers of outside data must refuse bad input with an error, never panic
// or let through what the limits forbid. `scripts/fuzz.sh` runs each for a
// few seconds in CI.

func FuzzProcedureFile(f *testing.F) {
	f.Add(assets.Procedures)
	f.Add([]byte(`[{"code":"a","name":"A","field":"F","limit":{"value":3,"unit":"working_days"},"version":1}]`))
	f.Add([]byte(`[{"code":"A B","name":"","limit":{"value":-1,"unit":"x"}}]`))
	f.Add([]byte(`[]`))
	f.Add([]byte("\xff"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ps, err := ParseProcedureFile(data)
		if err != nil {
			return
		}
		for _, p := range ps {
			if strings.Trim(p.Code, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" || p.Code == "" {
				t.Fatalf("code %q accepted", p.Code)
			}
			if !utf8.ValidString(p.Name) || utf8.RuneCountInString(p.Name) > TextLimits["procedure_name"].max {
				t.Fatalf("name %q accepted", p.Name)
			}
			if strings.ContainsFunc(p.Unit, textvn.Invisible) {
				t.Fatalf("unit %q kept invisible characters", p.Unit)
			}
		}
	})
}

func FuzzScheduleFile(f *testing.F) {
	f.Add([]byte(`{"year":2026,"source":"x","confidence":"high","off":[{"date":"2026-02-16","reason":"Tết"}],"work":[]}`), 2026)
	f.Add([]byte(`{"year":2027}`), 2027)
	f.Add([]byte(`{"year":2026,"off":[{"date":"2026-13-40"}]}`), 2026)
	f.Add([]byte(``), 0)
	f.Fuzz(func(t *testing.T, data []byte, year int) {
		s, err := ParseScheduleFile(data, year)
		if err != nil {
			return
		}
		if s.Year != year {
			t.Fatalf("schedule of %d accepted for %d", s.Year, year)
		}
	})
}

func FuzzTemplate(f *testing.F) {
	for _, k := range letters.Kinds() {
		src, _ := letters.DefaultTemplate(k)
		f.Add(src, "Nguyễn Văn An")
	}
	f.Add("{", "x")
	f.Add("{ho_ten}{{}}{nguoi_nhan", "\u202e")
	f.Add("Kính gửi {khong_co}.", "")
	f.Fuzz(func(t *testing.T, src, value string) {
		clean, err := cleanText("template", src)
		if err != nil {
			return
		}
		if _, err := letters.Parse(clean); err != nil {
			return
		}
		values := map[string]string{}
		for _, fl := range letters.Fields() {
			values[fl.Name] = value
		}
		paras, err := letters.Render(clean, values)
		if err != nil {
			return
		}
		for _, p := range paras {
			if strings.Contains(p, "{") && !strings.Contains(value, "{") && !strings.Contains(clean, "{{") {
				t.Fatalf("unfilled field left in %q (template %q)", p, clean)
			}
		}
	})
}

func FuzzCleanText(f *testing.F) {
	f.Add("applicant_name", "Nguyễn Văn An")
	f.Add("procedure_code", "khai-sinh")
	f.Add("note", "dòng 1\r\ndòng 2\u202e")
	f.Add("template", "\xff")
	f.Fuzz(func(t *testing.T, key, s string) {
		lim, ok := TextLimits[key]
		if !ok {
			return
		}
		out, err := cleanText(key, s)
		if err != nil {
			return
		}
		if !utf8.ValidString(out) || utf8.RuneCountInString(out) > lim.max {
			t.Fatalf("%s: %q accepted as %q", key, s, out)
		}
		if lim.kind != multiline && strings.ContainsFunc(out, func(r rune) bool { return textvn.Invisible(r) || r == '\n' }) {
			t.Fatalf("%s: invisible characters kept in %q", key, out)
		}
		if again, err := cleanText(key, out); err != nil || again != out {
			t.Fatalf("%s: cleaning %q again gives %q, %v", key, out, again, err)
		}
	})
}
