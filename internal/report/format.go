package report

import (
	"strconv"
	"strings"
)

// Percent prints a share as Vietnamese readers write it: "95,2%"; "—" when
// there is nothing to divide.
func Percent(share float64, ok bool) string {
	if !ok {
		return "—"
	}
	return Decimal(share*100, 1) + "%"
}

// Decimal prints x with prec decimals and a decimal comma.
func Decimal(x float64, prec int) string {
	return strings.Replace(strconv.FormatFloat(x, 'f', prec, 64), ".", ",", 1)
}
