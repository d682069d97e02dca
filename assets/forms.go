package assets

import "embed"

// FormSets holds the one-stop form sets as data (forms/<set>.json): for each form its number,
// title, paper, header, recipients, signatures, table columns and wording, rendered by
// internal/docs. An administrator may replace a set with a file of the same "code" in the
// folder the office setting forms_dir names (see forms/README.md).
//
//go:embed forms/*.json
var FormSets embed.FS
