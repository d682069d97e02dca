package office

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"time"

	"motcua/internal/people"
	"motcua/internal/store"
	"motcua/internal/survey"
	"motcua/internal/textvn"
)

// feedbackDaysKey is the setting of the working days allowed to answer
// feedback.
const feedbackDaysKey = "feedback.due_days"

// FeedbackDays is the working days allowed to answer feedback (default 10).
func (o *Office) FeedbackDays(ctx context.Context) (int, error) {
	v, ok, err := o.st.Setting(ctx, feedbackDaysKey)
	if err != nil || !ok {
		return survey.DefaultFeedbackDays, err
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, fmt.Errorf("cài đặt %s = %q không phải một số: hãy đặt lại số ngày làm việc trả lời phản ánh", feedbackDaysKey, v)
	}
	return n, nil
}

// SetFeedbackDays changes the working days allowed to answer feedback.
func (o *Office) SetFeedbackDays(ctx context.Context, n int) error {
	if err := o.can(ctx, people.ActSettings); err != nil {
		return err
	}
	if n < 1 || n > 90 {
		return fmt.Errorf("số ngày làm việc trả lời phản ánh %d không hợp lệ: nhập từ 1 đến 90", n)
	}
	before, _, err := o.st.Setting(ctx, feedbackDaysKey)
	if err != nil {
		return err
	}
	return o.st.Tx(ctx, func(tx *store.Tx) error {
		if err := tx.SetSetting(feedbackDaysKey, strconv.Itoa(n)); err != nil {
			return err
		}
		return tx.AppendAudit(store.Audit{At: o.Now(), Actor: o.actor, Action: "set_setting", Entity: "setting", EntityID: feedbackDaysKey, Before: before, After: strconv.Itoa(n)})
	})
}

// FeedbackInput is feedback as the clerk enters it.
type FeedbackInput struct {
	ReceivedAt  time.Time // zero: now
	Channel     survey.FeedbackChannel
	Sender      string // empty: anonymous
	Contact     string
	DossierCode string // the dossier it is about, if any
	Staff       string // the staff member it is about (id or name), if any
	Content     string
	Handler     string
	DueOn       time.Time // zero: the setting's working days after receipt
}

// AddFeedback records feedback with its number of the year and its due
// date. A due date typed on a day off is refused.
func (o *Office) AddFeedback(ctx context.Context, in FeedbackInput) (survey.Feedback, error) {
	if err := o.can(ctx, people.ActFeedback); err != nil {
		return survey.Feedback{}, err
	}
	if err := cleanAll("staff_name", &in.Sender, "contact", &in.Contact, "feedback_text", &in.Content, "staff_name", &in.Handler); err != nil {
		return survey.Feedback{}, err
	}
	received := o.at(in.ReceivedAt)
	if err := o.checkAt(received); err != nil {
		return survey.Feedback{}, err
	}
	if err := checkFeedbackInput(&in); err != nil {
		return survey.Feedback{}, err
	}
	now := o.Now()
	f := survey.Feedback{ID: newID(), Year: received.Year(), ReceivedAt: received, Channel: in.Channel, Sender: in.Sender,
		Contact: in.Contact, Content: in.Content, Handler: in.Handler, CreatedAt: now, UpdatedAt: now}
	if err := f.Check(); err != nil {
		return f, err
	}
	cal := o.Calendar()
	if in.DueOn.IsZero() {
		days, err := o.FeedbackDays(ctx)
		if err != nil {
			return f, err
		}
		f.DueOn = survey.FeedbackDue(cal, received, days)
	} else {
		if err := survey.CheckDue(cal, in.DueOn, received); err != nil {
			return f, err
		}
		f.DueOn = people.Day(in.DueOn)
	}
	if in.Staff != "" {
		s, err := o.FindStaff(ctx, in.Staff)
		if err != nil {
			return f, err
		}
		f.StaffID, f.StaffName = s.ID, s.Name
	}
	err := o.st.Tx(ctx, func(tx *store.Tx) error {
		if c := textvn.Clean(in.DossierCode); c != "" {
			d, err := tx.DossierByCode(c)
			if err != nil {
				return err
			}
			f.DossierID, f.DossierCode = d.ID, d.Code
		}
		var err error
		if f.No, err = tx.NextNumber("feedback:" + strconv.Itoa(f.Year)); err != nil {
			return err
		}
		if err := tx.SaveFeedback(f); err != nil {
			return err
		}
		return o.auditAdded(tx, now, "add_feedback", "feedback", f.ID, f)
	})
	if err != nil {
		return survey.Feedback{}, err
	}
	return f, nil
}

var feedbackRefRe = regexp.MustCompile(`^(?i:pa\s*)?0*(\d{1,5})(?:\s*/\s*(\d{4}))?$`)

// FindFeedback finds feedback by its number ("3", "03/2026", "PA 03/2026")
// or its id. A number without a year is of this year.
func (o *Office) FindFeedback(ctx context.Context, ref string) (survey.Feedback, error) {
	ref = textvn.Clean(ref)
	if m := feedbackRefRe.FindStringSubmatch(ref); m != nil {
		no, _ := strconv.Atoi(m[1])
		year := o.Now().Year()
		if m[2] != "" {
			year, _ = strconv.Atoi(m[2])
		}
		return o.st.FeedbackByNumber(ctx, year, no)
	}
	var f survey.Feedback
	err := o.st.Tx(ctx, func(tx *store.Tx) error {
		var err error
		f, err = tx.FeedbackByID(ref)
		return err
	})
	return f, err
}

// AnswerFeedback records the answer (zero at: now) and, when known,
// whether the citizen accepted it.
func (o *Office) AnswerFeedback(ctx context.Context, ref, answer string, at time.Time, accepted *bool) (survey.Feedback, error) {
	if err := o.can(ctx, people.ActFeedback); err != nil {
		return survey.Feedback{}, err
	}
	if err := cleanAll("feedback_text", &answer); err != nil {
		return survey.Feedback{}, err
	}
	at = o.at(at)
	if err := o.checkAt(at); err != nil {
		return survey.Feedback{}, err
	}
	if err := cleanAll("answer", &answer); err != nil {
		return survey.Feedback{}, err
	}
	return o.changeFeedback(ctx, ref, "answer_feedback", func(f *survey.Feedback) error { return f.Answered(answer, at, accepted) })
}

// SetFeedbackAccepted records whether the citizen accepted the answer.
func (o *Office) SetFeedbackAccepted(ctx context.Context, ref string, accepted bool) (survey.Feedback, error) {
	if err := o.can(ctx, people.ActFeedback); err != nil {
		return survey.Feedback{}, err
	}
	return o.changeFeedback(ctx, ref, "feedback_accepted", func(f *survey.Feedback) error {
		if f.Open() {
			return fmt.Errorf("phản ánh %s chưa được trả lời nên chưa ghi được người dân có đồng ý hay không: hãy ghi câu trả lời trước", f.Ref())
		}
		f.Accepted = &accepted
		return nil
	})
}

func (o *Office) changeFeedback(ctx context.Context, ref, action string, fn func(*survey.Feedback) error) (survey.Feedback, error) {
	found, err := o.FindFeedback(ctx, ref)
	if err != nil {
		return found, err
	}
	var f survey.Feedback
	now := o.Now()
	err = o.st.Tx(ctx, func(tx *store.Tx) error {
		var err error
		if f, err = tx.FeedbackByID(found.ID); err != nil {
			return err
		}
		before, _ := json.Marshal(f)
		if err := fn(&f); err != nil {
			return err
		}
		f.UpdatedAt = now
		if err := tx.SaveFeedback(f); err != nil {
			return err
		}
		after, _ := json.Marshal(f)
		return tx.AppendAudit(store.Audit{At: now, Actor: o.actor, Action: action, Entity: "feedback", EntityID: f.ID, Before: string(before), After: string(after)})
	})
	return f, err
}

// FeedbackList lists the feedback received in the whole days [from, to]
// (zero: no bound), oldest first.
func (o *Office) FeedbackList(ctx context.Context, from, to time.Time) ([]survey.Feedback, error) {
	var flt store.FeedbackFilter
	if !from.IsZero() {
		flt.From = dayStart(from)
	}
	if !to.IsZero() {
		flt.To = dayStart(to).AddDate(0, 0, 1)
	}
	return o.st.FeedbackList(ctx, flt)
}

// OverdueFeedback lists the feedback still unanswered after its due date:
// the dashboard's list.
func (o *Office) OverdueFeedback(ctx context.Context) ([]survey.Feedback, error) {
	return o.st.FeedbackList(ctx, store.FeedbackFilter{OpenOnly: true, DueBefore: dayStart(o.Now())})
}

// FeedbackSummary counts the handling of the feedback of a period.
type FeedbackSummary struct {
	Received int `json:"received"`
	Answered int `json:"answered"`
	OnTime   int `json:"on_time"`
	Late     int `json:"late"` // answered late
	Open     int `json:"open"`
	Overdue  int `json:"overdue"` // still open after the due date
	Accepted int `json:"accepted"`
	Rejected int `json:"rejected"` // the citizen did not accept the answer
}

// SummarizeFeedback counts fs as of the office clock.
func (o *Office) SummarizeFeedback(fs []survey.Feedback) FeedbackSummary {
	now := o.Now()
	var s FeedbackSummary
	for _, f := range fs {
		s.Received++
		switch {
		case f.Open() && f.Late(now):
			s.Open++
			s.Overdue++
		case f.Open():
			s.Open++
		case f.Late(now):
			s.Answered++
			s.Late++
		default:
			s.Answered++
			s.OnTime++
		}
		if f.Accepted != nil {
			if *f.Accepted {
				s.Accepted++
			} else {
				s.Rejected++
			}
		}
	}
	return s
}
