// Browser input for ImGui 1.86, which reads input as per-frame state rather than
// events. Automation and fast typing deliver key down + up (or pointer down + up)
// between two frames; applied naively, ImGui would never see the press. The queue
// applies events in order and defers any event that would change a key or button a
// second time in the same frame, so every transition is seen by exactly one frame.
#pragma once

#include <deque>
#include <string>

namespace patdesk::web {

struct InputEvent {
  enum class Kind { PointerMove, PointerButton, Wheel, Key, Text } kind;
  float x = 0, y = 0;  // device pixels (PointerMove), or wheel deltas
  int code = 0;        // button index (PointerButton) or dom_keys.h code (Key)
  bool down = false;
  std::string text;  // UTF-8 (Text)
};

class InputQueue {
 public:
  void push(InputEvent e) { events_.push_back(std::move(e)); }
  // Applies what one frame may see to ImGui's IO. Returns true when events remain.
  bool applyToImGui();
  bool empty() const { return events_.empty(); }

 private:
  std::deque<InputEvent> events_;
};

}  // namespace patdesk::web
