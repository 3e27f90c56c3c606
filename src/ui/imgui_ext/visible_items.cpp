#include "ui/imgui_ext/visible_items.h"

#include "ui/imgui_ext/imgui_internals.h"

#include <cstring>
#include <unordered_map>

#include "ui/imgui_ext/tab_order.h"

namespace patdesk::ui {
namespace {

struct Collector {
  // Rectangle of the latest ItemAdd per id (already clipped to its window), waiting for
  // the ItemInfo call that brings the label. Only visible items ever get ItemInfo.
  std::unordered_map<ImGuiID, ImRect> rects;
  std::vector<VisibleItem> items;
};

Collector& collector() {
  static Collector c;
  return c;
}

}  // namespace

void beginItemCollection(ImGuiContext* ctx) {
  ctx->TestEngineHookItems = true;
  collector().rects.clear();
  collector().items.clear();
}

bool setItemHooksEnabled(ImGuiContext* ctx, bool enabled) {
  const bool previous = ctx->TestEngineHookItems;
  ctx->TestEngineHookItems = enabled;
  return previous;
}

const std::vector<VisibleItem>& collectedItems() { return collector().items; }

std::string visibleLabel(const char* label) {
  if (!label) return {};
  const char* hashes = std::strstr(label, "##");
  if (!hashes) return label;
  if (hashes != label) return std::string(label, hashes);
  const char* id = hashes + 2;
  while (*id == '#') ++id;
  return id;
}

}  // namespace patdesk::ui

// ---- ImGui test-engine hooks (global functions ImGui calls when IMGUI_ENABLE_TEST_ENGINE).

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, const ImRect& bb, ImGuiID id) {
  patdesk::ui::noteTabStop(*ctx, id, bb);  // clipped items too: Tab scrolls to them
  ImGuiWindow* window = ctx->CurrentWindow;
  ImRect visible = bb;
  if (window) visible.ClipWithFull(window->ClipRect);
  if (visible.GetWidth() <= 0.0f || visible.GetHeight() <= 0.0f) return;
  patdesk::ui::collector().rects[id] = visible;
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label,
                                  ImGuiItemStatusFlags) {
  auto& c = patdesk::ui::collector();
  auto it = c.rects.find(id);
  if (it == c.rects.end() || !label) return;
  std::string text = patdesk::ui::visibleLabel(label);
  if (text.empty()) return;
  const ImRect& r = it->second;
  c.items.push_back({std::move(text), r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight(),
                     patdesk::ui::hasKeyboardFocus(*ctx, id)});
  c.rects.erase(it);  // one entry per item per frame
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
