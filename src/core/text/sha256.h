// SHA-256 (FIPS 180-4), for the PKCE S256 challenge. Not used for anything secret-keyed.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace patdesk {

using Sha256Digest = std::array<uint8_t, 32>;

// Incremental hashing: update() any number of times, then finish() once.
class Sha256 {
 public:
  Sha256();
  void update(const uint8_t* data, size_t size);
  void update(std::string_view bytes);
  Sha256Digest finish();

 private:
  void block(const uint8_t* p);
  std::array<uint32_t, 8> h_;
  std::array<uint8_t, 64> buffer_{};
  size_t buffered_ = 0;
  uint64_t totalBytes_ = 0;
};

Sha256Digest sha256(std::string_view bytes);
// Lower-case hex of the digest.
std::string sha256Hex(std::string_view bytes);

}  // namespace patdesk
