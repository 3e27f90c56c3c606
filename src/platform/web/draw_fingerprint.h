// A fingerprint of one frame's ImGui draw data, so that a frame identical to the one on the
// canvas is not drawn again.
//
// Why: frames are drawn on demand, and each change is followed by a few frames that let
// ImGui's layout settle; most of those come out exactly like the frame before. Drawing one
// costs GPU work and, where the browser composites without a GPU (software rendering, as in
// headless Chromium), a read-back of the whole canvas that holds up the page's main thread.
// A frame that is not drawn leaves the canvas as it is, which is what it would show.
#pragma once

#include <cstdint>

struct ImDrawData;

namespace patdesk::web {

// Covers all that reaches the screen: the display size, every command's clip rectangle,
// texture and element range, and every vertex and index.
std::uint64_t drawFingerprint(const ImDrawData& data);

}  // namespace patdesk::web
