// The functions web/shell.js calls: input, resize, the address, paste, config.json, and the
// test hook's frame and state queries. Each one queues or records what happened and asks for
// a frame; drawing happens in web_main.cpp.
#include <emscripten.h>
#include <imgui.h>

#include <cmath>
#include <cstdlib>
#include <string>

#include "core/app/state_json.h"
#include "platform/web/page.h"

extern "C" {

EMSCRIPTEN_KEEPALIVE void patdesk_resize(int cssWidth, int cssHeight, double devicePixelRatio) {
  auto& p = patdesk::web::page();
  p.cssWidth = cssWidth;
  p.cssHeight = cssHeight;
  float dpr = static_cast<float>(devicePixelRatio);
  p.pendingScale = dpr < 0.5f ? 0.5f : (dpr > 4.0f ? 4.0f : dpr);
  p.shownFingerprint = 0;  // setting a canvas's size clears it, even to the same size
  emscripten_set_canvas_element_size("#canvas",
                                     static_cast<int>(std::lround(cssWidth * p.pendingScale)),
                                     static_cast<int>(std::lround(cssHeight * p.pendingScale)));
  patdesk::web::requestFrame();
}

EMSCRIPTEN_KEEPALIVE void patdesk_pointer_move(double cssX, double cssY) {
  patdesk::web::pushPointer(patdesk::web::InputEvent::Kind::PointerMove, cssX, cssY, 0, false);
}

EMSCRIPTEN_KEEPALIVE void patdesk_pointer_button(double cssX, double cssY, int button, int down) {
  patdesk::web::pushPointer(patdesk::web::InputEvent::Kind::PointerButton, cssX, cssY, button,
                            down != 0);
}

EMSCRIPTEN_KEEPALIVE void patdesk_wheel(double dx, double dy) {
  patdesk::web::page().input.push({patdesk::web::InputEvent::Kind::Wheel,
                                   static_cast<float>(dx),
                                   static_cast<float>(dy),
                                   0,
                                   false,
                                   {}});
  patdesk::web::requestFrame();
}

// The fragment changed in an open tab (a create link pasted into the address bar): read it.
EMSCRIPTEN_KEEPALIVE void patdesk_address_changed() {
  auto& p = patdesk::web::page();
  if (p.app) p.app->readAddressLink();
  patdesk::web::requestFrame();
}

// The browser's paste event for a Ctrl+V: ImGui pastes it when it handles the shortcut.
EMSCRIPTEN_KEEPALIVE void patdesk_paste_shortcut(const char* utf8) {
  auto& p = patdesk::web::page();
  p.pendingPaste = utf8 ? utf8 : "";
  p.pendingPasteFrame = p.frameCount;
  patdesk::web::requestFrame();
}

EMSCRIPTEN_KEEPALIVE void patdesk_text(const char* utf8) {
  if (!utf8 || !*utf8) return;
  patdesk::web::page().input.push({patdesk::web::InputEvent::Kind::Text, 0, 0, 0, false, utf8});
  patdesk::web::requestFrame();
}

// Focus left the page: release everything so no key stays stuck down.
EMSCRIPTEN_KEEPALIVE void patdesk_blur() {
  ImGuiIO& io = ImGui::GetIO();
  for (int k = 0; k < 512; ++k) {
    if (io.KeysDown[k])
      patdesk::web::page().input.push({patdesk::web::InputEvent::Kind::Key, 0, 0, k, false, {}});
  }
  patdesk::web::requestFrame();
}

EMSCRIPTEN_KEEPALIVE void patdesk_request_frame() { patdesk::web::requestFrame(); }

// shell.js: build the full font atlas (every glyph, the mono face). It asks once the first
// screen is up and the page is idle, or at once when the page is back from sign-in.
EMSCRIPTEN_KEEPALIVE void patdesk_load_all_glyphs() {
  patdesk::web::page().glyphsWanted = patdesk::web::Glyphs::All;
  patdesk::web::requestFrame();
}

// shell.js hands over config.json (see patdesk_js_take_config); `text` is malloc'd here.
// `csp` is the page's Content-Security-Policy (shell.js reads its meta tag), also malloc'd.
EMSCRIPTEN_KEEPALIVE void patdesk_config_loaded(int status, char* text, char* csp) {
  auto& p = patdesk::web::page();
  if (p.app)
    p.app->start(status, text ? std::string(text) : std::string(),
                 csp ? std::string(csp) : std::string());
  std::free(text);
  std::free(csp);
  patdesk::web::requestFrame();
}

// Frames drawn so far, and whether more are due: tests wait for the UI to settle.
EMSCRIPTEN_KEEPALIVE unsigned patdesk_frame_count() { return patdesk::web::page().frameCount; }
EMSCRIPTEN_KEEPALIVE int patdesk_frame_pending() {
  auto& p = patdesk::web::page();
  return (p.framePending || p.framesWanted > 0 || !p.input.empty()) ? 1 : 0;
}

// Non-secret app state for window.patdesk.state(); never a token or PAT value.
EMSCRIPTEN_KEEPALIVE const char* patdesk_state_json() {
  static std::string json;
  auto& p = patdesk::web::page();
  json = p.app ? patdesk::app::stateJson(p.app->state(), p.clock.nowMs()) : std::string("{}");
  return json.c_str();
}

}  // extern "C"
