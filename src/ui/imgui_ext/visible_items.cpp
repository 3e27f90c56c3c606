// The item hooks that fill the semantic registry, and the registry's hash.
#include "ui/imgui_ext/visible_items.h"

#include <cmath>
#include <cstring>

#include "core/text/fnv1a.h"
#include "ui/imgui_ext/registry_store.h"
#include "ui/imgui_ext/tab_order.h"

namespace patdesk::ui {

RegistryStore& registryStore() {
  static RegistryStore s;
  return s;
}

namespace {

bool nameHas(const ImGuiWindow* w, const char* part) {
  return w && w->Name && std::strstr(w->Name, part) != nullptr;
}

// What kind of container a root window is: panels ("...###panel-x") are dialogs, popups are
// listboxes or menus (decided by their items: options make a listbox), toasts are a status.
Container containerFor(const ImGuiWindow* root) {
  Container c;
  c.id = root ? root->ID : 0;
  if (!root) return c;
  if (nameHas(root, "###panel-")) {
    c.role = ContainerRole::Dialog;
    c.name = visibleLabel(root->Name);
  } else if (root->Flags & ImGuiWindowFlags_Popup) {
    c.role = ContainerRole::Menu;
  } else if (nameHas(root, "##toasts")) {
    c.role = ContainerRole::Status;
  }
  return c;
}

int indexOf(RegistryStore& s, const Container& c) {
  for (size_t i = 0; i < s.containers.size(); ++i)
    if (s.containers[i].id == c.id) return static_cast<int>(i);
  s.containers.push_back(c);
  return static_cast<int>(s.containers.size()) - 1;
}

// The role ImGui's own flags say, when no wrapper said more.
Role inferredRole(const ImGuiContext& g, ImGuiID id, ImGuiItemStatusFlags status, bool headerRow) {
  const ImGuiItemFlags in = g.LastItemData.ID == id ? g.LastItemData.InFlags : 0;
  if (in & ImGuiItemFlags_Inputable) return Role::Textbox;
  if (status & ImGuiItemStatusFlags_Checkable) return Role::Checkbox;
  if (in & ImGuiItemFlags_NoNav) return Role::Text;
  if (headerRow) return Role::ColumnHeader;
  const ImGuiWindow* w = g.CurrentWindow;
  if (w && w->RootWindow && (w->RootWindow->Flags & ImGuiWindowFlags_Popup)) return Role::MenuItem;
  return Role::Button;
}

}  // namespace

void fillTableCell(const ImGuiContext& g, VisibleItem& item) {
  const ImGuiTable* table = g.CurrentTable;
  if (!table || g.CurrentWindow != table->InnerWindow || !table->IsInsideRow) return;
  item.table = table->ID;
  item.row = table->CurrentRow;
  item.column = table->CurrentColumn;
  item.headerRow = (table->RowFlags & ImGuiTableRowFlags_Headers) != 0;
  if (item.headerRow && item.column >= 0 && item.column < table->ColumnsCount) {
    const ImGuiTableColumn& col = table->Columns[item.column];
    item.sortable = !(col.Flags & ImGuiTableColumnFlags_NoSort);
    if (col.SortOrder == 0 && item.sortable)
      item.sort = col.SortDirection == ImGuiSortDirection_Ascending ? 1 : -1;
  }
}

int currentContainer(ImGuiContext& ctx) {
  RegistryStore& s = registryStore();
  const ImGuiWindow* w = ctx.CurrentWindow;
  const int window = indexOf(s, containerFor(w ? w->RootWindow : nullptr));
  if (s.groups.empty()) return window;
  Container c;
  c.id = s.groups.back().id;
  c.role = s.groups.back().role;
  c.parent = window;  // an error card inside a dialog stays inside it
  return indexOf(s, c);
}

void beginItemCollection(ImGuiContext* ctx) {
  ctx->TestEngineHookItems = true;
  RegistryStore& s = registryStore();
  s.rects.clear();
  s.items.clear();
  s.containers.clear();
  s.groups.clear();
  s.next.reset();
}

bool setItemHooksEnabled(ImGuiContext* ctx, bool enabled) {
  const bool previous = ctx->TestEngineHookItems;
  ctx->TestEngineHookItems = enabled;
  return previous;
}

const std::vector<VisibleItem>& collectedItems() { return registryStore().items; }

const std::vector<Container>& collectedContainers() { return registryStore().containers; }

uint64_t registryHash() {
  text::Fnv1a64 h;
  const RegistryStore& s = registryStore();
  for (const Container& c : s.containers) {
    h.add(c.id);
    h.add(static_cast<uint64_t>(c.role));
    h.add(static_cast<uint64_t>(c.parent + 1));
    h.addText(c.name);
  }
  for (const VisibleItem& i : s.items) {
    h.add(i.id);
    h.add(static_cast<uint64_t>(i.role));
    h.addText(i.label);
    h.addText(i.value);
    h.add((i.focused ? 1u : 0u) | (i.checked ? 2u : 0u) | (i.expanded ? 4u : 0u) |
          (i.selected ? 8u : 0u) | (i.disabled ? 16u : 0u));
    h.add(static_cast<uint64_t>(i.sort + 2));
    h.add(static_cast<uint64_t>(i.container));
    h.add(i.table);
    h.add(static_cast<uint64_t>(i.row + 1));
    for (float v : {i.x, i.y, i.w, i.h}) h.add(static_cast<uint64_t>(std::lround(v)));
  }
  return h.value();
}

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
  // Semantics set for the next item belong to the first item added after them: if that one
  // is clipped (never reported), they lapse instead of landing on the item after it.
  auto& store = patdesk::ui::registryStore();
  if (store.next) {
    if (store.nextArmedFor == 0) {
      store.nextArmedFor = id;
    } else if (store.nextArmedFor != id) {
      store.next.reset();
    }
  }
  ImGuiWindow* window = ctx->CurrentWindow;
  ImRect visible = bb;
  if (window) visible.ClipWithFull(window->ClipRect);
  if (visible.GetWidth() <= 0.0f || visible.GetHeight() <= 0.0f) return;
  patdesk::ui::registryStore().rects[id] = visible;
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label,
                                  ImGuiItemStatusFlags status) {
  using namespace patdesk::ui;
  RegistryStore& s = registryStore();
  auto it = s.rects.find(id);
  if (it == s.rects.end() || !label) return;
  std::string text = visibleLabel(label);
  if (text.empty()) return;
  const ImRect& r = it->second;
  VisibleItem item;
  item.label = std::move(text);
  item.x = r.Min.x;
  item.y = r.Min.y;
  item.w = r.GetWidth();
  item.h = r.GetHeight();
  item.focused = hasKeyboardFocus(*ctx, id);
  item.id = id;
  fillTableCell(*ctx, item);
  item.role = inferredRole(*ctx, id, status, item.headerRow);
  if (item.role == Role::Checkbox) {
    item.hasChecked = true;
    item.checked = (status & ImGuiItemStatusFlags_Checked) != 0;
  }
  if (status & ImGuiItemStatusFlags_Openable) {
    item.hasExpanded = true;
    item.expanded = (status & ImGuiItemStatusFlags_Opened) != 0;
  }
  if (ctx->LastItemData.ID == id)
    item.disabled = (ctx->LastItemData.InFlags & ImGuiItemFlags_Disabled) != 0;
  if (s.next && (s.nextArmedFor == 0 || s.nextArmedFor == id)) {
    item.role = s.next->role;
    if (item.role == Role::Radio) {
      item.hasChecked = true;
      item.checked = s.next->state;
    } else if (item.role == Role::Option) {
      item.hasSelected = true;
      item.selected = s.next->state;
    } else if (item.role == Role::Combobox) {
      item.hasExpanded = true;
      item.expanded = s.next->state;
      item.value = s.next->value;
    }
    s.next.reset();
    s.nextArmedFor = 0;
  }
  item.container = currentContainer(*ctx);
  if (item.role == Role::Option) s.containers[item.container].role = ContainerRole::Listbox;
  s.items.push_back(std::move(item));
  s.rects.erase(it);  // one entry per item per frame
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
