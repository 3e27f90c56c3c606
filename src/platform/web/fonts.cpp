#include "platform/web/fonts.h"

#include <imgui.h>

#include "platform/web/embedded_fonts.h"

namespace patdesk::web {
namespace {

// Latin, Latin-1, Latin Extended-A, general punctuation (… — ’ •), arrows, ✓ ✕.
// Latin-1 + Latin Extended-A, dashes/quotes/bullet/ellipsis/per-mille/angle quotes, basic arrows,
// check/cross marks and the status dot. Narrower than whole blocks: every glyph here is in the
// download (tools/embed_fonts.py) and in the atlas built at start-up.
const ImWchar kGlyphRanges[] = {0x0020, 0x017F, 0x2010, 0x2027, 0x2030, 0x203A, 0x2190,
                                0x2199, 0x2713, 0x2715, 0x25CF, 0x25CF, 0};

ImFont* add(const EmbeddedFont& font, float pixels) {
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // static data: the atlas must not free it
  config.OversampleH = 2;
  config.OversampleV = 1;
  config.PixelSnapH = true;
  return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(font.data),
                                                    static_cast<int>(font.size), pixels, &config,
                                                    kGlyphRanges);
}

}  // namespace

ui::Fonts loadFonts(float scale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ui::Fonts fonts;
  fonts.body = add(interRegular(), 15.0f * scale);
  fonts.bodyBold = add(interSemiBold(), 15.0f * scale);
  fonts.heading = add(interSemiBold(), 22.0f * scale);
  fonts.mono = add(jetBrainsMonoRegular(), 14.0f * scale);
  io.FontDefault = fonts.body;
  io.Fonts->Build();
  return fonts;
}

}  // namespace patdesk::web
