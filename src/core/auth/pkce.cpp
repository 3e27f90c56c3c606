#include "core/auth/pkce.h"

#include <algorithm>
#include <vector>

#include "core/error_codes.h"
#include "core/text/base64url.h"
#include "core/text/sha256.h"

namespace patdesk::auth {
namespace {

bool fill(Random& random, std::vector<uint8_t>& bytes) {
  return random.fill(bytes.data(), bytes.size());
}

void wipe(std::vector<uint8_t>& bytes) {
  volatile uint8_t* p = bytes.data();
  for (size_t i = 0; i < bytes.size(); ++i) p[i] = 0;
}

}  // namespace

Error noSecureRandomError() {
  return makeError(errc::kAuthNoSecureRandom,
                   "This browser did not provide secure random numbers, so patdesk cannot sign you "
                   "in safely.",
                   "Use an up-to-date browser and open patdesk over https:// (or on localhost); "
                   "secure random numbers are not available on plain http pages in some browsers.");
}

std::string pkceChallenge(std::string_view verifier) {
  const Sha256Digest digest = sha256(verifier);
  return base64UrlEncode(digest.data(), digest.size());
}

Result<PkcePair> makePkce(Random& random) {
  std::vector<uint8_t> bytes(32);
  if (!fill(random, bytes)) return noSecureRandomError();
  PkcePair pair;
  pair.verifier = base64UrlEncode(bytes.data(), bytes.size());
  wipe(bytes);
  pair.challenge = pkceChallenge(pair.verifier);
  return pair;
}

Result<std::string> randomToken(Random& random, size_t bytes) {
  std::vector<uint8_t> buffer(std::max(bytes, kMinTokenBytes));
  if (!fill(random, buffer)) return noSecureRandomError();
  std::string token = base64UrlEncode(buffer.data(), buffer.size());
  wipe(buffer);
  return token;
}

Result<std::string> randomUuid(Random& random) {
  std::vector<uint8_t> b(16);
  if (!fill(random, b)) return noSecureRandomError();
  b[6] = static_cast<uint8_t>((b[6] & 0x0F) | 0x40);  // version 4
  b[8] = static_cast<uint8_t>((b[8] & 0x3F) | 0x80);  // RFC 4122 variant
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (size_t i = 0; i < b.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += kHex[b[i] >> 4];
    out += kHex[b[i] & 15];
  }
  return out;
}

}  // namespace patdesk::auth
