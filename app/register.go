package app

import (
	"context"
	"image/color"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/internal/office"
	"motcua/internal/register"
)

const (
	pageSize = 100 // rows fetched at a time
	// Pages kept in memory, those nearest the rows on screen: 800 rows,
	// ~1.1 MB (64 pages held 8.6 MB at 1,000,000 dossiers). The screen
	// shows a few dozen rows; a page scrolled back to is read again.
	maxPages    = 8
	searchLimit = 500 // search results shown at most
)

// stateFilter is one choice of the state selector.
type stateFilter struct {
	label   string
	states  []register.State
	overdue bool // past the promised date (office.OverdueFilter)
}

var stateFilters = func() []stateFilter {
	fs := []stateFilter{
		{"Tất cả trạng thái", nil, false},
		{"Chưa trả kết quả", []register.State{register.Received, register.InProgress, register.SupplementRequested, register.Done}, false},
		{"Quá hạn", nil, true},
	}
	for _, s := range register.States {
		fs = append(fs, stateFilter{s.Vietnamese(), []register.State{s}, false})
	}
	return fs
}()

// registerScreen is the register book on screen: every dossier, newest
// first, in a virtualised list fed page by page off the UI goroutine, with
// a search box, a state filter and the selected dossier's detail below.
type registerScreen struct {
	e *env

	search  *keyEntry
	state   *widget.Select
	day     *keyEntry // "Đến ngày" (registerday.go)
	jump    *dayJump  // a move to a day, waiting for the count
	count   *widget.Label
	list    *keyList
	detail  *detailPane
	content fyne.CanvasObject
	cols    []column

	onShortcut  func(fyne.Shortcut) bool
	debounce    time.Duration
	searchLimit int // search results shown at most
	timer       *time.Timer

	// On the UI goroutine only.
	query        string             // the search being shown ("" = the whole register)
	searching    bool               // rows come from results, not pages
	results      []register.Dossier // search results
	total        int                // rows of the register under the filter
	selected     string             // code of the dossier in the detail pane
	selectedIdx  int
	listSelected int  // the line the list shows selected, -1 for none
	quiet        bool // selecting programmatically: do not reload the detail
	awaiting     bool // the marked line's page is being read: show its dossier when it comes

	mu      sync.Mutex    // guards what the page loader touches
	gen     int           // bumped on every reload; stale pages are dropped
	filter  office.Filter // the selector's choice; Limit and Offset unset
	pages   map[int][]register.Dossier
	pending map[int]int // page → order of request (the latest wins)
	reqSeq  int
	loading bool
	loadErr error
	// The page being read, and how to abandon it when the clerk has
	// scrolled far away (a page deep in a million rows takes a second).
	loadingPage int
	cancelLoad  context.CancelFunc
	// cancelSearch abandons the search being run (UI goroutine only).
	cancelSearch context.CancelFunc
}

func newRegister(e *env) *registerScreen {
	r := &registerScreen{e: e, debounce: searchPause, searchLimit: searchLimit, selectedIdx: -1, listSelected: -1, loadingPage: -1,
		pages: map[int][]register.Dossier{}, pending: map[int]int{}}

	r.search = newKeyEntry("Tìm theo tên, địa chỉ, số điện thoại hoặc mã hồ sơ (gõ không dấu cũng được)")
	r.search.OnChanged = func(string) { r.scheduleSearch() }
	r.search.OnSubmitted = func(string) { r.applySearch() }
	r.search.onShortcut = func(s fyne.Shortcut) bool { return r.onShortcut != nil && r.onShortcut(s) }
	// Down leaves the search for the list, where the arrows move and
	// Space opens a dossier.
	r.search.onKey = func(k *fyne.KeyEvent) bool {
		if r.length() == 0 {
			return false
		}
		switch k.Name {
		case fyne.KeyDown:
			r.e.win.Canvas().Focus(r.list)
			return true
		case fyne.KeyPageDown, fyne.KeyPageUp:
			r.e.win.Canvas().Focus(r.list)
			return r.pageKey(k)
		}
		return false
	}
	labels := make([]string, len(stateFilters))
	for i, f := range stateFilters {
		labels[i] = f.label
	}
	r.state = widget.NewSelect(labels, nil)
	r.state.SetSelectedIndex(0)
	r.count = widget.NewLabel("")
	r.count.Truncation = fyne.TextTruncateEllipsis

	r.cols = registerColumns()
	r.list = newKeyList(r.length, r.createRow, r.updateRow)
	r.list.onKey = r.pageKey
	r.list.OnSelected = r.selectRow
	r.state.OnChanged = func(string) { r.reload() }

	r.detail = newDetail(e)
	r.detail.onChanged = func(*register.Dossier) {
		if r.e.changed != nil {
			r.e.changed()
		}
	}

	header := r.headerRow()
	legend := container.NewHBox(
		swatch(overdueTint), widget.NewLabel("Quá hạn"),
		swatch(dueSoonTint), widget.NewLabel("Đến hạn hôm nay hoặc ngày làm việc tiếp theo"))
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil,
			container.NewHBox(container.NewGridWrap(fyne.NewSize(stateSelectWidth(), r.state.MinSize().Height), r.state), r.dayField()), r.search),
		container.NewBorder(nil, nil, nil, legend, r.count),
	)
	table := container.NewBorder(header, nil, nil, nil, r.list)
	split := container.NewVSplit(table, r.detail.content)
	split.SetOffset(0.55)
	r.content = container.NewBorder(container.NewPadded(top), nil, nil, nil, split)
	r.reload()
	return r
}

// stateSelectWidth fits the longest choice of the state selector.
func stateSelectWidth() float32 {
	labels := make([]string, len(stateFilters))
	for i, f := range stateFilters {
		labels[i] = f.label
	}
	return selectWidth(labels)
}

// selectWidth is the width a drop-down needs to show its longest choice
// whole.
func selectWidth(options []string) float32 {
	w := float32(0)
	for _, o := range options {
		if m := fyne.MeasureText(o, theme.TextSize(), fyne.TextStyle{}).Width; m > w {
			w = m
		}
	}
	return w + 2*theme.InnerPadding() + theme.IconInlineSize() + 2*theme.Padding()
}

// registerColumns sizes the fixed columns for the text they hold; the name
// and the procedure share the rest of the width.
func registerColumns() []column {
	pad := 2*theme.InnerPadding() + theme.Padding()
	w := func(sample string, bold bool) float32 {
		return fyne.MeasureText(sample, theme.TextSize(), fyne.TextStyle{Bold: bold}).Width + pad
	}
	return []column{
		{width: w("000.00.00.H00-261123-0000", false)}, // Mã hồ sơ
		{weight: 1},                           // Người nộp
		{weight: 1.3},                         // Thủ tục
		{width: w("00:00 00/00/0000", false)}, // Tiếp nhận
		{width: w("00:00 00/00/0000", true)},  // Hạn trả
		{width: w("Có kết quả, chờ trả · quá hạn", false)}, // Trạng thái
	}
}

var registerHeadings = []string{"Mã hồ sơ", "Người nộp", "Thủ tục", "Tiếp nhận", "Hạn trả", "Trạng thái"}

func (r *registerScreen) headerRow() fyne.CanvasObject {
	cells := make([]fyne.CanvasObject, len(registerHeadings))
	for i, h := range registerHeadings {
		l := widget.NewLabel(h)
		l.TextStyle.Bold = true
		l.Truncation = fyne.TextTruncateEllipsis
		cells[i] = l
	}
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameHeaderBackground))
	return container.NewStack(bg, container.New(&columnsLayout{r.cols}, cells...))
}

func swatch(c color.Color) fyne.CanvasObject {
	r := canvas.NewRectangle(c)
	r.SetMinSize(fyne.NewSize(18, 18))
	r.CornerRadius = 3
	return container.NewCenter(r)
}

func (r *registerScreen) length() int {
	if r.searching {
		return len(r.results)
	}
	return r.total
}

// createRow is the template of one line: a tint under six cells.
func (r *registerScreen) createRow() fyne.CanvasObject {
	cells := make([]fyne.CanvasObject, len(r.cols))
	for i := range cells {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		cells[i] = l
	}
	cells[4].(*widget.Label).TextStyle.Bold = true
	marker := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	marker.SetMinSize(fyne.NewSize(5, 1))
	marker.Hide()
	return container.NewStack(tintRect(), container.New(&columnsLayout{r.cols}, cells...), container.NewHBox(marker))
}

func (r *registerScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	st := o.(*fyne.Container)
	tint := st.Objects[0].(*canvas.Rectangle)
	cells := st.Objects[1].(*fyne.Container).Objects
	// The line of the open dossier carries a bar on its left: the tints
	// would hide the list's own selection colour.
	marker := st.Objects[2].(*fyne.Container).Objects[0]
	if id == r.listSelected {
		marker.Show()
	} else {
		marker.Hide()
	}
	// Only what changed: the list refreshes every line on screen when a
	// page comes and when a line is selected, and a label's new text is
	// shaped again to be cut to its column (most of a Page Down's time).
	set := func(i int, s string) {
		if l := cells[i].(*widget.Label); l.Text != s {
			l.SetText(s)
		}
	}
	d := r.row(id)
	if d == nil {
		set(0, "Đang tải…")
		for i := 1; i < len(cells); i++ {
			set(i, "")
		}
		tint.FillColor = noTint
		tint.Refresh()
		return
	}
	set(0, d.Code)
	set(1, d.Applicant.Name)
	set(2, d.ProcedureName)
	set(3, fmtStamp(d.ReceivedAt))
	set(4, fmtStamp(d.EffectiveDue()))
	u := r.e.off.UrgencyOf(d)
	set(5, stateWords(d, u))
	c := noTint
	switch u {
	case office.Overdue:
		c = overdueTint
	case office.DueSoon:
		c = dueSoonTint
	}
	if tint.FillColor != c {
		tint.FillColor = c
		tint.Refresh()
	}
}

// row is the dossier on line i, or nil while its page is being fetched.
func (r *registerScreen) row(i int) *register.Dossier {
	if r.searching {
		if i >= 0 && i < len(r.results) {
			return &r.results[i]
		}
		return nil
	}
	p := i / pageSize
	r.mu.Lock()
	defer r.mu.Unlock()
	rows, ok := r.pages[p]
	if !ok {
		r.request(p)
		return nil
	}
	if j := i % pageSize; j < len(rows) {
		return &rows[j]
	}
	return nil
}

// request queues page p for the loader; r.mu is held.
func (r *registerScreen) request(p int) {
	r.reqSeq++
	r.pending[p] = r.reqSeq
	// The rows on screen span one or two neighbouring pages: a request
	// further away means the page being read has scrolled out of view.
	if r.cancelLoad != nil && (p-r.loadingPage > 1 || r.loadingPage-p > 1) {
		r.cancelLoad()
		r.cancelLoad = nil
	}
	if !r.loading {
		r.loading = true
		r.e.background(r.loadPages)
	}
}

// loadPages fetches the queued pages one at a time, latest request first:
// when the clerk drags the scroll bar across a million rows, the pages
// flown over are never read. After each page the list is refreshed and the
// rows still on screen ask again for what they lack.
func (r *registerScreen) loadPages() {
	for {
		r.mu.Lock()
		if len(r.pending) == 0 {
			r.loading = false
			r.mu.Unlock()
			return
		}
		best, bestSeq := -1, -1
		for p, s := range r.pending {
			if s > bestSeq {
				best, bestSeq = p, s
			}
		}
		delete(r.pending, best)
		gen, filter := r.gen, r.filter
		ctx, cancel := context.WithCancel(r.e.ctx)
		r.loadingPage, r.cancelLoad = best, cancel
		r.mu.Unlock()

		filter.Limit, filter.Offset = pageSize, best*pageSize
		rows, err := r.e.off.Page(ctx, filter)

		r.mu.Lock()
		cancelled := ctx.Err() != nil
		cancel()
		r.loadingPage, r.cancelLoad = -1, nil
		if cancelled {
			r.mu.Unlock()
			continue // scrolled away; the rows on screen have asked for their own pages
		}
		stale := gen != r.gen
		if !stale {
			if err != nil {
				rows = nil // shown as an empty page; the error goes to the count line
			}
			r.pages[best] = rows
			r.evict(best)
			r.loadErr = err
			clear(r.pending)
		}
		r.mu.Unlock()
		if !stale {
			r.e.do(func() {
				if err != nil {
					r.count.SetText("Không đọc được sổ theo dõi: " + err.Error())
				}
				r.list.Refresh()
				r.showPending()
				r.restoreSelection()
			})
		}
	}
}

// evict keeps at most maxPages pages, dropping those farthest from near.
func (r *registerScreen) evict(near int) {
	for len(r.pages) > maxPages {
		far, dist := -1, -1
		for p := range r.pages {
			d := p - near
			if d < 0 {
				d = -d
			}
			if d > dist {
				far, dist = p, d
			}
		}
		delete(r.pages, far)
	}
}

// currentFilter is the selector's choice as an office filter.
func (r *registerScreen) currentFilter() office.Filter {
	i := r.state.SelectedIndex()
	if i < 0 || i >= len(stateFilters) {
		return office.Filter{}
	}
	if stateFilters[i].overdue {
		return r.e.off.OverdueFilter()
	}
	return office.Filter{States: stateFilters[i].states}
}

// reload reads the register again under the current search and filter:
// after a change, a new filter, a new search.
func (r *registerScreen) reload() {
	filter := r.currentFilter()
	r.quiet = true
	r.list.UnselectAll()
	r.quiet = false
	r.listSelected, r.awaiting = -1, false
	r.mu.Lock()
	r.gen++
	gen := r.gen
	r.filter = filter
	r.pages = map[int][]register.Dossier{}
	clear(r.pending)
	if r.cancelLoad != nil {
		r.cancelLoad() // a page of the old filter
		r.cancelLoad = nil
	}
	r.mu.Unlock()
	query := r.query
	current := func() bool {
		r.mu.Lock()
		defer r.mu.Unlock()
		return gen == r.gen
	}
	if query != "" {
		// A newer search abandons the one still running: results come
		// after the last key, not after every key typed before it.
		ctx, cancel := context.WithCancel(r.e.ctx)
		if r.cancelSearch != nil {
			r.cancelSearch()
		}
		r.cancelSearch = cancel
		r.e.background(func() {
			f := filter
			f.Limit = r.searchLimit
			found, err := r.e.off.SearchFiltered(ctx, query, f)
			r.e.do(func() {
				if !current() || ctx.Err() != nil {
					return
				}
				if err != nil {
					r.count.SetText("Không tìm được: " + err.Error())
					return
				}
				r.results = found
				r.searching = true
				switch {
				case len(found) == 0:
					r.count.SetText("Không tìm thấy hồ sơ nào khớp với “" + query + "”.")
				case len(found) >= r.searchLimit:
					r.count.SetText("Hiện " + fmtCount(len(found)) + " hồ sơ mới nhất khớp với “" + query + "”; đang đếm…")
					r.countSearch(ctx, query, filter, len(found), current)
				default:
					r.count.SetText("Tìm thấy " + fmtCount(len(found)) + " hồ sơ khớp với “" + query + "”.")
				}
				r.list.Refresh()
				r.restoreSelection()
				r.dropDetailIfGone()
			})
		})
		return
	}
	r.e.background(func() {
		n, err := r.e.off.Count(r.e.ctx, filter)
		r.e.do(func() {
			if !current() {
				return
			}
			if err != nil {
				r.count.SetText("Không đọc được sổ theo dõi: " + err.Error())
				return
			}
			r.searching, r.results, r.total = false, nil, n
			r.count.SetText(fmtCount(n) + " hồ sơ, mới nhất ở trên cùng.")
			r.list.Refresh()
			r.landJump(n)
			r.restoreSelection()
			r.dropDetailIfGone()
		})
	})
}

// countSearch counts every match of a search whose first rows are shown,
// after them: the rows come first, the total when it is known.
func (r *registerScreen) countSearch(ctx context.Context, query string, filter office.Filter, shown int, current func() bool) {
	r.e.background(func() {
		n, err := r.e.off.SearchCount(ctx, query, filter)
		r.e.do(func() {
			if err != nil || !current() || ctx.Err() != nil {
				return
			}
			r.count.SetText("Tìm thấy " + fmtCount(n) + " hồ sơ khớp với “" + query + "”; hiện " + fmtCount(shown) + " hồ sơ mới nhất, gõ thêm để thu hẹp.")
		})
	})
}

// scheduleSearch waits for the clerk to pause typing before searching.
func (r *registerScreen) scheduleSearch() {
	r.stopTimer()
	// The pending search counts as background work until it has run or
	// been cancelled, so env.wait covers it.
	r.e.tasks.Add(1)
	r.timer = time.AfterFunc(r.debounce, func() {
		defer r.e.tasks.Done()
		r.e.do(r.applySearch)
	})
}

// stopTimer cancels a pending search.
func (r *registerScreen) stopTimer() {
	if r.timer != nil && r.timer.Stop() {
		r.e.tasks.Done() // it will not run
	}
	r.timer = nil
}

// applySearch searches for what the box holds now.
func (r *registerScreen) applySearch() {
	r.stopTimer()
	q := strings.TrimSpace(r.search.Text)
	if q == r.query {
		return
	}
	r.query = q
	r.list.ScrollToTop()
	r.reload()
}

// pageKey moves the selection a screenful with Page Up/Down and to the
// first or last row with Home/End, as in a spreadsheet.
func (r *registerScreen) pageKey(k *fyne.KeyEvent) bool {
	n := r.length()
	if n == 0 {
		return false
	}
	cur := r.listSelected
	if cur < 0 {
		cur = 0
	}
	page := 10
	if h := rowHeight() + theme.Padding(); h > 0 && r.list.Size().Height > 2*h {
		page = int(r.list.Size().Height/h) - 1
	}
	to := cur
	switch k.Name {
	case fyne.KeyPageDown:
		to = min(cur+page, n-1)
	case fyne.KeyPageUp:
		to = max(cur-page, 0)
	case fyne.KeyHome:
		to = 0
	case fyne.KeyEnd:
		to = n - 1
	default:
		return false
	}
	r.list.ScrollTo(to)
	r.list.Select(to)
	return true
}

// rowHeight is the height of a line of the table: a line of text and a
// label's padding, measured without building a row (a row made only to be
// measured stayed in Fyne's renderer cache for a minute, on every Page Up
// or Down).
func rowHeight() float32 {
	return fyne.MeasureText("Ág", theme.TextSize(), fyne.TextStyle{Bold: true}).Height + 2*theme.InnerPadding()
}

func (r *registerScreen) selectRow(id widget.ListItemID) {
	d := r.row(id)
	old := r.listSelected
	if d == nil {
		// Its page is being read (Page Down past a page's end, End): the
		// line is marked now, so the next key goes on from it, the pane is
		// emptied (it never shows another dossier than the marked line)
		// and showPending fills it when the page comes.
		r.selected, r.selectedIdx, r.listSelected = "", id, id
		r.awaiting = !r.quiet
		if old >= 0 && old != id {
			r.list.RefreshItem(old)
		}
		if !r.quiet {
			r.detail.clear()
		}
		return
	}
	r.selected, r.selectedIdx, r.listSelected = d.Code, id, id
	r.awaiting = false
	if old >= 0 && old != id {
		r.list.RefreshItem(old)
	}
	r.list.RefreshItem(id)
	if !r.quiet {
		r.detail.show(*d)
	}
}

// showPending shows the dossier of the line marked while its page was
// being read, once it is there.
func (r *registerScreen) showPending() {
	if !r.awaiting || r.searching || r.listSelected < 0 {
		return
	}
	d := r.row(r.listSelected)
	if d == nil {
		return
	}
	r.awaiting = false
	r.selected = d.Code
	r.detail.show(*d)
}

// restoreSelection marks again the line of the dossier in the detail pane
// after a reload, wherever it moved among the rows already read (a new
// dossier on top pushes it one line down).
func (r *registerScreen) restoreSelection() {
	if r.selected == "" {
		return
	}
	at := -1
	if r.searching {
		for i := range r.results {
			if r.results[i].Code == r.selected {
				at = i
				break
			}
		}
	} else {
		r.mu.Lock()
		for p, rows := range r.pages {
			for j := range rows {
				if rows[j].Code == r.selected {
					at = p*pageSize + j
				}
			}
		}
		r.mu.Unlock()
	}
	if at < 0 || at == r.selectedIdx && r.listSelected == at {
		return
	}
	r.quiet = true
	r.list.Select(at)
	r.quiet = false
}

// shown is called each time the clerk opens the screen.
func (r *registerScreen) shown() {
	r.e.win.Canvas().Focus(r.search)
}

// dropDetailIfGone empties the detail pane when its dossier is not among
// the rows the table now holds (a new search, another filter): the pane
// and its buttons always belong to the marked row, or to none.
func (r *registerScreen) dropDetailIfGone() {
	d := r.detail.d
	if d == nil {
		return
	}
	keep := false
	if r.searching {
		for i := range r.results {
			if r.results[i].Code == d.Code {
				keep = true
				break
			}
		}
	} else {
		// The whole register under a state filter: the dossier is in it
		// when its state is, wherever its page is.
		keep = office.Matches(d, r.currentFilter())
	}
	if !keep {
		r.clearSelection()
	}
}

// clearSelection unmarks the line and empties the detail pane.
func (r *registerScreen) clearSelection() {
	r.quiet = true
	r.list.UnselectAll()
	r.quiet = false
	old := r.listSelected
	r.selected, r.selectedIdx, r.listSelected, r.awaiting = "", -1, -1, false
	if old >= 0 {
		r.list.RefreshItem(old)
	}
	r.detail.clear()
}

// open shows d (from the dashboard's pressing list) as the one row of the
// table, selected, with its detail: the table never keeps the results of
// an older search beside it.
func (r *registerScreen) open(d register.Dossier) {
	onChanged := r.search.OnChanged
	r.search.OnChanged = nil
	r.search.SetText(d.Code)
	r.search.OnChanged = onChanged
	r.stopTimer()
	r.query = d.Code
	r.state.OnChanged = nil
	r.state.SetSelectedIndex(0)
	r.state.OnChanged = func(string) { r.reload() }
	old := r.listSelected
	r.selected, r.selectedIdx, r.listSelected = d.Code, -1, -1
	if old >= 0 {
		r.list.RefreshItem(old)
	}
	r.detail.show(d)
	r.list.ScrollToTop()
	r.reload()
}

// searchPause is how long the register waits after the last key before it
// searches: long enough that a word typed at a normal pace (or an IME's
// burst of corrections) runs one query, short enough that the results are on
// screen within 150 ms of the last key on a 1,000,000-dossier register
// (the query itself takes 2–40 ms there; see make bench).
const searchPause = 90 * time.Millisecond
