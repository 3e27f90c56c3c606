// Before the font atlas exists: ImGui's shader program and one 1-pixel draw through ImGui's own
// renderer, so the browser's GPU side compiles what the first frame needs while the main
// thread is still building the atlas.
#pragma once

namespace patdesk::web {

// Creates the OpenGL3 backend's device objects (program, buffers, a 1x1 stand-in font
// texture) and draws one scissored pixel with them into the framebuffer of the given size.
// The real atlas replaces the texture (applyScaleIfChanged); the first frame clears the pixel.
void warmUpImGuiPipeline(int framebufferWidth, int framebufferHeight);

}  // namespace patdesk::web
