// The registry's per-frame storage, shared by the item hooks (visible_items.cpp) and the
// semantic wrappers (semantics.cpp). Only those two files include it.
#pragma once

#include "ui/imgui_ext/imgui_internals.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "ui/imgui_ext/semantics.h"
#include "ui/imgui_ext/visible_items.h"

namespace patdesk::ui {

struct RegistryStore {
  // Rectangle of the latest ItemAdd per id (already clipped to its window), waiting for
  // the ItemInfo call that brings the label. Only visible items ever get ItemInfo.
  std::unordered_map<ImGuiID, ImRect> rects;
  std::vector<VisibleItem> items;
  std::vector<Container> containers;
  std::optional<NextItemSemantics> next;  // setNextItemSemantics(), for the next item
  ImGuiID nextArmedFor = 0;               // the item `next` belongs to, once its ItemAdd was seen
  struct Group {
    ImGuiID id;
    ContainerRole role;
  };
  std::vector<Group> groups;                            // beginSemanticGroup() stack
  std::unordered_map<ImGuiID, std::string> mirrorText;  // queueMirrorText(), until drawn
};

RegistryStore& registryStore();

// The container index for an item drawn now in `ctx` (the innermost semantic group, else the
// root window of the current window), added to the list on first use.
int currentContainer(ImGuiContext& ctx);

// The table, row and column an item drawn now is in (nothing outside a table).
void fillTableCell(const ImGuiContext& g, VisibleItem& item);

}  // namespace patdesk::ui
