package calendar

import (
	"fmt"
	"math"
	"time"
)

// Zone is Vietnam time (UTC+7, no daylight saving). Every computation in this
// package converts its inputs to it, whatever the zone of the PC or of the
// time.Time passed in; every time.Time it returns is in Zone.
var Zone = time.FixedZone("ICT", 7*3600)

const (
	zoneOffset = 7 * 3600 // seconds east of UTC, the offset of Zone
	secPerDay  = 86400
	jdUnix     = 2440588 // Julian Day Number of 1970-01-01
	tz         = 7.0     // hours east of UTC of the 105°E meridian used by the Vietnamese calendar
)

// Lunar is a date of the Vietnamese lunar calendar (âm lịch). Year is the
// solar year in which that lunar year begins (mùng 1 Tết Bính Ngọ falls on
// 2026-02-17, so Bính Ngọ is Year 2026). Leap is set on the days of a leap
// month (tháng nhuận), which repeats the number of the month before it.
type Lunar struct {
	Day, Month, Year int
	Leap             bool
}

// String gives the date as written on Vietnamese calendars, e.g.
// "01/01/2026 âm lịch", or "15/06/2025 âm lịch (nhuận)" in a leap month.
func (l Lunar) String() string {
	s := fmt.Sprintf("%02d/%02d/%d âm lịch", l.Day, l.Month, l.Year)
	if l.Leap {
		s += " (nhuận)"
	}
	return s
}

var (
	stems    = [10]string{"Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"}
	branches = [12]string{"Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"}
)

// YearName gives the sexagenary (Can Chi) name of the lunar year, e.g. "Bính Ngọ"
// for 2026 and "Ất Tỵ" for 2025.
func (l Lunar) YearName() string {
	return stems[mod(l.Year+6, 10)] + " " + branches[mod(l.Year+8, 12)]
}

// SolarToLunar gives the Vietnamese lunar date of t's date in Zone.
func SolarToLunar(t time.Time) Lunar {
	return lunarOfJD(int(dayNumber(t)) + jdUnix)
}

// LunarToSolar gives midnight (in Zone) of the solar day of a lunar date. It
// fails, with a Vietnamese message, when the date does not exist: a month
// outside 1–12, a day outside the month (29 or 30 days), or a leap flag on a
// month that is not the leap month of that year.
func LunarToSolar(l Lunar) (time.Time, error) {
	jd, err := jdOfLunar(l)
	if err != nil {
		return time.Time{}, err
	}
	return midnight(int64(jd - jdUnix)), nil
}

// Date gives midnight in Zone of a solar date; a convenience for callers and tests.
func Date(year int, month time.Month, day int) time.Time {
	return time.Date(year, month, day, 0, 0, 0, 0, Zone)
}

// dayNumber is the number of days from 1970-01-01 to t's date in Zone.
func dayNumber(t time.Time) int64 {
	return floorDiv(t.Unix()+zoneOffset, secPerDay)
}

// midnight is the start in Zone of day number dn.
func midnight(dn int64) time.Time {
	return time.Unix(dn*secPerDay-zoneOffset, 0).In(Zone)
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func mod(a, b int) int {
	r := a % b
	if r < 0 {
		r += b
	}
	return r
}

// The rest of this file is Hồ Ngọc Đức's published algorithm ("Thuật toán
// tính âm lịch"), transcribed with the same constants: mean new moons
// corrected by periodic terms (Jean Meeus, Astronomical Algorithms), the sun's
// longitude at local midnight, month 11 as the month containing the winter
// solstice, and the leap month as the first month of a 13-month year without a
// major solar term. Local time is UTC+7.

// jdFromDate is the Julian Day Number of a proleptic Gregorian date. The
// original switches to the Julian calendar before 1582-10-15; Go's time
// package does not, and neither does this, so that day numbers agree.
func jdFromDate(dd, mm, yy int) int {
	a := (14 - mm) / 12
	y := yy + 4800 - a
	m := mm + 12*a - 3
	return dd + (153*m+2)/5 + 365*y + floorDivInt(y, 4) - floorDivInt(y, 100) + floorDivInt(y, 400) - 32045
}

func floorDivInt(a, b int) int { return int(floorDiv(int64(a), int64(b))) }

// newMoon is the Julian date (UT, fractional) of the kth new moon after 1900-01-01 13:52 UT.
func newMoon(k int) float64 {
	kf := float64(k)
	T := kf / 1236.85
	T2 := T * T
	T3 := T2 * T
	const dr = math.Pi / 180
	jd1 := 2415020.75933 + 29.53058868*kf + 0.0001178*T2 - 0.000000155*T3
	jd1 += 0.00033 * math.Sin((166.56+132.87*T-0.009173*T2)*dr)
	M := 359.2242 + 29.10535608*kf - 0.0000333*T2 - 0.00000347*T3
	Mpr := 306.0253 + 385.81691806*kf + 0.0107306*T2 + 0.00001236*T3
	F := 21.2964 + 390.67050646*kf - 0.0016528*T2 - 0.00000239*T3
	C1 := (0.1734-0.000393*T)*math.Sin(M*dr) + 0.0021*math.Sin(2*dr*M)
	C1 = C1 - 0.4068*math.Sin(Mpr*dr) + 0.0161*math.Sin(dr*2*Mpr)
	C1 = C1 - 0.0004*math.Sin(dr*3*Mpr)
	C1 = C1 + 0.0104*math.Sin(dr*2*F) - 0.0051*math.Sin(dr*(M+Mpr))
	C1 = C1 - 0.0074*math.Sin(dr*(M-Mpr)) + 0.0004*math.Sin(dr*(2*F+M))
	C1 = C1 - 0.0004*math.Sin(dr*(2*F-M)) - 0.0006*math.Sin(dr*(2*F+Mpr))
	C1 = C1 + 0.0010*math.Sin(dr*(2*F-Mpr)) + 0.0005*math.Sin(dr*(2*Mpr+M))
	var deltaT float64
	if T < -11 {
		deltaT = 0.001 + 0.000839*T + 0.0002261*T2 - 0.00000845*T3 - 0.000000081*T*T3
	} else {
		deltaT = -0.000278 + 0.000265*T + 0.000262*T2
	}
	return jd1 + C1 - deltaT
}

// sunLongitude is the sun's apparent longitude in radians, in [0, 2π), at Julian date jdn (UT).
func sunLongitude(jdn float64) float64 {
	T := (jdn - 2451545.0) / 36525
	T2 := T * T
	const dr = math.Pi / 180
	M := 357.52910 + 35999.05030*T - 0.0001559*T2 - 0.00000048*T*T2
	L0 := 280.46645 + 36000.76983*T + 0.0003032*T2
	DL := (1.914600 - 0.004817*T - 0.000014*T2) * math.Sin(dr*M)
	DL += (0.019993-0.000101*T)*math.Sin(dr*2*M) + 0.000290*math.Sin(dr*3*M)
	L := (L0 + DL) * dr
	L -= math.Pi * 2 * math.Floor(L/(math.Pi*2))
	return L
}

// newMoonDay is the Julian Day Number of the local day of the kth new moon.
func newMoonDay(k int) int {
	return int(math.Floor(newMoon(k) + 0.5 + tz/24))
}

// sunSector is the sun's longitude at the start of local day jdn, as one of the
// twelve 30° sectors (0 = the vernal equinox sector).
func sunSector(jdn int) int {
	return int(math.Floor(sunLongitude(float64(jdn)-0.5-tz/24) / math.Pi * 6))
}

// lunarMonth11 is the Julian Day Number of the first day of lunar month 11
// (the month holding the winter solstice) that begins in or before solar year yy's December.
func lunarMonth11(yy int) int {
	off := float64(jdFromDate(31, 12, yy) - 2415021)
	k := int(math.Floor(off / 29.530588853))
	nm := newMoonDay(k)
	if sunSector(nm) >= 9 {
		nm = newMoonDay(k - 1)
	}
	return nm
}

// leapMonthOffset is the index, counted from month 11 starting at a11, of the
// leap month of a 13-month lunar year.
func leapMonthOffset(a11 int) int {
	k := int(math.Floor((float64(a11)-2415021.076998695)/29.530588853 + 0.5))
	i := 1
	arc := sunSector(newMoonDay(k + i))
	for {
		last := arc
		i++
		arc = sunSector(newMoonDay(k + i))
		if arc == last || i >= 14 {
			break
		}
	}
	return i - 1
}

// lunarOfJD converts a Julian Day Number to a lunar date.
func lunarOfJD(jd int) Lunar {
	k := int(math.Floor((float64(jd) - 2415021.076998695) / 29.530588853))
	// The month holding jd starts at the last new moon day not after jd. The
	// original tries k+1 then k; when a true new moon falls just after local
	// midnight following the mean one (2054-05-08 00:03) it needs k-1 too.
	monthStart := newMoonDay(k + 1)
	for monthStart > jd {
		k--
		monthStart = newMoonDay(k + 1)
	}
	yy := solarYearOfJD(jd)
	a11 := lunarMonth11(yy)
	b11 := a11
	var year int
	if a11 >= monthStart {
		year = yy
		a11 = lunarMonth11(yy - 1)
	} else {
		year = yy + 1
		b11 = lunarMonth11(yy + 1)
	}
	day := jd - monthStart + 1
	diff := (monthStart - a11) / 29
	leap := false
	month := diff + 11
	if b11-a11 > 365 {
		leapDiff := leapMonthOffset(a11)
		if diff >= leapDiff {
			month = diff + 10
			if diff == leapDiff {
				leap = true
			}
		}
	}
	if month > 12 {
		month -= 12
	}
	if month >= 11 && diff < 4 {
		year--
	}
	return Lunar{Day: day, Month: month, Year: year, Leap: leap}
}

// jdOfLunar converts a lunar date to a Julian Day Number, checking that it exists.
func jdOfLunar(l Lunar) (int, error) {
	if l.Month < 1 || l.Month > 12 {
		return 0, fmt.Errorf("tháng âm lịch %d không hợp lệ: tháng phải từ 1 đến 12", l.Month)
	}
	if l.Day < 1 || l.Day > 30 {
		return 0, fmt.Errorf("ngày âm lịch %d không hợp lệ: ngày phải từ 1 đến 30", l.Day)
	}
	start, next, err := lunarMonthBounds(l.Month, l.Year, l.Leap)
	if err != nil {
		return 0, err
	}
	if l.Day > next-start {
		return 0, fmt.Errorf("tháng %d năm %d âm lịch chỉ có %d ngày, không có ngày %d", l.Month, l.Year, next-start, l.Day)
	}
	return start + l.Day - 1, nil
}

// lunarMonthBounds gives the Julian Day Numbers of the first day of a lunar
// month and of the month after it.
func lunarMonthBounds(month, year int, leap bool) (start, next int, err error) {
	var a11, b11 int
	if month < 11 {
		a11 = lunarMonth11(year - 1)
		b11 = lunarMonth11(year)
	} else {
		a11 = lunarMonth11(year)
		b11 = lunarMonth11(year + 1)
	}
	k := int(math.Floor(0.5 + (float64(a11)-2415021.076998695)/29.530588853))
	off := month - 11
	if off < 0 {
		off += 12
	}
	if b11-a11 > 365 {
		leapOff := leapMonthOffset(a11)
		leapMonth := leapOff - 2
		if leapMonth < 0 {
			leapMonth += 12
		}
		if leap && month != leapMonth {
			return 0, 0, fmt.Errorf("năm %d âm lịch không có tháng %d nhuận (tháng nhuận là tháng %d)", year, month, leapMonth)
		}
		if leap || off >= leapOff {
			off++
		}
	} else if leap {
		return 0, 0, fmt.Errorf("năm %d âm lịch không có tháng nhuận", year)
	}
	return newMoonDay(k + off), newMoonDay(k + off + 1), nil
}

// solarYearOfJD is the Gregorian year of a Julian Day Number.
func solarYearOfJD(jd int) int {
	return time.Unix(int64(jd-jdUnix)*secPerDay, 0).UTC().Year()
}
