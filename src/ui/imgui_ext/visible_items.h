// The registry behind window.patdesk.items(): every labelled ImGui item that was
// visible this frame, with its on-screen rectangle. Fed by ImGui's test-engine item
// hooks (IMGUI_ENABLE_TEST_ENGINE), so every widget is covered with no per-widget code.
#pragma once

#include <string>
#include <vector>

struct ImGuiContext;

namespace patdesk::ui {

struct VisibleItem {
  std::string label;                 // the visible label; for "##id"-only widgets, the id text
  float x = 0, y = 0, w = 0, h = 0;  // ImGui display coordinates (CSS pixels in the web build)
  bool focused = false;  // has keyboard focus (focus ring shown, or the text field being edited)
};

// Turns the hooks on for `ctx` and starts collecting for a new frame.
void beginItemCollection(ImGuiContext* ctx);
// Turns the hooks on or off for `ctx` (off: items drawn meanwhile stay out of the registry);
// returns the previous setting so the caller can restore it.
bool setItemHooksEnabled(ImGuiContext* ctx, bool enabled);
// Items collected since beginItemCollection(), in submission order.
const std::vector<VisibleItem>& collectedItems();
// "Save##pat-3" -> "Save"; "##search" -> "search"; "Title###win" -> "Title".
std::string visibleLabel(const char* label);

}  // namespace patdesk::ui
