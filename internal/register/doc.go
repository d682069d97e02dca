// Package register owns the dossier register (sổ theo dõi hồ sơ): procedures
// and their statutory time limits, dossier codes and entry numbers, the legal
// life cycle of a dossier and the classification of its result as early, on
// time or late.
//
// It is pure: it knows nothing of SQL, files or windows. Every rule the law
// sets on the life cycle is enforced here, so the desktop window, the command
// line and an import all obey the same rules. Errors are Vietnamese sentences
// meant for the counter clerk.
//
// Life cycle:
//
//	received ──forward──▶ in_progress ──done──▶ done ──return──▶ returned
//	   │  ▲                  │  ▲
//	   │  └──────resume──────┼──┘ (supplement_requested, at most once;
//	   │                     │     the time limit restarts on resume)
//	   └── refuse / withdraw ┴──▶ refused / withdrawn
//
// A returned, refused or withdrawn dossier never changes state again. An
// apology with a new return date may be given once, with a reason.
//
// A refusal has a kind (RefusalKind): refusal of acceptance by the counter
// (form 03), only while the dossier is still there (received, or waiting for
// a supplement), or refusal after appraisal by the competent body, by its
// own written notice. A withdrawn dossier was stopped at the applicant's
// request or by the agency's decision (StopBy); the stop notice answers both,
// never a refusal.
//
// The outcome at return is judged against the statutory due date (restarted
// after a supplement), not against the date promised in an apology: an
// apology acknowledges lateness, it does not erase it.
package register
