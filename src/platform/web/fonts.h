// Inter (UI) and JetBrains Mono (token values), embedded at build time from Debian's
// font packages (subset to the glyphs patdesk uses), rasterised for the current
// devicePixelRatio so text stays sharp, and rebuilt when the ratio changes.
#pragma once

#include "ui/app_ui.h"

namespace patdesk::web {

// Clears the atlas and loads every font at `scale`. Call outside a frame; the caller
// recreates the GPU font texture afterwards.
ui::Fonts loadFonts(float scale);

}  // namespace patdesk::web
