package letters

import (
	"fmt"
	"strings"

	"motcua/internal/textvn"
)

// Delivery is how an issued letter reached the citizen (đã gửi).
type Delivery string

// Ways a letter is sent.
const (
	ByHand    Delivery = "hand"    // tận tay: a staff member or the village head brings it
	ByPost    Delivery = "post"    // qua bưu điện
	AtCounter Delivery = "counter" // tại quầy, with the result
)

var deliveryNames = []struct {
	d    Delivery
	name string
}{{ByHand, "Tận tay"}, {ByPost, "Qua bưu điện"}, {AtCounter, "Tại quầy"}}

// Deliveries lists the ways in the order forms show them.
func Deliveries() []Delivery {
	out := make([]Delivery, len(deliveryNames))
	for i, d := range deliveryNames {
		out[i] = d.d
	}
	return out
}

// Vietnamese is the way as listed: "Qua bưu điện".
func (d Delivery) Vietnamese() string {
	for _, dn := range deliveryNames {
		if dn.d == d {
			return dn.name
		}
	}
	return string(d)
}

// ParseDelivery accepts "hand", "post", "counter" or the Vietnamese words with or without
// accents ("tận tay", "buu dien", "tại quầy").
func ParseDelivery(s string) (Delivery, error) {
	f := textvn.Fold(s)
	for _, dn := range deliveryNames {
		if string(dn.d) == strings.TrimSpace(s) || textvn.Fold(dn.name) == f || strings.TrimPrefix(textvn.Fold(dn.name), "qua ") == f {
			return dn.d, nil
		}
	}
	return "", fmt.Errorf("không có cách gửi %q: dùng hand (tận tay), post (qua bưu điện) hoặc counter (tại quầy)", s)
}

// Moment is a point in a dossier's life at which the window may propose a letter.
type Moment string

// Moments of a dossier that may propose a letter.
const (
	AtReceive Moment = "receive" // the dossier was just received
	AtReturn  Moment = "return"  // the result was just returned
	AtReopen  Moment = "reopen"  // the dossier was opened again (detail pane, resumed after a supplement)
)

// ProposesAt reports whether a letter of kind k, which the dossier's procedure proposes, is
// proposed at moment m: a condolence when the death is registered (the family comes once)
// or, if it was not proposed then, at return; congratulations at return. Reopening a dossier
// proposes nothing: a letter is proposed once per event, and the caller also checks that it
// was never proposed nor drafted before.
func ProposesAt(k Kind, m Moment) bool {
	switch m {
	case AtReceive:
		return k == Condolence
	case AtReturn:
		return k == Birth || k == Marriage || k == Condolence
	}
	return false
}
