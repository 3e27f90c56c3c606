#include "ui/imgui_ext/tab_order.h"

#include "ui/imgui_ext/imgui_internals.h"

#include <unordered_set>
#include <vector>

namespace patdesk::ui {
namespace {

struct TabStop {
  ImGuiID id = 0;
  ImGuiWindow* window = nullptr;  // the (child) window that drew it
  ImRect rect;                    // absolute, as drawn in that frame
  ImGuiID focusScope = 0;
  bool textField = false;  // ImGuiItemFlags_Inputable: landing on it starts editing
};

// The stops of this frame and of the previous one, in submission order. applyKeyboardFocus()
// runs before the app draws anything, so it reads the previous frame's complete list.
struct TabStops {
  const ImGuiContext* context = nullptr;
  int frame = -1;  // the frame `current` belongs to
  std::vector<TabStop> current;
  std::vector<TabStop> previous;  // frame - 1 (empty when that frame drew nothing)
  bool focusNext = false;         // focusNextItem(): the next stop drawn takes focus
  bool enterSpent = false;        // Enter activated a control and is not released yet
  ImGuiID mirrorFocus = 0;        // requestFocusFromMirror(): focus this control next frame
  bool mirrorActivate = false;    // ... and activate it (requestActivateFromMirror)
};

TabStops& tabStops() {
  static TabStops s;
  return s;
}

// Starts a new list when a new frame (or another ImGui context) begins.
TabStops& tabStopsFor(const ImGuiContext& g) {
  TabStops& s = tabStops();
  if (s.context != &g) {
    s = TabStops{};
    s.context = &g;
  }
  if (s.frame != g.FrameCount) {
    if (s.frame == g.FrameCount - 1) {
      s.previous.swap(s.current);
    } else {
      s.previous.clear();
    }
    s.current.clear();
    s.focusNext = false;  // a request not taken in its frame (nothing drawn after it) lapses
    s.frame = g.FrameCount;
  }
  return s;
}

bool keyPressed(const ImGuiContext& g, ImGuiKey key) {
  const int index = g.IO.KeyMap[key];
  return index >= 0 && ImGui::IsKeyPressed(index, true);
}

// The previous frame's stops whose windows still exist and that are real controls (not the
// item a scrolling child window registers in its parent, which ImGui's arrow navigation
// uses to enter the child: Tab goes straight to the controls inside).
std::vector<const TabStop*> previousStops(const ImGuiContext& g) {
  std::vector<const TabStop*> out;
  const TabStops& s = tabStopsFor(g);
  std::unordered_set<const ImGuiWindow*> windows;
  std::unordered_set<ImGuiID> childIds;
  for (ImGuiWindow* w : g.Windows) {
    windows.insert(w);
    if (w->Flags & ImGuiWindowFlags_ChildWindow) childIds.insert(w->ChildId);
  }
  std::unordered_set<ImGuiID> seen;
  for (const TabStop& stop : s.previous) {
    if (!windows.count(stop.window) || !stop.window->WasActive || childIds.count(stop.id)) continue;
    if (!seen.insert(stop.id).second) continue;
    out.push_back(&stop);
  }
  return out;
}

// Tab cycles within one root window: the one with keyboard focus when it has stops (a panel,
// an open popup, the screen), otherwise the front-most one that has any.
ImGuiWindow* tabScope(const ImGuiContext& g, const std::vector<const TabStop*>& stops) {
  auto hasStops = [&](const ImGuiWindow* root) {
    for (const TabStop* stop : stops)
      if (stop->window->RootWindow == root) return true;
    return false;
  };
  if (g.NavWindow && hasStops(g.NavWindow->RootWindow)) return g.NavWindow->RootWindow;
  for (int i = g.Windows.Size - 1; i >= 0; --i) {  // g.Windows is back to front
    ImGuiWindow* w = g.Windows[i];
    if (w->WasActive && w == w->RootWindow && hasStops(w)) return w;
  }
  return nullptr;
}

void showFocusRing(ImGuiContext& g) {
  g.NavDisableHighlight = false;
  g.NavDisableMouseHover = true;  // the mouse hover look comes back when the mouse moves
  g.NavMousePosDirty = true;
}

// The one way keyboard focus moves to a control: Tab / Shift-Tab (showRing) and
// focusNextItem() when a panel opens (the ring shows only if the keyboard was used last).
// `startEditing`: a text field it lands on starts editing (not when the ARIA mirror's own
// <input> is the editor).
void focusStop(ImGuiContext& g, const TabStop& stop, bool showRing, bool startEditing = true) {
  if (g.ActiveId != 0 && g.ActiveId != stop.id) ImGui::ClearActiveID();  // leave the field
  ImGui::FocusWindow(stop.window);
  // A window that appears asks ImGui to focus its first item next frame: this choice wins.
  g.NavInitRequest = false;
  g.NavInitResultId = 0;
  ImGui::SetNavID(stop.id, ImGuiNavLayer_Main, stop.focusScope,
                  ImGui::WindowRectAbsToRel(stop.window, stop.rect));
  g.NavJustMovedToId = stop.id;
  g.NavJustMovedToFocusScopeId = stop.focusScope;
  // Applied when the window begins this frame, so the control is on screen when drawn.
  // From the mirror (startEditing false) the control is centred: the mirror holds only what
  // is drawn, so the controls after it must be on screen before the next Tab can reach them.
  ImGui::ScrollToRectEx(
      stop.window, stop.rect,
      ImGuiScrollFlags_KeepVisibleEdgeX |
          (startEditing ? ImGuiScrollFlags_KeepVisibleEdgeY : ImGuiScrollFlags_AlwaysCenterY));
  if (stop.textField && startEditing) {
    // As ImGui's own tabbing does: the field starts editing with its text selected.
    g.NavActivateInputId = stop.id;
    g.NavActivateFlags = ImGuiActivateFlags_PreferInput | ImGuiActivateFlags_TryToPreserveState;
  }
  if (showRing) showFocusRing(g);
}

void handleTab(ImGuiContext& g, bool backwards) {
  // Only a text field being edited gives way to Tab; a held button or a dragged scrollbar
  // keeps it.
  if (g.ActiveId != 0 && g.ActiveId != g.InputTextState.ID) return;
  const std::vector<const TabStop*> all = previousStops(g);
  const ImGuiWindow* scope = tabScope(g, all);
  if (!scope) return;
  std::vector<const TabStop*> stops;
  for (const TabStop* stop : all)
    if (stop->window->RootWindow == scope) stops.push_back(stop);
  const int n = static_cast<int>(stops.size());
  int current = -1;
  for (int i = 0; i < n && current < 0; ++i)
    if (stops[i]->id == g.NavId) current = i;

  int next;
  if (current < 0) {
    next = backwards ? n - 1 : 0;
  } else if (g.NavDisableHighlight && g.ActiveId == 0) {
    // Focus is somewhere but not shown (ImGui put it on a window's first control when the
    // window opened, or the mouse was used last): the first Tab shows it where it is.
    next = current;
  } else {
    next = (current + (backwards ? n - 1 : 1)) % n;
  }
  focusStop(g, *stops[next], true);
}

void handleEnter(ImGuiContext& g) {
  if (g.ActiveId != 0 || g.NavId == 0 || g.NavDisableHighlight || !g.NavWindow ||
      (g.NavWindow->Flags & ImGuiWindowFlags_NoNavInputs))
    return;
  for (const TabStop* stop : previousStops(g)) {
    if (stop->id != g.NavId) continue;
    // A text field already handles Enter (ImGui starts editing it); anything else is
    // activated exactly as Space would: ButtonBehavior() sees NavActivateId this frame.
    if (!stop->textField) {
      g.NavActivateId = g.NavActivateDownId = g.NavActivatePressedId = g.NavId;
      g.NavActivateInputId = 0;
      g.NavActivateFlags = ImGuiActivateFlags_None;
      tabStopsFor(g).enterSpent = true;
    }
    return;
  }
}

}  // namespace

void noteTabStop(ImGuiContext& g, ImGuiID id, const ImRect& rect) {
  ImGuiWindow* window = g.CurrentWindow;
  if (!window || id == 0 || g.LastItemData.ID != id) return;
  const ImGuiItemFlags flags = g.LastItemData.InFlags;
  if (flags & (ImGuiItemFlags_NoNav | ImGuiItemFlags_NoTabStop | ImGuiItemFlags_Disabled)) return;
  if ((window->Flags & ImGuiWindowFlags_NoNavInputs) || window->IsFallbackWindow) return;
  if (window->DC.NavLayerCurrent != ImGuiNavLayer_Main) return;
  TabStops& s = tabStopsFor(g);
  s.current.push_back({id, window, rect, window->DC.NavFocusScopeIdCurrent,
                       (flags & ImGuiItemFlags_Inputable) != 0});
  if (s.focusNext) {
    // Called from ItemAdd, before the widget reads the nav state: a text field starts
    // editing in this very frame.
    s.focusNext = false;
    focusStop(g, s.current.back(), false);
  }
}

void focusNextItem(ImGuiContext& g) { tabStopsFor(g).focusNext = true; }

namespace {

// An Enter that activated a control (say "New token") is still down for a frame or more,
// and ImGui repeats a held key: the text field or button that the activation focused would
// take that same press as its own (a field stops editing, a dialog's first button fires).
// So until Enter is released, nothing sees it as pressed.
void swallowSpentEnter(ImGuiContext& g) {
  TabStops& s = tabStopsFor(g);
  if (!s.enterSpent) return;
  bool down = false;
  for (const ImGuiKey key : {ImGuiKey_Enter, ImGuiKey_KeyPadEnter}) {
    const int index = g.IO.KeyMap[key];
    if (index < 0 || !g.IO.KeysDown[index]) continue;
    down = true;
    g.IO.KeysDownDuration[index] = -1.0f;  // what IsKeyPressed() reads: not pressed, no repeat
  }
  s.enterSpent = down;
}

// Focus or activation asked for by the ARIA mirror (DOM focus moved to a control's element,
// or Enter/Space/click on it): done the way Tab and Enter do it, through ImGui's nav state.
void applyMirrorRequest(ImGuiContext& g) {
  TabStops& s = tabStopsFor(g);
  const ImGuiID target = s.mirrorFocus;
  const bool activate = s.mirrorActivate;
  s.mirrorFocus = 0;
  s.mirrorActivate = false;
  if (target == 0) return;
  for (const TabStop* stop : previousStops(g)) {
    if (stop->id != target) continue;
    focusStop(g, *stop, true, false);
    if (activate && !stop->textField) {
      g.NavActivateId = g.NavActivateDownId = g.NavActivatePressedId = stop->id;
      g.NavActivateInputId = 0;
      g.NavActivateFlags = ImGuiActivateFlags_None;
    }
    return;
  }
}

}  // namespace

void requestFocusFromMirror(const ImGuiContext& g, ImGuiID id) {
  TabStops& s = tabStopsFor(g);
  if (s.mirrorFocus != id) s.mirrorActivate = false;
  s.mirrorFocus = id;
}

void requestActivateFromMirror(const ImGuiContext& g, ImGuiID id) {
  TabStops& s = tabStopsFor(g);
  s.mirrorFocus = id;
  s.mirrorActivate = true;
}

namespace {

bool tabOrEnterHandledByMirror(ImGuiContext& g) {
  const TabStops& s = tabStopsFor(g);
  if (s.mirrorFocus == 0) return false;
  applyMirrorRequest(g);
  return true;
}

}  // namespace

void applyKeyboardFocus(ImGuiContext& g) {
  swallowSpentEnter(g);
  if (tabOrEnterHandledByMirror(g)) return;
  const ImGuiIO& io = g.IO;
  const bool tab = keyPressed(g, ImGuiKey_Tab) && !io.KeyCtrl && !io.KeyAlt && !io.KeySuper;
  if (tab) {
    // ImGui 1.86 queued its own Tab request (text fields only) in NewFrame: drop it so a
    // Tab moves focus exactly once.
    if (g.NavMoveSubmitted && (g.NavMoveFlags & ImGuiNavMoveFlags_Tabbing) &&
        !(g.NavMoveFlags & ImGuiNavMoveFlags_FocusApi))
      ImGui::NavMoveRequestCancel();
    handleTab(g, io.KeyShift);
    return;
  }
  if (keyPressed(g, ImGuiKey_Enter) || keyPressed(g, ImGuiKey_KeyPadEnter)) handleEnter(g);
}

bool hasKeyboardFocus(const ImGuiContext& g, ImGuiID id) {
  return id != 0 && g.NavId == id && (!g.NavDisableHighlight || g.ActiveId == id);
}

}  // namespace patdesk::ui
