package assets

import _ "embed"

// CalendarSchedules is the JSON array of announced yearly holiday schedules
// (lịch nghỉ lễ, Tết of the state sector: extra days off, swapped days,
// make-up Saturdays) for 2021–2026, each with its source and confidence
// (REFERENCE §5). Read with calendar.ParseSchedules; an administrator corrects
// the office's own copy.
//
//go:embed calendar/schedules.json
var CalendarSchedules []byte
