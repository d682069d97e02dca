package assets

import "embed"

// Help holds the short Vietnamese guide of each screen (help/<screen>.md),
// shown by F1 in the window.
//
//go:embed help/*.md
var Help embed.FS
