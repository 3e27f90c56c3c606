// window.patdesk.items() and window.patdesk.state(): the contract other tools rely on.
// items(): this frame's visible labelled items in CSS pixels. state(): non-secret JSON.
#pragma once

#include <string>
#include <vector>

#include "ui/imgui_ext/visible_items.h"

namespace patdesk::web {

// Keeps this frame's items (device pixels) and the scale to CSS pixels. Cheap: nothing is
// serialised until window.patdesk.items() asks (itemsJson).
void publishItems(const std::vector<ui::VisibleItem>& items, float scale);

// The published items as JSON [{label,x,y,w,h[,focused]}] in CSS pixels; bytes in a label that
// are not valid UTF-8 become U+FFFD.
std::string itemsJson(const std::vector<ui::VisibleItem>& items, float scale);

}  // namespace patdesk::web
