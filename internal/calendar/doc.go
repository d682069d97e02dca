// Package calendar owns working days, public holidays, the Vietnamese lunar
// calendar and due-date arithmetic for a commune one-stop office. It is pure:
// no UI, no SQL, no files, no package-level mutable state; a *Calendar is
// immutable after New and safe for concurrent use.
//
// # What it promises
//
// Every date question is asked of a date in Vietnam time (Zone, UTC+7, no
// daylight saving): a time.Time in any zone is first converted, so 2026-02-13
// 03:00 UTC and 2026-02-13 10:00 ICT are the same moment and the same answer.
// Every time.Time returned is in Zone, at midnight for dates and to the minute
// for due times. A wrong due date harms a citizen, so the rules below are
// tested day by day for 2021–2030 and against the announced breaks of 2017–2026.
//
// # Lunar calendar
//
// SolarToLunar and LunarToSolar implement Hồ Ngọc Đức's published algorithm
// (new moons and the sun's longitude after Meeus, month 11 holds the winter
// solstice, the leap month is the first month without a major solar term) at
// UTC+7, the meridian 105°E. This is the Vietnamese calendar, not the Chinese
// one (UTC+8): they differ when a new moon or a solar term falls between 23:00
// and midnight Vietnam time, e.g. Tết 1985 (VN 21/01, CN 20/02), 2007 (VN 17/02, CN 18/02)
// and 2030 (VN 02/02, CN 03/02).
//
// # Working days
//
// A working day is Monday to Friday, minus public holidays and days off, plus
// make-up working days. The public holidays (Bộ luật Lao động 2019 Điều 112)
// are derived by rule for every year:
//
//   - 1/1 Tết Dương lịch; 30/4 Ngày Chiến thắng; 1/5 Ngày Quốc tế Lao động;
//     2/9 Quốc khánh; Giỗ Tổ Hùng Vương on 10/3 lunar (since 2007); 24/11 Ngày
//     Văn hóa Việt Nam (from 2026, outside Article 112(1): see below).
//   - Tết Nguyên đán, 5 days (4 before 2013): by default the two days before
//     mùng 1 (28 and 29, or 29 and 30, tháng Chạp) through mùng 3. This one
//     rule reproduces the state-sector Tết breaks of 2017–2026 (tested): a weekday
//     that falls in it is off, and each Saturday or Sunday in it gives a
//     compensatory day, so mùng 1 on a Tuesday (2019, 2022, 2026) gives
//     Saturday to the next Sunday (nine days), on a Saturday (2020, 2024)
//     Thursday to Wednesday, on a Wednesday (2025) the week Monday–Friday.
//   - The Quốc khánh adjacent day (since 2021), by default: a weekday next to
//     2/9, the one joining the weekend when both are weekdays; when 2/9 is a
//     Wednesday, neither does and 1/9 is taken. So 2/9 on Monday → 3/9
//     (2024), Tuesday → 1/9 (2025), Wednesday → 1/9 (2026, as 9441/TB-BNV has it),
//     Thursday → 3/9 (2021), Friday → 1/9 (2022), Saturday → 1/9 (2023, with
//     Monday 4/9 as nghỉ bù), Sunday → 3/9 (and Tuesday 4/9 as nghỉ bù).
//   - Nghỉ bù (Điều 111(3)): a holiday of Article 112(1) on a Saturday or
//     Sunday gives the next weekday that is not already off; holidays are
//     taken in date order, so two stacked on a weekend give the next two
//     weekdays (30/4/2028 Sunday → Tuesday 2/5, since Monday is 1/5). Two
//     holidays on the same date would likewise give a nghỉ bù for the second
//     (Giỗ Tổ never meets 30/4 or 1/5 in 1990–2100).
//   - 24/11 Ngày Văn hóa Việt Nam (Nghị quyết 28/2026/QH16, Điều 2: "người
//     lao động được nghỉ làm việc và hưởng nguyên lương") gives NO nghỉ bù
//     when it falls on a Saturday or Sunday (24/11/2029 Saturday, 24/11/2030
//     Sunday). Our reading: the make-up rule of Điều 111(3) speaks of "ngày
//     nghỉ lễ, tết quy định tại khoản 1 Điều 112", and 24/11 is set by a
//     resolution outside that list, so the rule does not reach it. An
//     independent holiday dataset reads it the same way; both are secondary
//     readings [S] until a notice of Bộ Nội vụ says otherwise, and a notice
//     for such a year (a schedule with the day off) overrides it.
//
// # Provisional days (dự kiến)
//
// Which five days make the Tết break and which day is the Quốc khánh
// adjacent day are the Prime Minister's picks (Điều 112(3)), announced year
// by year. For a year from 2021 on whose announced schedule does not give
// them (2027 on, as shipped), the days the rules above pick, and the nghỉ bù
// they give (including 2/9's, which moves with the adjacent pick), are marked
// Provisional: a guess of the program, shown as "dự kiến", never as the law.
// AwaitingNotice tells which years still wait for a notice, ProvisionalDays
// lists the days, and CrossesProvisional tells whether a due date rests on
// one, so the clerk can warn the citizen that it may move. Years before 2021
// are not marked: no schedule is shipped for them and the rules were checked
// against their announced breaks (TestDefaultRulesAgainstHistory).
//
// Saturdays and Sundays are off in every year: the six-day week before
// October 1999 and the rules before the 1994 Labour Code are not modelled.
//
// # Announced schedules
//
// Each year the state sector's calendar is announced (Bộ Nội vụ, Thủ tướng):
// which days make up the Tết break, the Quốc khánh adjacent day, weekdays
// swapped for make-up Saturdays. A Schedule for a year overrides the rules
// for that year, this way:
//
//   - If any of its Off days lies within 10 days of mùng 1, the schedule
//     gives that year's Tết break and the default Tết days (and their
//     compensatory days) are not made. Likewise, an Off day within two days
//     of 2/9 (other than 2/9) replaces the default Quốc khánh adjacent day.
//   - The fixed-date holidays and Giỗ Tổ stay, with their compensatory days.
//   - Then every Off day is off and, last, every Work day is worked, whatever
//     the rules said.
//
// So a schedule that lists every announced day off (weekends in a break may be
// listed or not) and every make-up day gives exactly the announced calendar.
// The shipped schedules for 2021–2026 are data (assets/calendar) with their
// source (the notice numbers: 4875/TB-LĐTBXH, 119/TB-LĐTBXH, 5034/TB-LĐTBXH,
// 5015 and 1570/TB-LĐTBXH, 6150/TB-BLĐTBXH, 9441/TB-BNV…) and confidence
// ("medium": read in secondary sources, not in the notices' originals; see
// docs/legal-sources.md), corrected by an administrator. YearFingerprint
// digests a year's working days, so a register notices when a corrected
// schedule (or rule) would change due dates it already gave.
//
// # Counting (Bộ luật Dân sự 2015 Điều 147–148)
//
// The day of receipt is never counted. A limit of n working days is due on the
// nth working day after the day of receipt, at Hours.ReturnAt (16:00 by
// default); so a deadline never lands on a day off. A limit of n days (the
// text says "ngày", not "ngày làm việc": CalendarDays) is due on the nth day
// after the day of receipt, or the next working day when that one is off
// (Điều 148). A same-day limit is due
// the day of receipt at ReturnAt when that is a working day and the dossier
// came in at or before the cut-off, compared to the minute (15:00 and 15:00:59
// are in time, 15:01 is not); otherwise the next working day at ReturnAt. A
// limit of n working hours counts office time only (Open–LunchStart and
// LunchEnd–Close of working days) from the receipt minute, starting at the
// next office period when received outside one. A dossier received on a day
// off (a Saturday counter) counts from the next working day in every case.
//
// New tabulates 1990–2100 (a working-day prefix count and the list of working
// days), so Due, IsWorkingDay, AddWorkingDays and WorkingDaysBetween take
// constant time there; other years are computed on the fly by the same rules.
package calendar
