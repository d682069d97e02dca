package assets

import "embed"

// PDFFonts holds the bundled Liberation Serif 2.1.5 faces (fonts/*.ttf, OFL 1.1, licence in
// fonts/OFL.txt), the fallback when the PC has no Times New Roman. Read by internal/docs.
//
//go:embed fonts/*.ttf fonts/OFL.txt
var PDFFonts embed.FS

// LetterTemplates holds the default wording of each letter kind (letters/<kind>.txt), with
// {field} merge fields. Read by internal/letters.
//
//go:embed letters/*.txt
var LetterTemplates embed.FS

// PledgeSetsJSON is the catalogue of pledge slogan sets (bản cam kết: 4 xin, 4 luôn, 5 biết,
// 5 không, Thanh Hóa's 3 không and 4 thể hiện). Read by internal/people.
//
//go:embed pledges/sets.json
var PledgeSetsJSON []byte
