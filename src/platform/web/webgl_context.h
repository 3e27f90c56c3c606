// The page's one WebGL2 context, created on the canvas with the attributes patdesk needs.
#pragma once

#include <emscripten/html5.h>

namespace patdesk::web {

// A handle > 0, or <= 0 when the browser refuses WebGL2.
EMSCRIPTEN_WEBGL_CONTEXT_HANDLE createWebGl2Context(const char* selector);

}  // namespace patdesk::web
