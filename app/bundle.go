package app

import (
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rsc.io/qr"

	"motcua/internal/office"
)

// bundleScreen is "Gửi cấp trên": the commune's signing key, the export of
// a period's signed bundle to a USB stick, and, for the upper level, the
// check and import of a bundle with a green or red verdict and its reason,
// and the communes' figures. The passphrase is the gate to signing until
// staff roles exist.
type bundleScreen struct {
	e *env

	key                *widget.Label
	keyPass, keyPass2  *widget.Entry
	keyInit            *widget.Button
	keyForm            *fyne.Container
	keyQR              *canvas.Image
	month, from, to    *widget.Entry
	exportPass, target *widget.Entry
	exportBtn          *widget.Button
	signNote           *widget.Label // who may sign, when greyed out (permitscreens.go)
	importNote         *widget.Label // who may import, when greyed out
	progress           *widget.ProgressBarInfinite
	exportStatus       *widget.Label

	file, trust          *widget.Entry
	verifyBtn, importBtn *widget.Button
	verdict              *canvas.Text
	verdictBox           *canvas.Rectangle
	reason               *widget.Label
	communes             *widget.Label

	version string
	content fyne.CanvasObject
}

var (
	okColor  = color.NRGBA{R: 0x1b, G: 0x7f, B: 0x3a, A: 0xff}
	badColor = color.NRGBA{R: 0xb3, G: 0x1b, B: 0x1b, A: 0xff}
)

func newBundleScreen(e *env, version string) *bundleScreen {
	s := &bundleScreen{e: e, version: version}
	now := e.off.Now()
	last := now.AddDate(0, 0, -now.Day()) // the last day of the previous month

	s.key = widget.NewLabel("Đang đọc khóa ký…")
	s.key.Wrapping = fyne.TextWrapWord
	s.keyPass = widget.NewPasswordEntry()
	s.keyPass.SetPlaceHolder("ít nhất 8 ký tự")
	s.keyPass2 = widget.NewPasswordEntry()
	s.keyInit = widget.NewButtonWithIcon("Tạo khóa ký", theme.ContentAddIcon(), s.initKey)
	s.keyForm = container.NewVBox(
		container.New(layout.NewFormLayout(), fieldLabel("Mật khẩu mới"), s.keyPass, fieldLabel("Nhập lại"), s.keyPass2),
		container.NewHBox(layout.NewSpacer(), s.keyInit))
	s.keyQR = canvas.NewImageFromImage(nil)
	s.keyQR.FillMode = canvas.ImageFillContain
	s.keyQR.ScaleMode = canvas.ImageScalePixels
	s.keyQR.SetMinSize(fyne.NewSize(140, 140))
	s.keyQR.Hide()
	keyBox := container.NewVBox(heading("Khóa ký của xã"), container.NewBorder(nil, nil, nil, s.keyQR, s.key), s.keyForm)

	s.month = widget.NewEntry()
	s.month.SetText(last.Format("01/2006"))
	s.month.SetPlaceHolder("tháng/năm, ví dụ 11/2026")
	s.from, s.to = widget.NewEntry(), widget.NewEntry()
	s.from.SetPlaceHolder("hoặc từ ngày")
	s.to.SetPlaceHolder("đến ngày")
	s.exportPass = widget.NewPasswordEntry()
	s.target = widget.NewEntry()
	s.target.SetPlaceHolder("ví dụ E:\\goi-thang-11.zip")
	pick := widget.NewButtonWithIcon("Chọn…", theme.FolderOpenIcon(), s.pickTarget)
	s.exportBtn = widget.NewButtonWithIcon("Xuất gói đã ký", theme.UploadIcon(), s.export)
	s.exportBtn.Importance = widget.HighImportance
	s.progress = widget.NewProgressBarInfinite()
	s.progress.Stop()
	s.progress.Hide()
	s.exportStatus = dimLabel("")
	exportBox := container.NewVBox(heading("Xuất gói dữ liệu gửi cấp trên"),
		container.New(layout.NewFormLayout(),
			fieldLabel("Tháng"), s.month,
			fieldLabel("Hoặc từ ngày"), container.NewGridWithColumns(2, s.from, s.to),
			fieldLabel("Lưu vào"), container.NewBorder(nil, nil, nil, pick, s.target),
			fieldLabel("Mật khẩu khóa"), s.exportPass),
		container.NewHBox(layout.NewSpacer(), s.exportBtn), s.progress, s.exportStatus)

	s.file = widget.NewEntry()
	s.file.SetPlaceHolder("tệp gói .zip của xã")
	pickFile := widget.NewButtonWithIcon("Chọn…", theme.FolderOpenIcon(), s.pickBundle)
	s.trust = widget.NewEntry()
	s.trust.SetPlaceHolder("chỉ với gói đầu tiên của xã: dấu vân tay đã đối chiếu qua điện thoại")
	s.verifyBtn = widget.NewButtonWithIcon("Kiểm tra", theme.SearchIcon(), func() { s.check(false) })
	s.importBtn = widget.NewButtonWithIcon("Kiểm tra và nhập", theme.DownloadIcon(), func() { s.check(true) })
	s.importBtn.Importance = widget.HighImportance
	s.verdict = canvas.NewText("", color.White)
	s.verdict.TextStyle.Bold = true
	s.verdict.TextSize = theme.TextSize() * 1.3
	s.verdictBox = canvas.NewRectangle(color.Transparent)
	s.reason = widget.NewLabel("")
	s.reason.Wrapping = fyne.TextWrapWord
	s.communes = widget.NewLabel("")
	s.communes.Wrapping = fyne.TextWrapWord
	importBox := container.NewVBox(heading("Cấp trên: kiểm tra và nhập gói của xã"),
		container.New(layout.NewFormLayout(),
			fieldLabel("Tệp gói"), container.NewBorder(nil, nil, nil, pickFile, s.file),
			fieldLabel("Dấu vân tay"), s.trust),
		container.NewHBox(layout.NewSpacer(), s.verifyBtn, s.importBtn),
		container.NewStack(s.verdictBox, container.NewPadded(s.verdict)), s.reason,
		heading("Các xã đã gửi (tháng đang chọn)"), s.communes)

	s.signNote, s.importNote = newPermitNote(), newPermitNote()
	left := container.NewVScroll(container.NewPadded(container.NewVBox(s.signNote, keyBox, widget.NewSeparator(), exportBox)))
	right := container.NewVScroll(container.NewPadded(container.NewVBox(s.importNote, importBox)))
	e.onPermits(s.guardSigning)
	split := container.NewHSplit(left, right)
	split.SetOffset(0.5)
	s.content = split
	return s
}

// shown reloads the key and the communes each time the page opens.
func (s *bundleScreen) shown() {
	s.e.background(func() {
		k, kerr := s.e.off.KeysShow(s.e.ctx)
		text := s.communesText()
		s.e.do(func() {
			s.showKey(k, kerr)
			s.guardSigning()
			s.communes.SetText(text)
		})
	})
}

func (s *bundleScreen) showKey(k office.KeyInfo, err error) {
	if errors.Is(err, office.ErrNoKey) {
		s.key.SetText("Xã chưa có khóa ký. Đặt mật khẩu rồi bấm “Tạo khóa ký”; giữ kín mật khẩu: không có nó thì không xuất được gói.")
		s.keyInit.Enable()
		s.keyForm.Show()
		return
	}
	if err != nil {
		s.key.SetText(capitalise(err.Error()))
		return
	}
	s.key.SetText(fmt.Sprintf("Dấu vân tay: %s\nKhóa công khai: %s\nĐọc dấu vân tay này qua điện thoại cho cán bộ cấp trên khi gửi gói đầu tiên.", k.Fingerprint, k.PublicKey))
	s.keyInit.Disable()
	s.keyForm.Hide()
	// The public key as a QR code, for the upper level to scan into
	// `motcua verify --key`.
	if code, err := qr.Encode(k.PublicKey, qr.M); err == nil {
		const scale, quiet = 4, 4
		n := (code.Size + 2*quiet) * scale
		img := image.NewGray(image.Rect(0, 0, n, n))
		draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
		for y := 0; y < code.Size; y++ {
			for x := 0; x < code.Size; x++ {
				if code.Black(x, y) {
					r := image.Rect((x+quiet)*scale, (y+quiet)*scale, (x+quiet+1)*scale, (y+quiet+1)*scale)
					draw.Draw(img, r, image.Black, image.Point{}, draw.Src)
				}
			}
		}
		s.keyQR.Image = img
		s.keyQR.Show()
		s.keyQR.Refresh()
	}
}

func (s *bundleScreen) initKey() {
	if s.keyPass.Text != s.keyPass2.Text {
		s.e.showError(errors.New("hai lần nhập mật khẩu không giống nhau; hãy nhập lại"), nil)
		return
	}
	pass := []byte(s.keyPass.Text)
	s.keyInit.Disable()
	s.e.background(func() {
		k, err := s.e.off.KeysInit(s.e.ctx, office.KeyRequest{Passphrase: pass})
		s.e.do(func() {
			if err != nil {
				s.keyInit.Enable()
				s.e.showError(err, nil)
				return
			}
			s.keyPass.SetText("")
			s.keyPass2.SetText("")
			s.showKey(k, nil)
		})
	})
}

// period reads the month, or the from/to days when both are filled.
func (s *bundleScreen) period() (office.Period, error) {
	if strings.TrimSpace(s.from.Text) != "" || strings.TrimSpace(s.to.Text) != "" {
		f, err := parseDate(s.from.Text)
		if err != nil {
			return office.Period{}, err
		}
		t, err := parseDate(s.to.Text)
		if err != nil {
			return office.Period{}, err
		}
		return office.DaysPeriod(f, t)
	}
	m, err := time.Parse("1/2006", strings.TrimSpace(strings.ReplaceAll(s.month.Text, "-", "/")))
	if err != nil {
		return office.Period{}, fmt.Errorf("tháng “%s” không đúng dạng tháng/năm, ví dụ 11/2026", s.month.Text)
	}
	return office.MonthPeriod(m.Year(), m.Month()), nil
}

func (s *bundleScreen) pickTarget() {
	p, err := s.period()
	name := "goi-du-lieu.zip"
	if err == nil {
		name = fmt.Sprintf("motcua-%s-%s.zip", s.e.off.Profile().AgencyCode, p.From.Format("2006-01"))
	}
	s.e.askSave("Lưu gói dữ liệu gửi cấp trên", name, "", zipFiles, s.target.SetText)
}

func (s *bundleScreen) pickBundle() {
	s.e.askOpen("Chọn gói dữ liệu nhận được", zipFiles, s.file.SetText)
}

func (s *bundleScreen) export() {
	p, err := s.period()
	if err != nil {
		s.e.showError(err, nil)
		return
	}
	path := strings.TrimSpace(s.target.Text)
	if path == "" {
		s.e.showError(errors.New("chưa chọn nơi lưu gói: bấm “Chọn…” và chọn ổ USB"), nil)
		return
	}
	pass := []byte(s.exportPass.Text)
	s.exportBtn.Disable()
	s.progress.Show()
	s.progress.Start()
	s.exportStatus.SetText("Đang xuất gói kỳ " + p.String() + "…")
	var res office.ExportResult
	s.e.longTask("Đang xuất gói dữ liệu", "xuất gói dữ liệu kỳ "+p.String(), func(ctx context.Context) (err error) {
		res, err = s.e.off.Export(ctx, office.ExportRequest{Period: p, Path: path, Passphrase: pass, AppVersion: s.version,
			Progress: func(n int) {
				s.e.do(func() {
					s.exportStatus.SetText(fmt.Sprintf("Đang xuất gói kỳ %s… đã ghi %s bản ghi.", p, fmtCount(n)))
				})
			}})
		return err
	}, func(err error) {
		s.progress.Stop()
		s.progress.Hide()
		s.exportBtn.Enable()
		if office.Cancelled(err) {
			s.exportStatus.SetText("Đã hủy xuất gói kỳ " + p.String() + ": không có tệp nào được ghi, số thứ tự gói chưa dùng.")
			return
		}
		if err != nil {
			s.exportStatus.SetText("Chưa xuất được gói.")
			s.e.showError(err, nil)
			return
		}
		s.exportPass.SetText("")
		n := 0
		for _, f := range res.Files {
			n += int(f.Records)
		}
		s.exportStatus.SetText(fmt.Sprintf("Đã xuất gói số %d, kỳ %s: %s bản ghi, ra %s. Ký bằng khóa %s.", res.Sequence, p, fmtCount(n), res.Path, res.Fingerprint))
	})
}

// check verifies (and with doImport imports) the chosen bundle and shows
// the verdict.
func (s *bundleScreen) check(doImport bool) {
	path := strings.TrimSpace(s.file.Text)
	if path == "" {
		s.e.showError(errors.New("chưa chọn tệp gói: bấm “Chọn…” và chọn tệp .zip trên ổ USB"), nil)
		return
	}
	trust := strings.TrimSpace(s.trust.Text)
	s.verifyBtn.Disable()
	s.importBtn.Disable()
	s.setVerdict(nil, "Đang kiểm tra…", "")
	s.e.background(func() {
		var msg string
		var err error
		if doImport {
			var res office.ImportResult
			res, err = s.e.off.Import(s.e.ctx, path, trust)
			msg = importText(res)
		} else {
			var res office.VerifyResult
			res, err = s.e.off.Verify(s.e.ctx, path, trust)
			msg = fmt.Sprintf("Gói số %d của %s (mã %s), kỳ %s đến %s, ký bằng khóa %s: chữ ký đúng, đủ %d tệp, không tệp nào bị sửa.",
				res.Sequence, res.Commune, res.Agency, res.PeriodFrom, res.PeriodTo, res.Fingerprint, len(res.Files))
		}
		text := s.communesText()
		s.e.do(func() {
			s.verifyBtn.Enable()
			s.importBtn.Enable()
			s.communes.SetText(text)
			if err != nil {
				bad := true
				s.setVerdict(&bad, "KHÔNG HỢP LỆ", capitalise(err.Error()))
				return
			}
			good := false
			s.setVerdict(&good, "HỢP LỆ", msg)
		})
	})
}

func importText(r office.ImportResult) string {
	if r.AlreadyImported {
		return fmt.Sprintf("Gói số %d của %s đã nhập trước đây; không có gì thay đổi.", r.Sequence, r.Commune)
	}
	var b strings.Builder
	if r.Registered {
		fmt.Fprintf(&b, "Đã đăng ký %s với khóa %s. ", r.Commune, r.Fingerprint)
	}
	fmt.Fprintf(&b, "Đã nhập gói số %d của %s, kỳ %s đến %s: %s bản ghi mới hoặc cập nhật.", r.Sequence, r.Commune, r.PeriodFrom, r.PeriodTo, fmtCount(r.Changed))
	for _, w := range r.Warnings {
		b.WriteString(" " + w)
	}
	if t := office.MissingText(r.Commune, r.Missing); t != "" {
		b.WriteString(" Lưu ý: " + t + "; hãy đề nghị xã gửi lại.")
	}
	return b.String()
}

// setVerdict shows the green or red verdict; bad nil means neither yet.
func (s *bundleScreen) setVerdict(bad *bool, title, reason string) {
	s.verdict.Text = title
	switch {
	case bad == nil:
		s.verdictBox.FillColor = color.Transparent
		s.verdict.Color = theme.Color(theme.ColorNameForeground)
	case *bad:
		s.verdictBox.FillColor, s.verdict.Color = badColor, color.White
	default:
		s.verdictBox.FillColor, s.verdict.Color = okColor, color.White
	}
	s.verdict.Refresh()
	s.verdictBox.Refresh()
	s.reason.SetText(reason)
}

// communesText lists the registered communes for the chosen month (run off
// the UI goroutine).
func (s *bundleScreen) communesText() string {
	p, err := s.period()
	if err != nil {
		return ""
	}
	cs, total, err := s.e.off.Communes(s.e.ctx, p)
	if err != nil {
		return capitalise(err.Error())
	}
	if len(cs) == 0 {
		return "Chưa có xã nào đăng ký với máy này."
	}
	var b strings.Builder
	for _, c := range cs {
		sent := "đã gửi đủ kỳ"
		if !c.Sent {
			sent = "CHƯA GỬI đủ kỳ"
		}
		f := c.Figures
		fmt.Fprintf(&b, "%s (%s), gói cuối số %d, %s: %s.\n", c.Name, c.Agency, c.LastSequence, sent, figuresText(f))
		if t := office.MissingText(c.Name, c.Missing); t != "" {
			b.WriteString("  " + capitalise(t) + ".\n")
		}
	}
	fmt.Fprintf(&b, "Tổng hợp %d xã: %s.", len(cs), figuresText(total))
	return b.String()
}

func figuresText(f office.Figures) string {
	return fmt.Sprintf("tiếp nhận %d, trả %d (trước hạn %d, đúng hạn %d, quá hạn %d), thư %d, đánh giá %d (hài lòng %d), cam kết đã ký %d, phản ánh %d, hội nghị đối thoại %d",
		f.Received, f.Returned, f.Early, f.OnTime, f.Late, f.Letters, f.Ratings, f.Satisfied, f.Pledges, f.Feedback, f.Dialogues)
}
