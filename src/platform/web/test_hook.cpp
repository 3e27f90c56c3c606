#include "platform/web/test_hook.h"

#include <emscripten.h>

#include <cmath>
#include <cstdint>

namespace patdesk::web {
namespace {

struct Published {
  std::vector<ui::VisibleItem> items;
  float scale = 1.0f;
  std::string json = "[]";  // the last answer handed to JS; lives until the next call
};

Published& published() {
  static Published p;
  return p;
}

// Length of the valid UTF-8 sequence at s[i] (1-4), or 0 when it is not valid UTF-8.
size_t utf8SequenceLength(const std::string& s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
  const uint8_t b = byte(i);
  size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  uint32_t cp = n == 1 ? b : n == 2 ? (b & 0x1Fu) : n == 3 ? (b & 0x0Fu) : (b & 0x07u);
  for (size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3Fu);
  }
  const uint32_t minimum[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < minimum[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

void appendJsonString(std::string& out, const std::string& s) {
  static const char kHex[] = "0123456789abcdef";
  out += '"';
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<uint8_t>(s[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else if (c >= 0x80) {
      const size_t n = utf8SequenceLength(s, i);
      if (n == 0) {
        out += "\xEF\xBF\xBD";  // U+FFFD for a byte that starts no valid sequence
        ++i;
        continue;
      }
      out.append(s, i, n);
      i += n;
      continue;
    } else {
      out += static_cast<char>(c);
    }
    ++i;
  }
  out += '"';
}

// CSS pixels to 1/100 px: enough for tests to aim a click, and no printf in the wasm.
void appendNumber(std::string& out, float devicePixels, float scale) {
  long long hundredths = std::llround(static_cast<double>(devicePixels) / scale * 100.0);
  if (hundredths < 0) {
    out += '-';
    hundredths = -hundredths;
  }
  out += std::to_string(hundredths / 100);
  const int fraction = static_cast<int>(hundredths % 100);
  if (fraction != 0) {
    out += '.';
    out += static_cast<char>('0' + fraction / 10);
    if (fraction % 10 != 0) out += static_cast<char>('0' + fraction % 10);
  }
}

}  // namespace

void publishItems(const std::vector<ui::VisibleItem>& items, float scale) {
  Published& p = published();
  p.items = items;  // reuses the vector's and strings' storage from the last frame
  p.scale = scale;
}

std::string itemsJson(const std::vector<ui::VisibleItem>& items, float scale) {
  std::string out = "[";
  for (const auto& item : items) {
    if (out.size() > 1) out += ',';
    out += "{\"label\":";
    appendJsonString(out, item.label);
    const float values[] = {item.x, item.y, item.w, item.h};
    const char* const names[] = {",\"x\":", ",\"y\":", ",\"w\":", ",\"h\":"};
    for (int k = 0; k < 4; ++k) {
      out += names[k];
      appendNumber(out, values[k], scale);
    }
    if (item.focused) out += ",\"focused\":true";  // only on the item with keyboard focus
    out += '}';
  }
  out += ']';
  return out;
}

}  // namespace patdesk::web

extern "C" {
// Serialised only when window.patdesk.items() is called (not on every frame). Relative to the
// canvas; web/shell.js adds the canvas's page offset.
EMSCRIPTEN_KEEPALIVE const char* patdesk_items_json() {
  auto& p = patdesk::web::published();
  p.json = patdesk::web::itemsJson(p.items, p.scale);
  return p.json.c_str();
}
}
