package office

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/letters"
	"motcua/internal/textvn"
)

// What the letter fields mean to the clerk who fills them, and how a typed
// value becomes the printed one: the window's letter form and the command
// line's --field go by the same rules.

// IsDateField reports the fields typed as a date and printed in words.
func IsDateField(name string) bool { return name == "ngay" || name == "ngay_hen" }

// LetterFieldLabel names a merge field for the clerk: the date fields say
// which date ("Ngày sinh của cháu" in a birth letter), the others use the
// meaning letters.Fields() gives.
func LetterFieldLabel(f letters.Field, k letters.Kind) string {
	switch f.Name {
	case "ngay":
		switch k {
		case letters.Birth:
			return "Ngày sinh của cháu"
		case letters.Condolence:
			return "Ngày mất"
		case letters.Marriage:
			return "Ngày đăng ký kết hôn"
		}
		return "Ngày của sự việc"
	case "ngay_hen":
		return "Ngày hẹn trả kết quả mới"
	}
	m := f.Meaning
	if m == "" {
		for _, known := range letters.Fields() {
			if known.Name == f.Name {
				m = known.Meaning
			}
		}
	}
	if i := strings.Index(m, " ("); i > 0 {
		m = m[:i]
	}
	return upperFirst(m)
}

// LetterFieldValue turns what the clerk typed into the field's printed
// value: a date typed 20/11/2026 prints "ngày 20 tháng 11 năm 2026"; a new
// due date prints with the office's return time; a value already in words
// is kept.
func (o *Office) LetterFieldValue(name, typed string, k letters.Kind) (string, error) {
	typed = strings.TrimSpace(typed)
	if typed == "" || !IsDateField(name) {
		return typed, nil
	}
	if strings.HasPrefix(strings.ToLower(typed), "ngày ") || strings.Contains(typed, " giờ ") {
		return typed, nil
	}
	t, err := ParseDate(typed)
	if err != nil {
		return "", fmt.Errorf("%s: %w", strings.ToLower(LetterFieldLabel(letters.Field{Name: name}, k)), err)
	}
	if name == "ngay_hen" {
		at := int(o.Profile().Hours.ReturnAt)
		t = time.Date(t.Year(), t.Month(), t.Day(), at/60, at%60, 0, 0, calendar.Zone)
		return letters.TimeInWords(t), nil
	}
	return letters.DateInWords(t), nil
}

// ParseDate reads a date typed ngày/tháng/năm (25/11/2026, 25-11-26,
// 25.11.2026) in Vietnam time.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	bad := fmt.Errorf("ngày “%s” không đúng dạng ngày/tháng/năm, ví dụ 25/11/2026", s)
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' || r == ' ' })
	if len(parts) != 3 {
		return time.Time{}, bad
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			return time.Time{}, bad
		}
		n[i] = v
	}
	d, m, y := n[0], n[1], n[2]
	if y < 100 {
		y += 2000
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, calendar.Zone)
	if t.Day() != d || int(t.Month()) != m || t.Year() != y {
		return time.Time{}, fmt.Errorf("ngày “%s” không có trên lịch", s)
	}
	return t, nil
}

// Salutations are the forms of address a letter can open with; "" prints
// "Ông/Bà".
var Salutations = []string{"Ông", "Bà"}

// GuessSalutation proposes "Ông" or "Bà" from a Vietnamese name by its
// middle name (Văn, Thị), "" when the name does not say. The clerk
// confirms or changes it: "Giàng A Páo" says nothing to a rule.
func GuessSalutation(name string) string {
	words := strings.Fields(textvn.Fold(name))
	for i, w := range words {
		if i == 0 || i == len(words)-1 {
			continue // the family and the given name
		}
		switch w {
		case "thi":
			return "Bà"
		case "van":
			return "Ông"
		}
	}
	return ""
}

func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
