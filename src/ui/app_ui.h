// The whole patdesk UI: one call draws a frame from the app state and appends the intents
// the person expressed. The UI never talks to the network and never mutates app state:
// typing into a field emits the changed draft or text as an intent too.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/app/app_state.h"
#include "core/app/intents.h"

namespace patdesk::ui {

struct Fonts {
  ImFont* body = nullptr;  // nullptr = ImGui's default font
  ImFont* bodyBold = nullptr;
  ImFont* heading = nullptr;
  ImFont* mono = nullptr;
};

struct UiFrameInput {
  const app::AppState& state;
  const std::string& secret;  // the new PAT value for the copy-once panel ("" when none)
  int64_t nowMs;              // wall clock (UTC ms)
  float scale;                // devicePixelRatio: every hard-coded size is multiplied by it
  Fonts fonts;
  const std::string& redirectUri;  // for the setup screen's instructions
};

// Draws one full frame of the app into the current ImGui context (one full-viewport window,
// no decorations), appending intents for the App to apply after the frame.
void drawApp(const UiFrameInput& in, std::vector<app::Intent>& intents);

// Colours/rounding/spacing for light or dark, scaled by `scale`. Call when theme or scale
// changes.
void applyTheme(bool dark, float scale);

}  // namespace patdesk::ui
