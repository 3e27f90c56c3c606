// Thin wrappers that tell the item registry (visible_items.h) what ImGui's own item flags
// cannot: that the next item is a radio button, a combobox, an option or a heading; that a
// group of items is an alert; announcements with no control of their own; a text field's
// text. Nothing here draws.
#pragma once

#include <imgui.h>

#include <string>

#include "ui/imgui_ext/visible_items.h"

namespace patdesk::ui {

// The next item that reaches the registry gets this role (and, for radios/options, this
// checked/selected state; for comboboxes, `value` and `expanded`).
struct NextItemSemantics {
  Role role = Role::Button;
  bool state = false;  // checked (radio), selected (option), expanded (combobox)
  std::string value;   // combobox: its current choice
};
void setNextItemSemantics(NextItemSemantics semantics);

// The accessible name of the dialog being drawn (its title, even while scrolled out of view).
void nameCurrentDialog(const std::string& title);

// Items reported between these belong to an alert (error card) or status (toasts) group.
void beginSemanticGroup(const char* id, ContainerRole role);
void endSemanticGroup();

// Plain text just drawn with ImGui's own text calls (a table cell's organization, scopes,
// expiry, status): the mirror reads it; window.patdesk.items() does not list it.
void describeLastItem(const std::string& text);

// An announcement with no control of its own (role Status), e.g. the inventory summary.
void announce(const char* id, const std::string& text);
// A read-only field the mirror shows under `name` with NO value (the copy-once secret: the
// DOM never holds it); `rectMin`/`rectMax` where it is drawn.
void reportConcealedField(const char* id, const std::string& name, const ImVec2& rectMin,
                          const ImVec2& rectMax);

// The text of the last text field drawn (the mirror's <input> shows it).
void setLastItemValue(const std::string& value);

// Text typed into the mirror's <input> for field `id` (web: a11y bridge). The field takes
// it the next time it is drawn, instead of what ImGui's own editor holds.
void queueMirrorText(ImGuiID id, std::string text);
// Called by the text field wrappers: replaces `*value` with queued mirror text for `id`.
// Returns true when it did.
bool takeMirrorText(ImGuiID id, std::string* value);

}  // namespace patdesk::ui
