#include "platform/web/a11y_bridge.h"

#include <emscripten.h>
#include <imgui.h>

#include <nlohmann/json.hpp>

#include "ui/imgui_ext/semantics.h"
#include "ui/imgui_ext/tab_order.h"

// clang-format off
EM_JS(void, patdesk_js_a11y_changed, (), { if (window.patdeskA11y) window.patdeskA11y.changed(); });
// clang-format on

extern "C" void patdesk_request_frame();

namespace patdesk::web {
namespace {

struct Mirror {
  uint64_t lastHash = 0;
  float scale = 1.0f;
  // Set by the mirror's first pull (it is off until the person enables it): until then no
  // frame pays for hashing the registry.
  bool enabled = false;
  std::string json;  // the last answer handed to JS; lives until the next call
};

Mirror& mirror() {
  static Mirror m;
  return m;
}

const char* roleName(ui::Role role) {
  switch (role) {
    case ui::Role::Text:
      return "text";
    case ui::Role::Heading:
      return "heading";
    case ui::Role::Button:
      return "button";
    case ui::Role::Checkbox:
      return "checkbox";
    case ui::Role::Radio:
      return "radio";
    case ui::Role::Textbox:
      return "textbox";
    case ui::Role::Combobox:
      return "combobox";
    case ui::Role::Option:
      return "option";
    case ui::Role::MenuItem:
      return "menuitem";
    case ui::Role::ColumnHeader:
      return "columnheader";
    case ui::Role::Status:
      return "status";
  }
  return "text";
}

const char* containerName(ui::ContainerRole role) {
  switch (role) {
    case ui::ContainerRole::Main:
      return "main";
    case ui::ContainerRole::Dialog:
      return "dialog";
    case ui::ContainerRole::Listbox:
      return "listbox";
    case ui::ContainerRole::Menu:
      return "menu";
    case ui::ContainerRole::Status:
      return "status";
    case ui::ContainerRole::Alert:
      return "alert";
  }
  return "main";
}

}  // namespace

void publishA11y(float scale) {
  Mirror& m = mirror();
  m.scale = scale;
  if (!m.enabled) return;
  const uint64_t hash = ui::registryHash();
  if (hash == m.lastHash) return;
  m.lastHash = hash;
  patdesk_js_a11y_changed();
}

std::string a11yJson(const std::vector<ui::Container>& containers,
                     const std::vector<ui::VisibleItem>& items, float scale) {
  nlohmann::json out = {{"containers", nlohmann::json::array()},
                        {"items", nlohmann::json::array()}};
  for (const ui::Container& c : containers)
    out["containers"].push_back(
        {{"k", c.id}, {"r", containerName(c.role)}, {"n", c.name}, {"p", c.parent}});
  auto& list = out["items"];
  for (const ui::VisibleItem& i : items) {
    nlohmann::json e = {{"k", i.id},        {"r", roleName(i.role)}, {"n", i.label},
                        {"x", i.x / scale}, {"y", i.y / scale},      {"w", i.w / scale},
                        {"h", i.h / scale}, {"c", i.container}};
    if (!i.value.empty()) e["v"] = i.value;
    if (i.focused) e["f"] = true;
    if (i.hasChecked) e["ch"] = i.checked;
    if (i.hasExpanded) e["ex"] = i.expanded;
    if (i.hasSelected) e["se"] = i.selected;
    if (i.disabled) e["d"] = true;
    if (i.readOnly) e["ro"] = true;
    if (i.sort != 0) e["s"] = i.sort;
    if (i.table != 0) {
      e["t"] = i.table;
      e["row"] = i.row;
      e["col"] = i.column;
      if (i.headerRow) e["hr"] = true;
      if (i.headerRow && !i.sortable) e["ns"] = true;
    }
    list.push_back(std::move(e));
  }
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace patdesk::web

extern "C" {
// The registry for the mirror, pulled by web/a11y_mirror.js after patdesk_js_a11y_changed().
EMSCRIPTEN_KEEPALIVE const char* patdesk_a11y_json() {
  auto& m = patdesk::web::mirror();
  m.enabled = true;
  m.json = patdesk::web::a11yJson(patdesk::ui::collectedContainers(), patdesk::ui::collectedItems(),
                                  m.scale);
  return m.json.c_str();
}

// DOM focus moved to the mirror element of control `id`: ImGui's focus follows next frame.
EMSCRIPTEN_KEEPALIVE void patdesk_a11y_focus(unsigned id) {
  if (!ImGui::GetCurrentContext()) return;
  patdesk::ui::requestFocusFromMirror(*ImGui::GetCurrentContext(), id);
  patdesk_request_frame();
}

// Enter, Space or a click on the mirror element of control `id`: pressed as Enter presses it.
EMSCRIPTEN_KEEPALIVE void patdesk_a11y_activate(unsigned id) {
  if (!ImGui::GetCurrentContext()) return;
  patdesk::ui::requestActivateFromMirror(*ImGui::GetCurrentContext(), id);
  patdesk_request_frame();
}

// Text typed into the mirror's <input> for field `id` (the whole new value).
EMSCRIPTEN_KEEPALIVE void patdesk_a11y_set_text(unsigned id, const char* utf8) {
  patdesk::ui::queueMirrorText(id, utf8 ? utf8 : "");
  patdesk_request_frame();
}
}
