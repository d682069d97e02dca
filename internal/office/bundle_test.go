package office

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"motcua/internal/bundle"
	"motcua/internal/letters"
	"motcua/internal/people"
	"motcua/internal/store"
	"motcua/internal/survey"
)

var testKDF = &bundle.KDFParams{Time: 1, MemoryKiB: 64, Threads: 1}

const pass = "mật khẩu xã Đông Văn"

// commune opens a commune register with a profile, a signing key and n
// seeded dossiers over the year before now.
func commune(t testing.TB, dir, agency, name string, n int, seed uint64) (*Office, *time.Time) {
	t.Helper()
	o, clock := openClock(t, filepath.Join(dir, agency+".db"), "2026-12-01 08:00")
	ctx := context.Background()
	if err := o.SetSettings(ctx, map[string]string{"agency_code": agency, "commune": name}); err != nil {
		t.Fatal(err)
	}
	if n > 0 {
		if _, err := o.Seed(ctx, SeedOptions{Dossiers: n, Years: 1, Seed: seed}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := o.KeysInit(ctx, KeyRequest{Passphrase: []byte(pass), KDF: testKDF}); err != nil {
		t.Fatal(err)
	}
	return o, clock
}

func export(t testing.TB, o *Office, p Period, path string) ExportResult {
	t.Helper()
	res, err := o.Export(context.Background(), ExportRequest{Period: p, Path: path, Passphrase: []byte(pass), AppVersion: "test"})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func upper(t testing.TB, dir string) *Office {
	return openAt(t, filepath.Join(dir, "tinh.db"), "2026-12-02 09:00")
}

func TestBundleRoundTripGivesTheSameFigures(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	o, clock := commune(t, dir, "000.17.22.H56", "Ủy ban nhân dân xã Đông Văn", 600, 3)
	// Letters drafted and issued in November.
	*clock = vn("2026-11-20 10:00")
	for _, who := range []string{"Ông Lò Văn Pọm", "Bà Hà Thị Ý"} {
		l, err := o.DraftLetter(ctx, LetterInput{Kind: letters.Thanks, Recipient: who, Fields: map[string]string{"noi_dung": "ủng hộ quỹ khuyến học"}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := o.IssueLetters(ctx, []string{l.ID}); err != nil {
			t.Fatal(err)
		}
	}
	// People records of November: two staff, their pledges, ratings of
	// dossiers returned in November, a citizen's feedback.
	lan := addStaff(t, o, "Nguyễn Thị Lan", people.RoleCounter)
	addStaff(t, o, "Lê Văn Tuấn", people.RoleChair)
	if err := o.ChoosePledgeSets(ctx, []string{"4-xin", "5-khong"}); err != nil {
		t.Fatal(err)
	}
	for _, who := range []string{"Nguyễn Thị Lan", "Lê Văn Tuấn"} {
		if _, err := o.SignPledge(ctx, PledgeInput{Staff: who, SignedOn: vn("2026-11-10 00:00")}); err != nil {
			t.Fatal(err)
		}
	}
	rated := 0
	page, _ := o.Page(ctx, Filter{Limit: 400})
	for _, d := range page {
		if d.ReturnedAt != nil && d.ReturnedAt.Before(vn("2026-11-20 00:00")) && !d.ReturnedAt.Before(vn("2026-11-01 00:00")) && rated < 6 {
			level := survey.Satisfied
			if rated%3 == 2 {
				level = survey.Neutral
			}
			if _, err := o.Rate(ctx, RateInput{Code: d.Code, Level: level}); err != nil {
				t.Fatal(err)
			}
			rated++
		}
	}
	if _, err := o.AddFeedback(ctx, FeedbackInput{Channel: survey.InPerson, Sender: "Ông Lò Văn Pọm", Content: "Đề nghị niêm yết thêm thủ tục đất đai", Staff: lan.ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := o.AddDialogue(ctx, survey.Dialogue{HeldAt: vn("2026-11-18 08:00"), Place: "Nhà văn hóa thôn Trung", Chair: "Lê Văn Tuấn, Chủ tịch UBND xã",
		Attendance: 60, Issues: []string{"Đường vào thôn xuống cấp"}}); err != nil {
		t.Fatal(err)
	}
	*clock = vn("2026-12-01 08:00")
	nov := MonthPeriod(2026, time.November)
	want, err := o.CommuneFigures(ctx, nov)
	if err != nil {
		t.Fatal(err)
	}
	if want.Received == 0 || want.Returned == 0 || want.Letters != 2 || want.Ratings != rated || want.Satisfied != rated-rated/3 ||
		want.Pledges != 2 || want.Feedback != 1 || want.Dialogues != 1 || rated < 3 {
		t.Fatalf("the seeded November is too thin to test: %+v", want)
	}
	first := export(t, o, nov, filepath.Join(dir, "nov.zip"))
	if first.Sequence != 1 || first.Previous != "" {
		t.Fatalf("first export %+v", first)
	}

	up := upper(t, dir)
	if _, err := up.Import(ctx, first.Path, ""); !errors.Is(err, bundle.ErrUnknownKey) {
		t.Fatalf("import of an unregistered commune without --trust: %v", err)
	}
	res, err := up.Import(ctx, first.Path, first.Fingerprint)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Registered || res.Changed == 0 || res.Records["dossiers"] == 0 || res.Records["letters"] != 2 || res.Records["report"] != 1 {
		t.Fatalf("first import %+v", res)
	}
	if n, _ := up.st.UpperRecordCount(ctx, "000.17.22.H56", "report"); n != 1 {
		t.Fatalf("the commune's report is not kept: %d", n)
	}
	if f, _ := (&bundle.Manifest{Files: first.Files}).File(bundle.FileReportPDF); f.Size < 1000 {
		t.Fatalf("no printed report in the bundle: %+v", first.Files)
	}
	for kind, n := range map[string]int{"staff": 2, "pledges": 2, "ratings": rated, "feedback": 1, "dialogues": 1} {
		if res.Records[kind] != n {
			t.Errorf("%s: %d records imported, want %d", kind, res.Records[kind], n)
		}
	}
	cs, total, err := up.Communes(ctx, nov)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 1 || cs[0].Figures != want || total != want || !cs[0].Sent || cs[0].LastSequence != 1 {
		t.Fatalf("upper level sees %+v (total %+v), the commune %+v", cs, total, want)
	}
	if oct, _, _ := up.Communes(ctx, MonthPeriod(2026, time.October)); oct[0].Sent {
		t.Fatal("a November bundle counts as sent for October")
	}

	// The same bundle again changes nothing and says so.
	again, err := up.Import(ctx, first.Path, "")
	if err != nil || !again.AlreadyImported || again.Changed != 0 {
		t.Fatalf("second import %+v %v", again, err)
	}

	// Re-exporting the period gives the same data under the next number.
	second := export(t, o, nov, filepath.Join(dir, "nov-again.zip"))
	if second.Sequence != 2 || second.Previous != first.BundleID {
		t.Fatalf("re-export %+v", second)
	}
	for i := range first.Files {
		if first.Files[i] != second.Files[i] {
			t.Fatalf("re-export differs: %+v vs %+v", first.Files[i], second.Files[i])
		}
	}

	// A dossier changes after November was sent: it travels again in
	// December's bundle and is updated, not duplicated.
	var open string
	pg, _ := o.Page(ctx, Filter{Limit: 200})
	for _, d := range pg {
		if d.State.Open() && d.State != "supplement_requested" && d.ReceivedAt.Before(nov.To) && !d.ReceivedAt.Before(nov.From) {
			open = d.Code
			break
		}
	}
	if open == "" {
		t.Fatal("no open November dossier to change")
	}
	*clock = vn("2026-12-03 10:00")
	changed, err := o.Withdraw(ctx, open, "Công dân xin rút hồ sơ", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	dec := export(t, o, MonthPeriod(2026, time.December), filepath.Join(dir, "dec.zip"))
	if dec.Sequence != 3 {
		t.Fatalf("december is bundle %d", dec.Sequence)
	}
	res, err = up.Import(ctx, dec.Path, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Missing) != 1 || res.Missing[0] != 2 || MissingText("Ủy ban nhân dân xã Đông Văn", res.Missing) != "thiếu gói số 2 của xã Đông Văn" {
		t.Fatalf("gap not reported: %+v", res.Missing)
	}
	data, err := up.st.UpperDossierData(ctx, "000.17.22.H56", changed.ID)
	if err != nil || !bytes.Contains([]byte(data), []byte(`"state":"withdrawn"`)) {
		t.Fatalf("updated dossier at the upper level: %s %v", data, err)
	}
	var ids int
	for _, r := range []string{first.Path, dec.Path} {
		vr, _ := up.Verify(ctx, r, "")
		f, _ := (&bundle.Manifest{Files: vr.Files}).File(bundle.FileDossiers)
		ids += int(f.Records)
	}
	if n, _ := up.st.UpperRecordCount(ctx, "000.17.22.H56", "dossiers"); n >= ids || n == 0 {
		t.Fatalf("upper holds %d dossiers from two bundles of %d together: the changed one was duplicated", n, ids)
	}
	// The older bundle 2 arrives late: the gap closes, and its older copy
	// of the withdrawn dossier does not overwrite the newer one.
	res, err = up.Import(ctx, second.Path, "")
	if err != nil || len(res.Missing) != 0 || res.Changed != 0 || len(res.Warnings) != 0 {
		t.Fatalf("late bundle 2: %+v %v", res, err)
	}
	data, _ = up.st.UpperDossierData(ctx, "000.17.22.H56", changed.ID)
	if !bytes.Contains([]byte(data), []byte(`"state":"withdrawn"`)) {
		t.Fatalf("an older bundle overwrote a newer record: %s", data)
	}
	// November's figures are unchanged by the later bundles except for the
	// withdrawn dossier, which was received in November either way.
	cs, _, _ = up.Communes(ctx, nov)
	if cs[0].Figures != want {
		t.Fatalf("after more bundles November reads %+v, want %+v", cs[0].Figures, want)
	}
}

func TestExportRefusesAWrongPassphraseWithoutUsingANumber(t *testing.T) {
	dir := t.TempDir()
	o, _ := commune(t, dir, "000.17.22.H57", "Ủy ban nhân dân xã Tây Sơn", 20, 1)
	_, err := o.Export(context.Background(), ExportRequest{Period: MonthPeriod(2026, time.November), Path: filepath.Join(dir, "x.zip"), Passphrase: []byte("sai mật khẩu")})
	if !errors.Is(err, bundle.ErrPassphrase) {
		t.Fatalf("wrong passphrase: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.zip")); !os.IsNotExist(err) {
		t.Fatal("a bundle file was left behind")
	}
	if res := export(t, o, MonthPeriod(2026, time.November), filepath.Join(dir, "y.zip")); res.Sequence != 1 {
		t.Fatalf("a refused export used a number: %d", res.Sequence)
	}
	if _, err := o.KeysInit(context.Background(), KeyRequest{Passphrase: []byte(pass), KDF: testKDF}); err == nil {
		t.Fatal("a second keys init replaced the key")
	}
}

func TestKeyRotationAndAForeignKey(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	o, _ := commune(t, dir, "000.17.22.H58", "Ủy ban nhân dân xã Nam Sơn", 30, 2)
	nov := MonthPeriod(2026, time.November)
	first := export(t, o, nov, filepath.Join(dir, "1.zip"))
	up := upper(t, dir)
	if _, err := up.Import(ctx, first.Path, first.Fingerprint); err != nil {
		t.Fatal(err)
	}

	// Someone else's PC claims the same commune with its own key.
	impostor, _ := commune(t, filepath.Join(dir, "other"), "000.17.22.H58", "Ủy ban nhân dân xã Nam Sơn", 5, 9)
	fake := export(t, impostor, nov, filepath.Join(dir, "fake.zip"))
	if _, err := up.Import(ctx, fake.Path, fake.Fingerprint); !errors.Is(err, bundle.ErrWrongKey) {
		t.Fatalf("a bundle signed by another key: %v", err)
	}

	// Bundle 2 is made with the old key but reaches the province late.
	late := export(t, o, MonthPeriod(2026, time.October), filepath.Join(dir, "late.zip"))
	var oldSealed string
	if err := o.st.DB().QueryRow(`SELECT sealed FROM signing_keys`).Scan(&oldSealed); err != nil {
		t.Fatal(err)
	}

	// The commune rotates its key: the old key signs the hand-over.
	if _, err := o.KeysRotate(ctx, KeyRequest{OldPassphrase: []byte("sai"), Passphrase: []byte("mật khẩu mới của xã"), KDF: testKDF}); !errors.Is(err, bundle.ErrPassphrase) {
		t.Fatalf("rotation with a wrong old passphrase: %v", err)
	}
	info, err := o.KeysRotate(ctx, KeyRequest{OldPassphrase: []byte(pass), Passphrase: []byte("mật khẩu mới của xã"), KDF: testKDF})
	if err != nil || !info.Rotated || info.Fingerprint == first.Fingerprint {
		t.Fatalf("rotate: %+v %v", info, err)
	}
	res, err := o.Export(ctx, ExportRequest{Period: MonthPeriod(2026, time.December), Path: filepath.Join(dir, "2.zip"), Passphrase: []byte("mật khẩu mới của xã")})
	if err != nil {
		t.Fatal(err)
	}
	imp, err := up.Import(ctx, res.Path, "")
	if err != nil || !imp.KeyRotated {
		t.Fatalf("rotated bundle: %+v %v", imp, err)
	}
	cs, _, _ := up.Communes(ctx, nov)
	if cs[0].Fingerprint != info.Fingerprint {
		t.Fatalf("registered key %s, want %s", cs[0].Fingerprint, info.Fingerprint)
	}
	// The late bundle 2, signed by the old key, is still accepted…
	if imp, err := up.Import(ctx, late.Path, ""); err != nil || imp.KeyRotated || len(imp.Missing) != 0 {
		t.Fatalf("late bundle signed by the old key before the rotation: %+v %v", imp, err)
	}
	// …and a late bundle that also claims a rotation back to the old key
	// cannot make it the registered key again (checked in a fresh upper
	// level that has bundles 1 and 3 only).
	sealed, _ := bundle.UnmarshalSealed(oldSealed)
	oldKey, err := sealed.Open([]byte(pass))
	if err != nil {
		t.Fatal(err)
	}
	up2 := openAt(t, filepath.Join(dir, "tinh2.db"), "2026-12-02 09:00")
	for i, p := range []string{first.Path, res.Path} {
		if _, err := up2.Import(ctx, p, []string{first.Fingerprint, ""}[i]); err != nil {
			t.Fatal(err)
		}
	}
	claim := filepath.Join(dir, "claim.zip")
	cf, _ := os.Create(claim)
	cw := bundle.NewWriter(cf, bundle.Header{Commune: bundle.Commune{AgencyCode: "000.17.22.H58", Name: "Ủy ban nhân dân xã Nam Sơn"},
		From: vn("2026-10-01 00:00"), To: vn("2026-10-31 00:00"), Sequence: 2, Previous: first.BundleID, CreatedAt: vn("2026-12-01 08:00"), AppVersion: "x",
		Rotation: &bundle.Rotation{FromKeyID: bundle.KeyIDOf(info.PublicKey), ToPublicKey: bundle.EncodePublicKey(oldKey.Public().(ed25519.PublicKey)), Signature: "AAAA"}})
	if _, _, err := cw.Close(oldKey); err != nil {
		t.Fatal(err)
	}
	cf.Close()
	if imp, err := up2.Import(ctx, claim, ""); err != nil || imp.KeyRotated {
		t.Fatalf("late bundle with a false rotation claim: %+v %v", imp, err)
	}
	if cs, _, _ := up2.Communes(ctx, nov); cs[0].Fingerprint != info.Fingerprint {
		t.Fatalf("a false rotation claim registered key %s", cs[0].Fingerprint)
	}
	// The old key cannot sign anything numbered after the rotation.
	forged := filepath.Join(dir, "forged.zip")
	fw, _ := os.Create(forged)
	w := bundle.NewWriter(fw, bundle.Header{Commune: bundle.Commune{AgencyCode: "000.17.22.H58", Name: "Ủy ban nhân dân xã Nam Sơn"},
		From: vn("2026-12-01 00:00"), To: vn("2026-12-31 00:00"), Sequence: 9, Previous: res.BundleID, CreatedAt: vn("2026-12-20 08:00"), AppVersion: "x"})
	if _, _, err := w.Close(oldKey); err != nil {
		t.Fatal(err)
	}
	fw.Close()
	if _, err := up.Import(ctx, forged, ""); !errors.Is(err, bundle.ErrWrongKey) {
		t.Fatalf("old key after the rotation: %v", err)
	}
	// The verified bundle also checks with the commune's own database.
	if _, err := o.Verify(ctx, res.Path, ""); err != nil {
		t.Fatalf("the commune cannot verify its own bundle: %v", err)
	}
}

func TestTwoCommunesSideBySide(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	a, _ := commune(t, dir, "000.17.22.H60", "Ủy ban nhân dân xã Một", 80, 5)
	b, _ := commune(t, dir, "000.17.22.H61", "Ủy ban nhân dân xã Hai", 80, 5)
	nov := MonthPeriod(2026, time.November)
	up := upper(t, dir)
	var sum = struct{ a, b int }{}
	for i, o := range []*Office{a, b} {
		r := export(t, o, nov, filepath.Join(dir, o.Profile().AgencyCode+".zip"))
		if _, err := up.Import(ctx, r.Path, r.Fingerprint); err != nil {
			t.Fatal(err)
		}
		f, _ := o.CommuneFigures(ctx, nov)
		if i == 0 {
			sum.a = f.Received
		} else {
			sum.b = f.Received
		}
	}
	cs, total, err := up.Communes(ctx, nov)
	if err != nil || len(cs) != 2 || total.Received != sum.a+sum.b || cs[0].Figures.Received != sum.a || cs[1].Figures.Received != sum.b {
		t.Fatalf("two communes: %+v total %+v (%v)", cs, total, err)
	}
	out, _ := json.Marshal(cs)
	if !bytes.Contains(out, []byte(`"fingerprint"`)) {
		t.Fatal("no fingerprint in the communes list")
	}
}

// Every dossier travels with all its events, across the export's batches.
func TestExportCarriesEveryEvent(t *testing.T) {
	dir := t.TempDir()
	o, _ := commune(t, dir, "000.17.22.H62", "Ủy ban nhân dân xã Ba", 2500, 8)
	p, _ := DaysPeriod(vn("2025-01-01 00:00"), vn("2026-12-31 00:00"))
	res := export(t, o, p, filepath.Join(dir, "all.zip"))
	var dossiers, events int
	if err := o.st.DB().QueryRow(`SELECT COUNT(*) FROM dossiers`).Scan(&dossiers); err != nil {
		t.Fatal(err)
	}
	if err := o.st.DB().QueryRow(`SELECT COUNT(*) FROM events`).Scan(&events); err != nil {
		t.Fatal(err)
	}
	_, r, f, err := VerifyBundle(res.Path, o.Keyring(context.Background(), ""))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var gotD, gotE int
	var last string
	err = r.Records(bundle.FileDossiers, func(line []byte) error {
		var d struct {
			Code   string
			Events []json.RawMessage
		}
		if err := json.Unmarshal(line, &d); err != nil {
			return err
		}
		if len(d.Events) == 0 {
			t.Errorf("dossier %s travels without events", d.Code)
		}
		gotD++
		gotE += len(d.Events)
		last = d.Code
		return nil
	})
	if err != nil || gotD != dossiers || gotE != events {
		t.Fatalf("bundle has %d dossiers and %d events (last %s), the register %d and %d: %v", gotD, gotE, last, dossiers, events, err)
	}
}

// A commune that sends every fortnight has sent the month; one that skipped
// a week has not; missing numbers are the ones below the highest received.
func TestCoversAndMissing(t *testing.T) {
	b := func(seq int64, from, to string) store.UpperBundle {
		return store.UpperBundle{Seq: seq, PeriodFrom: from, PeriodTo: to}
	}
	nov := MonthPeriod(2026, time.November)
	if !covers([]store.UpperBundle{b(2, "2026-11-16", "2026-11-30"), b(1, "2026-10-25", "2026-11-15")}, nov) {
		t.Error("two fortnights do not cover November")
	}
	if covers([]store.UpperBundle{b(1, "2026-11-01", "2026-11-15"), b(3, "2026-11-23", "2026-11-30")}, nov) {
		t.Error("a skipped week still covers November")
	}
	if covers(nil, nov) || !covers([]store.UpperBundle{b(1, "2026-01-01", "2026-12-31")}, nov) {
		t.Error("covers of nothing or of the whole year")
	}
	if got := missing([]store.UpperBundle{b(5, "", ""), b(2, "", ""), b(1, "", "")}); len(got) != 2 || got[0] != 3 || got[1] != 4 {
		t.Errorf("missing %v, want [3 4]", got)
	}
}
