// FNV-1a, 64-bit: a cheap fingerprint for "has this changed since last time?" checks (the ARIA
// mirror's registry, the frame on the canvas). Not for security or hash tables under attack.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

namespace patdesk::text {

class Fnv1a64 {
 public:
  void add(std::uint64_t value) {
    hash_ ^= value;
    hash_ *= 1099511628211ull;  // FNV prime
  }
  // Raw bytes, 8 at a time (then the tail byte by byte), and their count.
  void addBytes(const void* data, std::size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8) {
      std::uint64_t word;
      std::memcpy(&word, bytes + i, 8);
      add(word);
    }
    for (; i < size; ++i) add(bytes[i]);
    add(size);
  }
  template <typename T>
  void addValue(const T& value) {
    addBytes(&value, sizeof value);
  }
  // Each character, then a terminator, so that "ab"+"c" and "a"+"bc" differ.
  void addText(const std::string& s) {
    for (unsigned char c : s) add(c);
    add(0xff);
  }
  std::uint64_t value() const { return hash_; }

 private:
  std::uint64_t hash_ = 1469598103934665603ull;  // FNV offset basis
};

}  // namespace patdesk::text
