#include "platform/web/fonts.h"

#include <imgui.h>

#include "platform/web/embedded_fonts.h"

namespace patdesk::web {
namespace {

// Each face is rasterised for what it draws; tools/embed_fonts.py subsets the downloads to the
// same ranges. Inter: Latin-1 + Latin Extended-A (names people type), dashes/quotes/bullet/
// ellipsis/per-mille/angle quotes, basic arrows, check/cross marks and the status dot.
const ImWchar kTextRanges[] = {0x0020, 0x017F, 0x2010, 0x2027, 0x2030, 0x203A, 0x2190,
                               0x2199, 0x2713, 0x2715, 0x25CF, 0x25CF, 0};
// The first frames (sign-in, setup, "Signing in…") draw only English text: ASCII and the same
// punctuation and symbols, 145 glyphs a face instead of 369. Latin-1 and Latin Extended-A
// (names, descriptions) come with the full atlas a moment later.
const ImWchar kFirstScreenRanges[] = {0x0020, 0x007E, 0x2010, 0x2027, 0x2030, 0x203A, 0x2190,
                                      0x2199, 0x2713, 0x2715, 0x25CF, 0x25CF, 0};
// JetBrains Mono draws only PAT values, GUIDs, scope strings and config.json text: ASCII, plus
// the em dash of an empty field, the bullet that masks a PAT (panel_secret) and the ellipsis.
const ImWchar kMonoRanges[] = {0x0020, 0x007E, 0x2014, 0x2014, 0x2022, 0x2022, 0x2026, 0x2026, 0};

ImFont* add(const EmbeddedFont& font, float pixels, const ImWchar* ranges) {
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // static data: the atlas must not free it
  // PixelSnapH puts every glyph on a whole pixel, so horizontal oversampling would only make
  // the atlas bigger and slower to build without changing what is drawn (imgui_draw docs).
  config.OversampleH = 1;
  config.OversampleV = 1;
  config.PixelSnapH = true;
  return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(
      const_cast<unsigned char*>(font.data), static_cast<int>(font.size), pixels, &config, ranges);
}

}  // namespace

ui::Fonts loadFonts(float scale, Glyphs glyphs) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  const ImWchar* text = glyphs == Glyphs::All ? kTextRanges : kFirstScreenRanges;
  ui::Fonts fonts;
  fonts.body = add(interRegular(), 15.0f * scale, text);
  fonts.bodyBold = add(interSemiBold(), 15.0f * scale, text);
  fonts.heading = add(interSemiBold(), 22.0f * scale, text);
  // No first screen shows a token value: until the full atlas, the mono face is absent (the
  // UI then draws with the body face).
  if (glyphs == Glyphs::All) fonts.mono = add(jetBrainsMonoRegular(), 14.0f * scale, kMonoRanges);
  io.FontDefault = fonts.body;
  io.Fonts->Build();
  return fonts;
}

}  // namespace patdesk::web
