// window.patdesk.items() and window.patdesk.state(): the contract other tools rely on.
// items(): this frame's visible labelled items in CSS pixels. state(): non-secret JSON.
#pragma once

#include <vector>

#include "ui/imgui_ext/visible_items.h"

namespace patdesk::web {

// Stores this frame's items, converted from device pixels to CSS pixels.
void publishItems(const std::vector<ui::VisibleItem>& items, float scale);

}  // namespace patdesk::web
