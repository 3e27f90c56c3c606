#include "platform/web/draw_fingerprint.h"

#include <imgui.h>

#include "core/text/fnv1a.h"

namespace patdesk::web {

// FNV-1a (core/text/fnv1a.h): a collision would leave one changed frame undrawn until the
// next change, which is why a cheap hash is enough.
std::uint64_t drawFingerprint(const ImDrawData& data) {
  text::Fnv1a64 m;
  m.addValue(data.DisplayPos);
  m.addValue(data.DisplaySize);
  m.addValue(data.FramebufferScale);
  m.addValue(data.CmdListsCount);
  for (int n = 0; n < data.CmdListsCount; ++n) {
    const ImDrawList& list = *data.CmdLists[n];
    m.addBytes(list.VtxBuffer.Data,
               static_cast<std::size_t>(list.VtxBuffer.Size) * sizeof(ImDrawVert));
    m.addBytes(list.IdxBuffer.Data,
               static_cast<std::size_t>(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      m.addValue(cmd.ClipRect);
      m.addValue(cmd.TextureId);
      m.addValue(cmd.VtxOffset);
      m.addValue(cmd.IdxOffset);
      m.addValue(cmd.ElemCount);
      m.addValue(cmd.UserCallback != nullptr);
    }
  }
  return m.value();
}

}  // namespace patdesk::web
