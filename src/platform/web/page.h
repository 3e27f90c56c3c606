// The page's one state: the browser capabilities, the App, queued input, the fonts and the
// frame bookkeeping. Shared by the frame loop (web_main.cpp) and the functions web/shell.js
// calls (entry_points.cpp); nothing else includes it.
#pragma once

#include <emscripten/html5.h>
#include <imgui.h>

#include <cstdint>
#include <memory>
#include <string>

#include "core/app/app.h"
#include "platform/web/browser_capabilities.h"
#include "platform/web/browser_download.h"
#include "platform/web/fonts.h"
#include "platform/web/input_queue.h"
#include "platform/web/web_http.h"
#include "ui/app_ui.h"

namespace patdesk::web {

struct Page {
  EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
  WebHttpClient http;
  BrowserRandom random;
  BrowserSessionStore session;
  BrowserNavigation navigation;
  BrowserClipboard clipboard;
  BrowserClock clock;
  BrowserDownload download;
  std::unique_ptr<app::App> app;
  InputQueue input;
  ui::Fonts fonts;
  float scale = 1.0f;                    // devicePixelRatio the fonts and style were built for
  Glyphs glyphs = Glyphs::FirstScreens;  // what the atlas holds
  Glyphs glyphsWanted = Glyphs::FirstScreens;  // what it should hold (patdesk_load_all_glyphs)
  float pendingScale = 1.0f;
  int cssWidth = 0, cssHeight = 0;
  bool framePending = false;
  int framesWanted = 0;     // a few frames after each change let ImGui settle layout
  unsigned frameCount = 0;  // frames drawn so far (window.patdesk.frame(), for tests)
  double lastFrameTime = 0;
  bool firstFrameDone = false;
  double startedAtMs = 0;  // when start() ran (app::firstFrameWaits counts from it)
  bool firstFrameTimerSet = false;
  bool backFromSignIn = false;         // this load carries an authorization response (shell.js)
  bool gpuWarmedUp = false;            // warmUpImGuiPipeline() ran (once, before the first frame)
  std::uint64_t shownFingerprint = 0;  // of the frame on the canvas; 0: draw the next one
  bool readyMarked = false;
  bool textInputActive = false;
  bool darkTheme = true;
  ImGuiMouseCursor cursor = -2;  // the cursor last sent to the page (-2: none sent yet)
  std::string title;
  std::string redirectUri;
  // Text of a Ctrl+V paste, handed to ImGui through its clipboard hook: ImGui ignores typed
  // characters while Ctrl is held, so Ctrl+V text must take ImGui's own paste path.
  std::string pendingPaste;
  unsigned pendingPasteFrame = 0;
};

Page& page();

// Asks for an animation frame, and for `frames` frames in all (ImGui settles a changed layout
// over a few frames).
void requestFrame(int frames = 3);

// A pointer event in CSS pixels, queued in device pixels for the next frame.
void pushPointer(InputEvent::Kind kind, double cssX, double cssY, int button, bool down);

// Creates the GL context and the App, and asks for config.json (main()).
void start();

}  // namespace patdesk::web
