#include "platform/web/test_hook.h"

#include <emscripten.h>

#include <nlohmann/json.hpp>
#include <string>

namespace patdesk::web {
namespace {
std::string& itemsJson() {
  static std::string s = "[]";
  return s;
}
}  // namespace

void publishItems(const std::vector<ui::VisibleItem>& items, float scale) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& item : items) {
    nlohmann::json entry = {{"label", item.label},
                            {"x", item.x / scale},
                            {"y", item.y / scale},
                            {"w", item.w / scale},
                            {"h", item.h / scale}};
    if (item.focused) entry["focused"] = true;  // only on the item with keyboard focus
    out.push_back(std::move(entry));
  }
  itemsJson() = out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace patdesk::web

extern "C" {
// Relative to the canvas; web/shell.js adds the canvas's page offset.
EMSCRIPTEN_KEEPALIVE const char* patdesk_items_json() { return patdesk::web::itemsJson().c_str(); }
}
