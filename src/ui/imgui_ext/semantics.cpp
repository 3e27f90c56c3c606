// The semantic wrappers: roles, groups, announcements and text for the item registry.
#include "ui/imgui_ext/semantics.h"

#include "ui/imgui_ext/registry_store.h"

namespace patdesk::ui {

void setNextItemSemantics(NextItemSemantics semantics) {
  // Only while the hooks run: an item drawn with hooks off must not carry it to the next one.
  if (!GImGui || !GImGui->TestEngineHookItems) return;
  registryStore().next = std::move(semantics);
  registryStore().nextArmedFor = 0;
}

void nameCurrentDialog(const std::string& title) {
  if (!GImGui || !GImGui->TestEngineHookItems) return;
  RegistryStore& s = registryStore();
  s.containers[static_cast<size_t>(currentContainer(*GImGui))].name = title;
}

void beginSemanticGroup(const char* id, ContainerRole role) {
  registryStore().groups.push_back({ImGui::GetID(id), role});
}

void endSemanticGroup() {
  RegistryStore& s = registryStore();
  if (!s.groups.empty()) s.groups.pop_back();
}

namespace {

void addMirrorOnly(const char* id, const std::string& name, Role role, const ImVec2& min,
                   const ImVec2& max) {
  ImGuiContext& g = *GImGui;
  if (!g.TestEngineHookItems || name.empty()) return;
  VisibleItem item;
  item.label = name;
  item.id = ImGui::GetID(id);
  item.role = role;
  item.mirrorOnly = true;
  item.x = min.x;
  item.y = min.y;
  item.w = max.x - min.x;
  item.h = max.y - min.y;
  item.container = currentContainer(g);
  fillTableCell(g, item);
  registryStore().items.push_back(std::move(item));
}

}  // namespace

void describeLastItem(const std::string& text) {
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  if (max.x - min.x <= 0.0f || max.y - min.y <= 0.0f) return;
  // Unique per row and column: the same text can sit in two cells of a row.
  ImGui::PushID(GImGui->CurrentTable ? GImGui->CurrentTable->CurrentColumn : -1);
  ImGui::PushID(text.c_str());
  addMirrorOnly("##text", text, Role::Text, min, max);
  ImGui::PopID();
  ImGui::PopID();
}

void announce(const char* id, const std::string& text) {
  const ImVec2 at = ImGui::GetCursorScreenPos();
  addMirrorOnly(id, text, Role::Status, at, ImVec2(at.x + 1.0f, at.y + 1.0f));
}

void reportConcealedField(const char* id, const std::string& name, const ImVec2& rectMin,
                          const ImVec2& rectMax) {
  addMirrorOnly(id, name, Role::Textbox, rectMin, rectMax);
  RegistryStore& s = registryStore();
  if (!s.items.empty() && s.items.back().mirrorOnly) s.items.back().readOnly = true;
}

void setLastItemValue(const std::string& value) {
  ImGuiContext& g = *GImGui;
  RegistryStore& s = registryStore();
  if (s.items.empty() || s.items.back().id != g.LastItemData.ID) return;
  s.items.back().value = value;
}

void queueMirrorText(ImGuiID id, std::string text) {
  registryStore().mirrorText[id] = std::move(text);
}

bool takeMirrorText(ImGuiID id, std::string* value) {
  RegistryStore& s = registryStore();
  auto it = s.mirrorText.find(id);
  if (it == s.mirrorText.end()) return false;
  ImGuiContext& g = *GImGui;
  // The mirror's <input> is the editor now: ImGui's own editing state would overwrite it.
  if (g.ActiveId == id) ImGui::ClearActiveID();
  value->swap(it->second);
  s.mirrorText.erase(it);
  return true;
}

}  // namespace patdesk::ui
