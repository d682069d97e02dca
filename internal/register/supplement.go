package register

import (
	"regexp"
	"strings"
	"time"

	"motcua/internal/textvn"
)

// SupplementRequest is a dossier's request for a supplement (phiếu yêu cầu
// bổ sung, hoàn thiện hồ sơ) as its paper prints it.
type SupplementRequest struct {
	At     time.Time
	Items  []string // what to add or complete, in order
	Reason string   // why; empty for requests recorded before the reason was asked for
	Late   bool     // made more than SupplementWithin working days after receipt
}

// Supplement returns the dossier's supplement request, if it has one.
//
// The items are kept in SupplementReason (one per line), as they always
// were; the event's note holds the reason and, on its own line, the mark of
// a late request. Requests recorded before the reason was asked for have the
// items in the note too: they have no separate reason.
func (d *Dossier) Supplement() (SupplementRequest, bool) {
	if d.SupplementAt == nil {
		return SupplementRequest{}, false
	}
	r := SupplementRequest{At: *d.SupplementAt, Items: SplitItems(d.SupplementReason)}
	for _, e := range d.Events {
		if e.Kind != EvSupplement {
			continue
		}
		r.At = e.At
		if e.Note == d.SupplementReason {
			break
		}
		var reason []string
		for _, line := range strings.Split(e.Note, "\n") {
			if strings.HasPrefix(line, supplementLateMark) {
				r.Late = true
				continue
			}
			reason = append(reason, line)
		}
		r.Reason = textvn.Clean(strings.Join(reason, " "))
	}
	return r, true
}

// itemLead is the numbering or bullet a clerk types before an item: "1.",
// "2)", "a)", "-", "•", "+".
var itemLead = regexp.MustCompile(`^(\d{1,2}[.)]|[a-zđ][.)]|[-–•+*])\s*`)

// SplitItems reads a supplement list typed as "a; b; c" or one item per
// line into its items, without the numbering the clerk may have typed (the
// paper numbers them itself, so "1. …" would print "1. 1. …").
func SplitItems(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '\n' }) {
		p := textvn.Clean(part)
		for {
			q := strings.TrimSpace(itemLead.ReplaceAllString(p, ""))
			if q == p {
				break
			}
			p = q
		}
		if p = strings.TrimRight(p, " ;."); p != "" {
			out = append(out, p)
		}
	}
	return out
}
