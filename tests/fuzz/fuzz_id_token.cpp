// decodeIdToken. Two input forms so the fuzzer reaches the JSON claims despite base64url:
//   "P:<payload JSON>" — wrapped as header.base64url(payload).signature;
//   anything else     — the compact JWT itself.
// Invariants: only a three-part token decodes; a wrapped JSON object always decodes, with the
// claims read back exactly; checkNonce accepts exactly the token's own non-empty nonce.
#include <nlohmann/json.hpp>

#include "core/auth/id_token.h"
#include "core/text/base64url.h"
#include "fuzz_common.h"

using namespace patdesk;
using namespace patdesk::auth;

namespace {

size_t countDots(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += c == '.';
  return n;
}

std::string claim(const nlohmann::json& j, const char* name) {
  auto it = j.find(name);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string in = fuzz::bytes(data, size);
  const bool wrapped = fuzz::startsWith(in, "P:");
  const std::string payload = wrapped ? in.substr(2) : std::string();
  const std::string jwt =
      wrapped ? "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9." + base64UrlEncode(payload) + ".c2ln" : in;

  const auto r = decodeIdToken(jwt);
  if (!r.ok()) {
    FUZZ_CHECK(r.error().code == "auth.bad_id_token");
  } else {
    FUZZ_CHECK(countDots(jwt) == 2);
    const IdTokenClaims& c = r.value();
    FUZZ_CHECK(checkNonce(c, "").ok() == false);
    FUZZ_CHECK(checkNonce(c, c.nonce).ok() == !c.nonce.empty());
    FUZZ_CHECK(!checkNonce(c, c.nonce + "x").ok());
  }

  if (wrapped) {
    const auto j = nlohmann::json::parse(payload, nullptr, /*allow_exceptions=*/false);
    if (!j.is_discarded() && j.is_object()) {
      FUZZ_CHECK(r.ok());
      FUZZ_CHECK(r.value().name == claim(j, "name"));
      FUZZ_CHECK(r.value().preferredUsername == claim(j, "preferred_username"));
      FUZZ_CHECK(r.value().tenantId == claim(j, "tid"));
      FUZZ_CHECK(r.value().objectId == claim(j, "oid"));
      FUZZ_CHECK(r.value().nonce == claim(j, "nonce"));
    } else {
      FUZZ_CHECK(!r.ok());
    }
  }
  return 0;
}
