package people

import (
	"bytes"
	"crypto/rand"
	"strings"
	"testing"
)

func TestWhoMayDoWhat(t *testing.T) {
	cases := []struct {
		role Role
		may  []Action
		not  []Action
	}{
		{RoleCounter, []Action{ActReceive, ActHandle, ActDraftLetter, ActRate, ActFeedback},
			[]Action{ActIssueLetter, ActSign, ActCatalogue, ActCalendar, ActTemplates, ActSettings, ActStaff, ActRestore, ActBackdate, ActImport}},
		{RoleChair, []Action{ActReceive, ActHandle, ActDraftLetter, ActIssueLetter, ActSign},
			[]Action{ActCatalogue, ActCalendar, ActTemplates, ActSettings, ActStaff, ActRestore, ActBackdate}},
		{RoleViceChair, []Action{ActIssueLetter, ActSign, ActHandle}, []Action{ActSettings, ActBackdate}},
		{RoleAdmin, []Action{ActReceive, ActCatalogue, ActCalendar, ActTemplates, ActSettings, ActStaff, ActRestore, ActBackdate, ActImport},
			[]Action{ActIssueLetter, ActSign}},
		{Role("stranger"), nil, []Action{ActReceive}},
	}
	for _, c := range cases {
		for _, a := range c.may {
			if !c.role.May(a) {
				t.Errorf("%s should may %s", c.role, a)
			}
		}
		for _, a := range c.not {
			if c.role.May(a) {
				t.Errorf("%s should not may %s", c.role, a)
			}
		}
	}
	if got := Refusal(ActIssueLetter); !strings.Contains(got, "Chủ tịch hoặc Phó Chủ tịch") {
		t.Errorf("refusal: %q", got)
	}
	for _, a := range append(append([]Action{}, counterWork...), append(adminWork, ActIssueLetter, ActSign)...) {
		if _, ok := refusals[a]; !ok {
			t.Errorf("no refusal sentence for %s", a)
		}
	}
}

func TestPasswordHash(t *testing.T) {
	h, err := HashPassword("mật khẩu đúng 1", rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("hash %q", h)
	}
	if !PasswordMatches(h, "mật khẩu đúng 1") {
		t.Error("the right password does not match")
	}
	for _, wrong := range []string{"", "mật khẩu đúng", "mat khau dung 1", "mật khẩu đúng 1 "} {
		if PasswordMatches(h, wrong) {
			t.Errorf("%q matches", wrong)
		}
	}
	h2, _ := HashPassword("mật khẩu đúng 1", rand.Reader)
	if h == h2 {
		t.Error("two hashes of one password are equal: the salt is not used")
	}
	// A fixed salt gives a fixed hash: the salt really is in the string.
	h3, _ := HashPassword("x", bytes.NewReader(make([]byte, 16)))
	h4, _ := HashPassword("x", bytes.NewReader(make([]byte, 16)))
	if h3 != h4 {
		t.Error("same salt, different hash")
	}
	for _, bad := range []string{"", "plain", "$argon2id$v=19$m=1,t=1,p=1$AA$AA", dummyHash, strings.Replace(h, "argon2id", "argon2i", 1)} {
		if PasswordMatches(bad, "mật khẩu đúng 1") || PasswordMatches(bad, "") {
			t.Errorf("stored %q matches", bad)
		}
	}
	if CheckNewPassword("ngắn") == nil || CheckNewPassword("        ") == nil || CheckNewPassword("đủ dài rồi 1") != nil {
		t.Error("new password rules")
	}
}
