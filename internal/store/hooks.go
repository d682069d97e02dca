package store

import "strings"

// migrationHooks are Go steps a migration needs after its SQL (filling new
// columns computed in Go). A migration names its hook in a comment line
// "-- hook: NAME", so the hook follows the migration wherever the list
// puts it.
var migrationHooks = map[string]func(*Tx) error{}

func hookOf(sql string) func(*Tx) error {
	_, rest, ok := strings.Cut(sql, "-- hook: ")
	if !ok {
		return nil
	}
	name, _, _ := strings.Cut(rest, "\n")
	return migrationHooks[strings.TrimSpace(name)]
}
