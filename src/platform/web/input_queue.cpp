#include "platform/web/input_queue.h"

#include "platform/web/dom_keys.h"

#include <imgui.h>

#include <set>

namespace patdesk::web {

bool InputQueue::applyToImGui() {
  ImGuiIO& io = ImGui::GetIO();
  std::set<int> keysChanged;
  std::set<int> buttonsChanged;
  bool anyKeyChanged = false;
  while (!events_.empty()) {
    InputEvent& e = events_.front();
    switch (e.kind) {
      case InputEvent::Kind::PointerMove:
        // A move after a press or release in this frame belongs to the next frame: a touch
        // tap ends with "release, then move away", and ImGui must see the release where
        // the finger was, or the tap is not a click.
        if (!buttonsChanged.empty()) return true;
        io.MousePos = ImVec2(e.x, e.y);
        break;
      case InputEvent::Kind::PointerButton:
        if (e.code < 0 || e.code >= 5) break;
        if (buttonsChanged.count(e.code)) return true;  // next frame
        buttonsChanged.insert(e.code);
        io.MousePos = ImVec2(e.x, e.y);
        io.MouseDown[e.code] = e.down;
        break;
      case InputEvent::Kind::Wheel:
        io.MouseWheelH += e.x;
        io.MouseWheel += e.y;
        break;
      case InputEvent::Kind::Key:
        if (e.code < 0 || e.code >= 512) break;
        if (keysChanged.count(e.code)) return true;  // next frame
        keysChanged.insert(e.code);
        anyKeyChanged = true;
        io.KeysDown[e.code] = e.down;
        io.KeyCtrl = io.KeysDown[dom_key::Control];
        io.KeyShift = io.KeysDown[dom_key::Shift];
        io.KeyAlt = io.KeysDown[dom_key::Alt];
        io.KeySuper = io.KeysDown[dom_key::MetaLeft] || io.KeysDown[dom_key::MetaRight] ||
                      io.KeysDown[dom_key::MetaFirefox];
        break;
      case InputEvent::Kind::Text:
        // ImGui handles typed characters before keys inside a text field, so text that
        // follows a key press in the same frame would land before it: defer it.
        if (anyKeyChanged) return true;
        io.AddInputCharactersUTF8(e.text.c_str());
        break;
    }
    events_.pop_front();
  }
  return false;
}

}  // namespace patdesk::web
