// Shared helpers for the libFuzzer targets in tests/fuzz.
// FUZZ_CHECK aborts (a crash libFuzzer saves as an artifact) when an invariant is violated.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#define FUZZ_CHECK(cond)                                                                    \
  do {                                                                                      \
    if (!(cond)) {                                                                          \
      std::fprintf(stderr, "invariant violated at %s:%d: %s\n", __FILE__, __LINE__, #cond); \
      __builtin_trap();                                                                     \
    }                                                                                       \
  } while (0)

namespace patdesk::fuzz {

inline std::string bytes(const uint8_t* data, size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

inline bool startsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Splits "first line\nrest" at the first '\n' (rest is "" when there is none).
inline void splitFirstLine(const std::string& in, std::string& first, std::string& rest) {
  const size_t nl = in.find('\n');
  if (nl == std::string::npos) {
    first = in;
    rest.clear();
  } else {
    first = in.substr(0, nl);
    rest = in.substr(nl + 1);
  }
}

// A leading decimal HTTP status ("-12", "200", "99999"); 0 when there are no digits.
inline int statusFrom(const std::string& line) {
  size_t i = 0;
  bool negative = false;
  if (i < line.size() && line[i] == '-') {
    negative = true;
    ++i;
  }
  long v = 0;
  for (size_t n = 0; i < line.size() && n < 9 && line[i] >= '0' && line[i] <= '9'; ++i, ++n) {
    v = v * 10 + (line[i] - '0');
  }
  return static_cast<int>(negative ? -v : v);
}

inline const char kBom[] = "\xEF\xBB\xBF";

}  // namespace patdesk::fuzz
