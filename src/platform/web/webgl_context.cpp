#include "platform/web/webgl_context.h"

namespace patdesk::web {

EMSCRIPTEN_WEBGL_CONTEXT_HANDLE createWebGl2Context(const char* selector) {
  // WebGL2 with only what ImGui uses: an opaque colour buffer (every frame clears it to opaque
  // black and draws over all of it, so the page shows the same), no depth or stencil buffer and
  // no multisampling (ImGui anti-aliases its own edges). Each buffer left out is memory the
  // browser need not allocate, clear and composite on every frame; in software GL that is
  // time, most of all for the first frame.
  EmscriptenWebGLContextAttributes attributes;
  emscripten_webgl_init_context_attributes(&attributes);
  attributes.majorVersion = 2;
  attributes.minorVersion = 0;
  attributes.alpha = EM_FALSE;
  attributes.depth = EM_FALSE;
  attributes.stencil = EM_FALSE;
  attributes.antialias = EM_FALSE;
  // No WebGL extensions: ImGui's OpenGL3 backend uses WebGL2 core only (vertex arrays are
  // core in WebGL2). Emscripten would otherwise enable every extension it knows at creation,
  // each one a call into the browser before the first frame.
  attributes.enableExtensionsByDefault = EM_FALSE;
  return emscripten_webgl_create_context(selector, &attributes);
}

}  // namespace patdesk::web
