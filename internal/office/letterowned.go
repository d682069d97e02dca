package office

import (
	"fmt"

	"motcua/internal/textvn"
)

// profileOwned are the letter fields the commune's profile fills: the
// issuing body, the commune's name and the chair's name. A letter cannot
// change them (a typed "co_quan" would make the letter speak for another
// body); where the profile has no value yet, the typed one fills the gap.
var profileOwned = []struct{ field, setting string }{
	{"co_quan", "Tên cơ quan ban hành (UBND xã)"},
	{"ten_xa", "Tên cơ quan ban hành (UBND xã)"},
	{"chu_tich", "Họ tên người ký"},
}

// profileOwns refuses typed values of the fields the profile owns when they
// differ from the profile's; the same value typed again is harmless.
func (o *Office) profileOwns(fields map[string]string) error {
	base := o.letterFields(LetterInput{}, nil)
	for _, po := range profileOwned {
		typed, ok := fields[po.field]
		if !ok || textvn.Clean(typed) == "" || base[po.field] == "" {
			continue
		}
		if textvn.Fold(textvn.Clean(typed)) != textvn.Fold(base[po.field]) {
			return fmt.Errorf("trường %s (%s) lấy từ Cài đặt của xã, không sửa trong từng thư: thư này in “%s”. Hãy bỏ --field %s; nếu tên trong Cài đặt sai, hãy nhờ người quản trị sửa ô “%s”",
				po.field, po.setting, base[po.field], po.field, po.setting)
		}
	}
	return nil
}
