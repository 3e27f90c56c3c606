#include "platform/web/dom_keys.h"

#include <imgui.h>

namespace patdesk::web {

int keyCodeOf(const EmscriptenKeyboardEvent& e) {
  const int key = static_cast<int>(e.keyCode);
  if (key == dom_key::Enter && e.location == DOM_KEY_LOCATION_NUMPAD) return dom_key::KeypadEnter;
  return key;
}

void mapImGuiKeys(ImGuiIO& io) {
  const int map[][2] = {{ImGuiKey_Tab, dom_key::Tab},
                        {ImGuiKey_LeftArrow, dom_key::Left},
                        {ImGuiKey_RightArrow, dom_key::Right},
                        {ImGuiKey_UpArrow, dom_key::Up},
                        {ImGuiKey_DownArrow, dom_key::Down},
                        {ImGuiKey_PageUp, dom_key::PageUp},
                        {ImGuiKey_PageDown, dom_key::PageDown},
                        {ImGuiKey_Home, dom_key::Home},
                        {ImGuiKey_End, dom_key::End},
                        {ImGuiKey_Insert, dom_key::Insert},
                        {ImGuiKey_Delete, dom_key::Delete},
                        {ImGuiKey_Backspace, dom_key::Backspace},
                        {ImGuiKey_Space, dom_key::Space},
                        {ImGuiKey_Enter, dom_key::Enter},
                        {ImGuiKey_Escape, dom_key::Escape},
                        {ImGuiKey_KeyPadEnter, dom_key::KeypadEnter},
                        {ImGuiKey_A, dom_key::A},
                        {ImGuiKey_C, dom_key::C},
                        {ImGuiKey_V, dom_key::V},
                        {ImGuiKey_X, dom_key::X},
                        {ImGuiKey_Y, dom_key::Y},
                        {ImGuiKey_Z, dom_key::Z}};
  for (const auto& m : map) io.KeyMap[m[0]] = m[1];
}

}  // namespace patdesk::web
