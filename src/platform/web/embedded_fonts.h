// Font files compiled into the wasm by tools/embed_fonts.py (see cmake/WebApp.cmake).
#pragma once

#include <cstddef>

namespace patdesk::web {

struct EmbeddedFont {
  const unsigned char* data;
  size_t size;
};

EmbeddedFont interRegular();
EmbeddedFont interSemiBold();
EmbeddedFont jetBrainsMonoRegular();

}  // namespace patdesk::web
