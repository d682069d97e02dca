package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// listDetail is the shape the people screens share (feedback, dialogues,
// letters sent): the rows on the left, the selected row's actions and
// detail on the right. A screen says how a row reads, how its detail
// reads, and what enables its actions; listDetail keeps the list, the
// selection and the detail in step, so the detail never shows a row the
// list no longer has.
type listDetail[T any] struct {
	list     *keyList
	detail   *widget.Label
	rows     []T
	selected int
	split    *container.Split

	empty    string         // the detail while no row is selected
	row      func(T) string // a row of the list
	describe func(T) string // the selected row's detail
	update   func()         // enables the actions for the selection
}

// newListDetail builds the list and the detail pane, the list taking
// offset of the width; the actions stand above the detail.
func newListDetail[T any](empty string, offset float64, row, describe func(T) string, update func(), actions ...fyne.CanvasObject) *listDetail[T] {
	l := &listDetail[T]{selected: -1, empty: empty, row: row, describe: describe, update: update}
	l.list = newKeyList(func() int { return len(l.rows) },
		func() fyne.CanvasObject { return truncLabel() },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(l.rowText(i)) })
	l.list.OnSelected = func(i widget.ListItemID) { l.selected = i; l.showDetail() }
	l.detail = widget.NewLabel(empty)
	l.detail.Wrapping = fyne.TextWrapWord
	right := container.NewBorder(container.NewHBox(actions...), nil, nil, nil, container.NewVScroll(l.detail))
	l.split = container.NewHSplit(l.list, right)
	l.split.Offset = offset
	return l
}

// load reads the rows off the UI thread with fetch, then, on it, hands
// them to show (the totals above the list) and lists them; a failed read
// goes to fail, the list left as it was.
func (l *listDetail[T]) load(e *env, fetch func() ([]T, error), fail func(error), show func([]T)) {
	e.background(func() {
		rows, err := fetch()
		e.do(func() {
			if err != nil {
				fail(err)
				return
			}
			show(rows)
			l.setRows(rows)
		})
	})
}

// rowText is row i of the list as it reads, "" past the end.
func (l *listDetail[T]) rowText(i int) string {
	if i < 0 || i >= len(l.rows) {
		return ""
	}
	return l.row(l.rows[i])
}

// current is the selected row.
func (l *listDetail[T]) current() (T, bool) {
	if l.selected < 0 || l.selected >= len(l.rows) {
		var zero T
		return zero, false
	}
	return l.rows[l.selected], true
}

// setRows shows new rows, keeping the selection while its row is still
// there.
func (l *listDetail[T]) setRows(rows []T) {
	l.rows = rows
	l.list.Refresh()
	if l.selected >= len(l.rows) {
		l.selected = -1
	}
	l.showDetail()
}

// showDetail updates the actions, then the detail, for the selection.
func (l *listDetail[T]) showDetail() {
	l.update()
	v, ok := l.current()
	if !ok {
		l.detail.SetText(l.empty)
		return
	}
	l.detail.SetText(l.describe(v))
}

// summaryLabel is the bold, wrapped line of totals above a list.
func summaryLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.TextStyle.Bold = true
	return l
}

// vietnameseNames are the choices of a select, in the order given.
func vietnameseNames[T interface{ Vietnamese() string }](xs []T) []string {
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		out = append(out, x.Vietnamese())
	}
	return out
}
