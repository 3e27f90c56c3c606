// The frame loop: creates the WebGL2 context (html5.h), reads config.json, starts the App,
// and draws frames ON DEMAND: a frame is requested only by input, a network/timer
// completion, a resize, or a running animation. An idle page does no frame work at all.
// What web/shell.js calls in is in entry_points.cpp; the state both share is page.h.
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "core/app/app.h"
#include "core/app/first_frame.h"
#include "core/app/state_json.h"
#include "platform/web/a11y_bridge.h"
#include "platform/web/browser_capabilities.h"
#include "platform/web/dom_keys.h"
#include "platform/web/draw_fingerprint.h"
#include "platform/web/fonts.h"
#include "platform/web/gpu_warm_up.h"
#include "platform/web/page.h"
#include "platform/web/page_title.h"
#include "platform/web/test_hook.h"
#include "platform/web/webgl_context.h"
#include "ui/app_ui.h"
#include "ui/imgui_ext/visible_items.h"

// clang-format off
EM_JS(void, patdesk_js_first_frame, (), { window.patdeskShell.firstFrame(); });
EM_JS(void, patdesk_js_no_webgl, (), { window.patdeskShell.noWebGL(); });
EM_JS(void, patdesk_js_set_text_input, (int active), { window.patdeskShell.setTextInputActive(!!active); });
EM_JS(void, patdesk_js_set_title, (const char* title), { document.title = UTF8ToString(title); });
EM_JS(int, patdesk_js_back_from_sign_in, (), { return window.patdeskShell.backFromSignIn ? 1 : 0; });
EM_JS(int, patdesk_js_prefers_dark, (), {
  return (window.matchMedia && window.matchMedia('(prefers-color-scheme: light)').matches) ? 0 : 1;
});
EM_JS(void, patdesk_js_set_cursor, (const char* cursor), { window.patdeskShell.setCursor(UTF8ToString(cursor)); });
EM_JS(void, patdesk_js_mark, (const char* name), { window.patdeskShell.mark(UTF8ToString(name)); });
// config.json was requested by shell.js at page start, in parallel with patdesk.js and the
// wasm; it answers at once when the file is already here (then the first frame is the
// sign-in screen, not "loading"), else when it arrives. Status 0 = network error.
EM_JS(void, patdesk_js_take_config, (), {
  window.patdeskShell.takeConfig(function(status, text, csp) {
    var n = lengthBytesUTF8(text) + 1; var p = _malloc(n); stringToUTF8(text, p, n);
    var m = lengthBytesUTF8(csp) + 1; var c = _malloc(m); stringToUTF8(csp, c, m);
    Module._patdesk_config_loaded(status, p, c);
  });
});
// clang-format on

namespace patdesk::web {

Page& page() {
  static Page p;
  return p;
}

namespace {
EM_BOOL onAnimationFrame(double timeMs, void*);
}  // namespace

void requestFrame(int frames) {
  Page& p = page();
  if (frames > p.framesWanted) p.framesWanted = frames;
  if (!p.framePending) {
    p.framePending = true;
    emscripten_request_animation_frame(onAnimationFrame, nullptr);
  }
}

void pushPointer(InputEvent::Kind kind, double cssX, double cssY, int button, bool down) {
  Page& p = page();
  const auto x = static_cast<float>(cssX * p.pendingScale);
  const auto y = static_cast<float>(cssY * p.pendingScale);
  p.input.push({kind, x, y, button, down, {}});
  requestFrame();
}

namespace {

void applyScaleIfChanged() {
  Page& p = page();
  if (p.fonts.body && p.pendingScale == p.scale && p.glyphs == p.glyphsWanted) return;
  p.scale = p.pendingScale;
  p.glyphs = p.glyphsWanted;
  if (!p.firstFrameDone) patdesk_js_mark("atlas-start");
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  p.fonts = loadFonts(p.scale, p.glyphs);
  ImGui_ImplOpenGL3_CreateFontsTexture();
  ui::applyTheme(p.darkTheme, p.scale);
  p.shownFingerprint = 0;  // new texture contents, maybe under the same vertices
  patdesk_js_mark(p.glyphs == Glyphs::All ? "atlas-all-glyphs" : "atlas-built");
}

// The GPU process compiles the first frame's pipeline (warmUpImGuiPipeline) while this thread
// builds the font atlas, instead of both happening inside the first frame.
void prepareFirstFrame() {
  Page& p = page();
  if (!p.gpuWarmedUp) {
    p.gpuWarmedUp = true;
    warmUpImGuiPipeline(static_cast<int>(std::lround(p.cssWidth * p.pendingScale)),
                        static_cast<int>(std::lround(p.cssHeight * p.pendingScale)));
    patdesk_js_mark("gpu-warmed");
  }
  applyScaleIfChanged();
}

void drawFrame(double timeMs) {
  Page& p = page();
  applyScaleIfChanged();
  ImGuiIO& io = ImGui::GetIO();
  const int fbWidth = static_cast<int>(std::lround(p.cssWidth * p.scale));
  const int fbHeight = static_cast<int>(std::lround(p.cssHeight * p.scale));
  io.DisplaySize = ImVec2(static_cast<float>(fbWidth), static_cast<float>(fbHeight));
  io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
  double dt = (p.lastFrameTime > 0) ? (timeMs - p.lastFrameTime) / 1000.0 : 1.0 / 60.0;
  io.DeltaTime = static_cast<float>(dt <= 0 ? 1.0 / 60.0 : (dt > 0.1 ? 0.1 : dt));
  p.lastFrameTime = timeMs;

  const bool moreInput = p.input.applyToImGui();
  p.app->tick();
  const app::AppState& state = p.app->state();
  if (state.darkTheme != p.darkTheme) {
    p.darkTheme = state.darkTheme;
    ui::applyTheme(p.darkTheme, p.scale);
  }

  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  ui::beginItemCollection(ImGui::GetCurrentContext());
  std::vector<app::Intent> intents;
  ui::UiFrameInput in{state, p.app->secret(), p.clock.nowMs(), p.scale, p.fonts, p.redirectUri};
  ui::drawApp(in, intents);
  ImGui::Render();

  const std::uint64_t fingerprint = drawFingerprint(*ImGui::GetDrawData());
  if (fingerprint != p.shownFingerprint) {  // else the canvas already shows it
    p.shownFingerprint = fingerprint;
    glViewport(0, 0, fbWidth, fbHeight);
    // The root window draws no background of its own (app_ui.cpp): the clear is its colour.
    const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(background.x, background.y, background.z, 1.f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  }
  if (!p.firstFrameDone) patdesk_js_mark("first-frame-rendered");
  publishItems(ui::collectedItems(), p.scale);
  // Before the text field focus below: the mirror decides first whether DOM focus is its own.
  publishA11y(p.scale);
  if (!p.readyMarked && !ui::collectedItems().empty()) {
    p.readyMarked = true;  // the first frame window.patdesk.items() is not empty
    patdesk_js_mark("ready");
  }

  for (const auto& intent : intents) p.app->dispatch(intent);
  if (!intents.empty()) requestFrame();

  // While a field is being edited, re-assert the hidden text input's focus on every frame:
  // the browser can move focus away between frames (a key handled elsewhere, a click that
  // opened a panel), and then typed text would go nowhere. JS only acts when it must.
  if (io.WantTextInput || io.WantTextInput != p.textInputActive) {
    p.textInputActive = io.WantTextInput;
    patdesk_js_set_text_input(p.textInputActive ? 1 : 0);
  }
  // The CSS cursor crosses into JS only when it changes, not on every frame.
  const ImGuiMouseCursor cursor = ImGui::GetMouseCursor();
  if (cursor != p.cursor) {
    p.cursor = cursor;
    patdesk_js_set_cursor(cursor == ImGuiMouseCursor_TextInput ? "text"
                          : cursor == ImGuiMouseCursor_Hand    ? "pointer"
                                                               : "default");
  }
  const char* title = titleFor(p.app->state());
  if (p.title != title) {
    p.title = title;
    patdesk_js_set_title(title);
  }
  if (!p.firstFrameDone) {
    p.firstFrameDone = true;
    patdesk_js_first_frame();
  }
  if (moreInput) requestFrame(2);
}

EM_BOOL onAnimationFrame(double timeMs, void*) {
  Page& p = page();
  p.framePending = false;
  if (!p.app || p.cssWidth <= 0) return EM_FALSE;
  const double sinceStart = emscripten_performance_now() - p.startedAtMs;
  if (!p.firstFrameDone && app::firstFrameWaits(p.app->state(), sinceStart)) {
    // While config.json is still on its way, or once the list calls are out, only answers
    // are awaited: the first frame is prepared meanwhile. Between (the token's answer, the
    // profile, the accounts) each answer is handled at once: the next call depends on it.
    // Back from sign-in config.json is not waited out this way either: the token request goes
    // out the moment it arrives.
    const app::AppState& state = p.app->state();
    if ((state.screen == app::Screen::Loading && !p.backFromSignIn) ||
        (state.screen == app::Screen::Main && !state.organizations.empty()))
      prepareFirstFrame();
    // Each change asks for a frame again; this timer ends the wait at its limit (and does
    // nothing if the first frame came before it: an idle page draws no frames).
    if (!p.firstFrameTimerSet) {
      p.firstFrameTimerSet = true;
      emscripten_set_timeout(
          [](void*) {
            if (!page().firstFrameDone) requestFrame();
          },
          app::kFirstFrameWaitLimitMs - sinceStart, nullptr);
    }
    return EM_FALSE;
  }
  drawFrame(timeMs);
  ++p.frameCount;
  if (!p.pendingPaste.empty() && p.frameCount > p.pendingPasteFrame + 3) {
    std::fill(p.pendingPaste.begin(), p.pendingPaste.end(), '\0');  // may be a secret
    p.pendingPaste.clear();
  }
  if (p.framesWanted > 0) --p.framesWanted;
  // Keep drawing only while something actually changes on screen.
  if (p.framesWanted > 0 || p.app->animating() || !p.input.empty()) requestFrame(0);
  return EM_FALSE;
}

// Keys come from window listeners in the capture phase (registered after a11y_mirror.js's,
// which keeps keys typed in the ARIA mirror away from the canvas). Only Tab and Backspace are
// kept from the browser (focus would leave the page; Backspace could navigate back); every
// other key goes on to the hidden <textarea>, which turns typing into text.
EM_BOOL onKey(int eventType, const EmscriptenKeyboardEvent* e, void*) {
  const int key = keyCodeOf(*e);
  if (key <= 0 || key >= 512) return EM_FALSE;
  const bool down = eventType == EMSCRIPTEN_EVENT_KEYDOWN;
  if (down && e->repeat) {
    // A held key repeats: release then press again so each repeat is one transition.
    page().input.push({InputEvent::Kind::Key, 0, 0, key, false, {}});
  }
  page().input.push({InputEvent::Kind::Key, 0, 0, key, down, {}});
  requestFrame();
  return down && (key == dom_key::Tab || key == dom_key::Backspace);
}

void setupImGui() {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing persisted
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.ConfigInputTextCursorBlink = false;  // a blinking caret would cost frames while idle
  io.BackendPlatformName = "patdesk_web";
  // Paste comes from the browser's paste event: ImGui's clipboard hook only ever returns the
  // text of the Ctrl+V that is being handled (see patdesk_paste_shortcut); copy (Ctrl+C in a
  // field) goes to the system clipboard.
  io.GetClipboardTextFn = [](void*) -> const char* { return page().pendingPaste.c_str(); };
  io.SetClipboardTextFn = [](void*, const char* text) {
    page().clipboard.writeText(text ? text : "", [](bool) {});
  };
  mapImGuiKeys(io);
  ImGui_ImplOpenGL3_Init("#version 300 es");
}

}  // namespace

void start() {
  Page& p = page();
  p.startedAtMs = emscripten_performance_now();
  p.backFromSignIn = patdesk_js_back_from_sign_in() != 0;
  p.gl = createWebGl2Context("#canvas");
  if (p.gl <= 0) {
    patdesk_js_no_webgl();  // the page explains it instead of showing a blank canvas
    return;
  }
  emscripten_webgl_make_context_current(p.gl);
  patdesk_js_mark("gl-context");
  emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, onKey);
  emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, onKey);
  setupImGui();
  patdesk_js_mark("imgui-ready");

  Platform platform{&p.http,      &p.random, &p.session, &p.navigation,
                    &p.clipboard, &p.clock,  &p.download};
  p.app = std::make_unique<app::App>(platform);
  p.app->setOnChanged([] { requestFrame(); });
  p.darkTheme = patdesk_js_prefers_dark() != 0;
  p.app->dispatch(app::intent::SetDarkTheme{p.darkTheme});
  setOnBrowserCallback([] { requestFrame(); });
  p.redirectUri = p.navigation.currentUrl();
  auto cut = p.redirectUri.find_first_of("?#");
  if (cut != std::string::npos) p.redirectUri.resize(cut);

  patdesk_js_take_config();  // on the way back from sign-in this sends the token request
  // shell.js sized the canvas before main(), so the first frame can be prepared now rather
  // than inside the first animation frame. Back from sign-in the first frame waits for the
  // lists: it is prepared during that wait (onAnimationFrame), so that neither the shader
  // compile nor the atlas holds up the handling of the token's answer.
  if (p.cssWidth > 0 && !app::firstFrameWaits(p.app->state(), 0)) prepareFirstFrame();
  requestFrame();
}

}  // namespace patdesk::web

int main() {
  patdesk::web::start();
  return 0;
}
