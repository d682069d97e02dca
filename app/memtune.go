package app

import (
	"runtime/debug"
	"time"
	_ "unsafe" // go:linkname, for the two Fyne settings below

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// How the window keeps its memory down (docs/window-memory.md has the
// measures). Two of Fyne's settings have no API, and are set through
// go:linkname on the pinned Fyne version (go.mod): a Fyne upgrade that
// renames or removes one fails to link, so it cannot pass unnoticed.

// Fyne keeps each widget's renderer and each distinct text's texture for
// ValidDuration after it was last drawn (a minute), whatever the memory:
// paging through the register left ~10,000 text textures behind. The
// window keeps them renderCacheFor instead. Below ~11 s Fyne would walk the
// whole window tree on every idle frame to keep the visible ones alive
// (glfw loop.go, markCacheAlive), so it stays above that.
const renderCacheFor = 15 * time.Second

//go:linkname fyneCacheValid fyne.io/fyne/v2/internal/cache.ValidDuration
var fyneCacheValid time.Duration

//go:linkname fyneCleanInterval fyne.io/fyne/v2/internal/cache.cleanTaskInterval
var fyneCleanInterval time.Duration

// Fyne adds, for each text style, the system's font for the locale's
// language (DejaVu Sans here, Segoe UI or Arial on Windows) as a fallback
// after the theme's fonts, parsing each whole: ~6 MB of heap and a scan of
// every font installed, for glyphs the window never needs (the theme's Noto
// Sans covers Vietnamese, its symbol font the arrows and marks;
// TestThemeFontsCoverVietnamese checks). Marking the system fonts as
// already scanned, with none found, turns that fallback off: a character
// outside the theme's fonts shows as a box, as in the printed papers.
//
//go:linkname fyneSystemFontsScanned fyne.io/fyne/v2/internal/painter.loaded
var fyneSystemFontsScanned bool

// tuneMemory applies the settings above; it runs before the app is made.
func tuneMemory() {
	fyneCacheValid = renderCacheFor
	fyneCleanInterval = renderCacheFor / 2
	fyneSystemFontsScanned = true
}

// sweepEvery is how often an idle window is drawn once, under
// renderCacheFor: a frame keeps what is on screen alive in Fyne's caches,
// so only what left the screen expires. Drawn less often, an idle window's
// own texts expired and the next frame drew every one of them again (30 ms
// at the dashboard, 90 ms on the register under software rendering: the
// clerk's first key after a pause).
const sweepEvery = renderCacheFor * 2 / 3

// sweepMemory gives back, while the window idles, what scrolling left
// behind: every sweepEvery it has the window drawn once (Fyne frees
// expired textures and renderers only while drawing, and an idle window
// does not draw), then returns the freed memory to the system: the C heap
// where the OpenGL driver kept the textures (trimCHeap) and Go's heap. It
// stops when stop is closed.
func sweepMemory(w fyne.Window, stop <-chan struct{}) {
	// Refreshing an object outside the window's tree has a frame drawn
	// without redrawing any of the window's own textures.
	dot := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	t := time.NewTicker(sweepEvery)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		}
		fyne.Do(func() { w.Canvas().Refresh(dot) })
		// Let the frame be drawn (the loop draws at up to 60 per second).
		time.Sleep(200 * time.Millisecond)
		trimCHeap()
		debug.FreeOSMemory()
	}
}
