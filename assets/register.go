package assets

import _ "embed"

// Procedures is the default procedure catalogue (REFERENCE §6), loaded into
// a new database; the office edits its own copy.
//
//go:embed register/procedures.json
var Procedures []byte
