// Inter (UI) and JetBrains Mono (token values), embedded at build time from Debian's
// font packages (subset to the glyphs patdesk uses), rasterised for the current
// devicePixelRatio so text stays sharp, and rebuilt when the ratio changes.
#pragma once

#include "ui/app_ui.h"

namespace patdesk::web {

// Which glyphs the atlas holds: the first screens' (ASCII and punctuation, no mono face: a
// third of the glyphs, so the first frame comes sooner) or all of them.
enum class Glyphs { FirstScreens, All };

// Clears the atlas and loads the fonts at `scale`. Call outside a frame; the caller
// recreates the GPU font texture afterwards.
ui::Fonts loadFonts(float scale, Glyphs glyphs);

}  // namespace patdesk::web
