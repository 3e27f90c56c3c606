// The one semantic item registry of a frame: every labelled ImGui item that was visible,
// with its on-screen rectangle, role, accessible name, value, state and container (window,
// dialog, popup, table row). Fed by ImGui's test-engine item hooks (IMGUI_ENABLE_TEST_ENGINE),
// so every widget is covered with no per-widget code; the few roles ImGui's flags cannot tell
// (radio vs. toggle, combobox, option, heading, status, alert) come from ui/imgui_ext/semantics.h.
// window.patdesk.items(), the tab order (same hook, same submission order) and the ARIA
// mirror (web/a11y_mirror.js) all read it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

struct ImGuiContext;

namespace patdesk::ui {

enum class Role : uint8_t {
  Text,
  Heading,
  Button,
  Checkbox,
  Radio,
  Textbox,
  Combobox,
  Option,
  MenuItem,
  ColumnHeader,
  Status,  // a polite live announcement (inventory summary, busy line)
};

enum class ContainerRole : uint8_t { Main, Dialog, Listbox, Menu, Status, Alert };

struct Container {
  uint32_t id = 0;  // ImGui window id, or the id of a semantic group
  ContainerRole role = ContainerRole::Main;
  std::string name;  // a dialog's title (window name before "###")
  int parent = -1;   // a semantic group's window container (index), -1 for windows
};

struct VisibleItem {
  std::string label;                 // the visible label; for "##id"-only widgets, the id text
  float x = 0, y = 0, w = 0, h = 0;  // ImGui display coordinates (CSS pixels in the web build)
  bool focused = false;  // has keyboard focus (focus ring shown, or the text field being edited)
  // ---- semantics (the ARIA mirror)
  uint32_t id = 0;  // the ImGui item id (stable across frames)
  Role role = Role::Text;
  std::string value;  // a text field's text, a combobox's choice
  bool hasChecked = false, checked = false;
  bool hasExpanded = false, expanded = false;
  bool hasSelected = false, selected = false;
  bool disabled = false;
  bool readOnly = false;
  int8_t sort = 0;          // column headers: 0 not sorted, 1 ascending, -1 descending
  bool mirrorOnly = false;  // not drawn as a control (announcements): left out of items()
  int container = 0;        // index into collectedContainers()
  uint32_t table = 0;       // ImGui table id, 0 outside a table
  int row = -1, column = -1;
  bool headerRow = false;
  bool sortable = false;  // column headers of a column that sorts
};

// Turns the hooks on for `ctx` and starts collecting for a new frame.
void beginItemCollection(ImGuiContext* ctx);
// Turns the hooks on or off for `ctx` (off: items drawn meanwhile stay out of the registry);
// returns the previous setting so the caller can restore it.
bool setItemHooksEnabled(ImGuiContext* ctx, bool enabled);
// Items collected since beginItemCollection(), in submission order.
const std::vector<VisibleItem>& collectedItems();
// The containers the items refer to (index 0 is the first window that drew an item).
const std::vector<Container>& collectedContainers();
// A hash of everything the mirror shows (roles, names, values, states, rectangles): equal
// hashes mean the mirror has nothing to change.
uint64_t registryHash();
// "Save##pat-3" -> "Save"; "##search" -> "search"; "Title###win" -> "Title".
std::string visibleLabel(const char* label);

}  // namespace patdesk::ui
