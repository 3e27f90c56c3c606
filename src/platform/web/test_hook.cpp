#include "platform/web/test_hook.h"

#include <emscripten.h>

#include <nlohmann/json.hpp>

namespace patdesk::web {
namespace {

struct Published {
  std::vector<ui::VisibleItem> items;
  float scale = 1.0f;
  std::string json = "[]";  // the last answer handed to JS; lives until the next call
};

Published& published() {
  static Published p;
  return p;
}

}  // namespace

void publishItems(const std::vector<ui::VisibleItem>& items, float scale) {
  Published& p = published();
  p.items = items;  // reuses the vector's and strings' storage from the last frame
  p.scale = scale;
}

std::string itemsJson(const std::vector<ui::VisibleItem>& items, float scale) {
  // nlohmann::json's writer is in the wasm anyway (state()), so this adds almost no code.
  nlohmann::json out = nlohmann::json::array();
  for (const auto& item : items) {
    if (item.mirrorOnly) continue;  // announcements for the ARIA mirror, not drawn controls
    nlohmann::json entry = {{"label", item.label},
                            {"x", item.x / scale},
                            {"y", item.y / scale},
                            {"w", item.w / scale},
                            {"h", item.h / scale}};
    if (item.focused) entry["focused"] = true;  // only on the item with keyboard focus
    out.push_back(std::move(entry));
  }
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace patdesk::web

extern "C" {
// Serialised only when window.patdesk.items() is called (not on every frame). Relative to the
// canvas; web/shell.js adds the canvas's page offset.
EMSCRIPTEN_KEEPALIVE const char* patdesk_items_json() {
  auto& p = patdesk::web::published();
  p.json = patdesk::web::itemsJson(p.items, p.scale);
  return p.json.c_str();
}
}
