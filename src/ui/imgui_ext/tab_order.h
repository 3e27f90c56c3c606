// Keyboard-only use on top of Dear ImGui 1.86: Tab / Shift-Tab move through EVERY
// interactive control of the window in front (panel, popup or screen) in the order they
// were drawn, and Enter activates the focused control.
//
// Why not ImGui's own tabbing: in 1.86 Tab only visits text fields (ImGuiItemFlags_Inputable)
// and never leaves the child window it is in (a side panel's scrolling body never reaches its
// footer); buttons are reached with the arrow keys only, and Enter does nothing on them. So
// the item hook records every navigable item each frame (id, window, rectangle), and at the
// start of the next frame a Tab moves ImGui's own nav focus (g.NavId) to the next or previous
// one: ImGui then draws its focus ring and Space activates the item as usual.
#pragma once

#include <imgui.h>

struct ImGuiContext;
struct ImRect;

namespace patdesk::ui {

// Called from the ImGui item hook for every item submitted with an id (clipped or not).
void noteTabStop(ImGuiContext& g, ImGuiID id, const ImRect& rect);

// Call once per frame right after ImGui::NewFrame(), before any window is drawn. Applies
// this frame's Tab / Shift-Tab (focus moves; a text field it lands on starts editing, one it
// leaves stops) and Enter (activates the focused button, chip, checkbox, ...).
void applyKeyboardFocus(ImGuiContext& g);

// Call right before drawing the control that takes keyboard focus when a panel opens (a
// form's first field): the next control drawn gets it the way Tab gives it, and a text field
// starts editing in this frame. The only way the UI moves focus to a control.
void focusNextItem(ImGuiContext& g);

// The ARIA mirror (web/a11y_mirror.js) moved DOM focus to control `id`, or activated it
// (Enter, Space or a click on its element): at the start of the next frame ImGui's focus
// moves there (focus ring shown; a text field does NOT start editing, the mirror's <input>
// is the editor) and, when activating, the control is pressed as Enter presses it.
void requestFocusFromMirror(const ImGuiContext& g, ImGuiID id);
void requestActivateFromMirror(const ImGuiContext& g, ImGuiID id);

// True when `id` shows keyboard focus now: the focus ring is on it, or it is the text field
// being edited.
bool hasKeyboardFocus(const ImGuiContext& g, ImGuiID id);

}  // namespace patdesk::ui
