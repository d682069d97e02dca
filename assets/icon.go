package assets

import _ "embed"

// IconPNG is the application icon (512×512 PNG), rendered from icon/motcua.svg by
// icon/render.sh. Use it for the window icon: fyne.NewStaticResource("motcua.png", assets.IconPNG).
//
//go:embed icon/motcua.png
var IconPNG []byte
