#include "platform/web/draw_fingerprint.h"

#include <imgui.h>

#include <cstring>

namespace patdesk::web {
namespace {

// A fast 64-bit mix, 8 bytes at a time. Not cryptographic: a collision would only leave one
// changed frame undrawn until the next change.
class Mixer {
 public:
  void add(const void* data, std::size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8) {
      std::uint64_t word;
      std::memcpy(&word, bytes + i, 8);
      mix(word);
    }
    for (; i < size; ++i) mix(bytes[i]);
    mix(size);
  }
  template <typename T>
  void addValue(const T& value) {
    add(&value, sizeof value);
  }
  std::uint64_t value() const { return state_; }

 private:
  void mix(std::uint64_t word) {
    state_ ^= word + 0x9e3779b97f4a7c15ULL + (state_ << 6) + (state_ >> 2);
    state_ *= 0xff51afd7ed558ccdULL;
  }
  std::uint64_t state_ = 0xcbf29ce484222325ULL;
};

}  // namespace

std::uint64_t drawFingerprint(const ImDrawData& data) {
  Mixer m;
  m.addValue(data.DisplayPos);
  m.addValue(data.DisplaySize);
  m.addValue(data.FramebufferScale);
  m.addValue(data.CmdListsCount);
  for (int n = 0; n < data.CmdListsCount; ++n) {
    const ImDrawList& list = *data.CmdLists[n];
    m.add(list.VtxBuffer.Data, static_cast<std::size_t>(list.VtxBuffer.Size) * sizeof(ImDrawVert));
    m.add(list.IdxBuffer.Data, static_cast<std::size_t>(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
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
