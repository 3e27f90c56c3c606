// The bridge between the semantic item registry (ui/imgui_ext/visible_items.h) and the ARIA
// mirror in the page (web/a11y_mirror.js): after each frame, tells the page when what the
// mirror shows changed; the page then pulls the registry as JSON. The page's focus, text and
// activation come back through the exported patdesk_a11y_* functions.
#pragma once

#include <string>
#include <vector>

#include "ui/imgui_ext/visible_items.h"

namespace patdesk::web {

// Call once per drawn frame, after the UI was drawn. Crosses into JS only when the
// registry's hash differs from the last frame's (an unchanged frame costs one hash).
void publishA11y(float scale);

// The registry as the mirror reads it: {"containers":[...],"items":[...]}, CSS pixels.
std::string a11yJson(const std::vector<ui::Container>& containers,
                     const std::vector<ui::VisibleItem>& items, float scale);

}  // namespace patdesk::web
