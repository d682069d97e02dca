package letters

// Register events that propose a letter (REFERENCE §8). The procedure keys are what a
// procedure of the catalogue is "about" for letters; the register's catalogue names them
// through its procedures (e.g. the birth-registration procedures map to BirthRegistration).
const (
	BirthRegistration    = "birth_registration"    // đăng ký khai sinh returned → congratulations
	MarriageRegistration = "marriage_registration" // đăng ký kết hôn returned → congratulations
	DeathRegistration    = "death_registration"    // đăng ký khai tử → condolence
	DossierLate          = "dossier_late"          // a dossier about to be late → apology (besides form 04)
)

// Triggers maps a register event to the letter kind it proposes to the chair. Proposing is
// all it does: the chair reads, edits and approves every letter.
type Triggers map[string]Kind

// DefaultTriggers is the model's own list.
func DefaultTriggers() Triggers {
	return Triggers{
		BirthRegistration:    Birth,
		MarriageRegistration: Marriage,
		DeathRegistration:    Condolence,
		DossierLate:          Apology,
	}
}

// Propose returns the letter kind the event proposes, if any.
func (t Triggers) Propose(event string) (Kind, bool) {
	k, ok := t[event]
	return k, ok && k.Valid()
}
