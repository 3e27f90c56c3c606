// decodePatTokenResult and decodePatToken over arbitrary bytes. Invariants: patTokenError is
// never empty ("none" by default); a decoded token satisfies checkPatToken; failures are
// "devops.malformed"; a leading UTF-8 BOM changes nothing.
#include "core/devops/decoders.h"
#include "fuzz_common.h"
#include "pat_invariants.h"

using namespace patdesk;
using namespace patdesk::devops;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string body = fuzz::bytes(data, size);

  const auto r = decodePatTokenResult(body);
  if (r.ok()) {
    FUZZ_CHECK(!r.value().patTokenError.empty());
    if (r.value().patToken) fuzz::checkPatToken(*r.value().patToken);
  } else {
    FUZZ_CHECK(r.error().code == "devops.malformed");
  }

  const auto t = decodePatToken(body);
  if (t.ok()) {
    fuzz::checkPatToken(t.value());
  } else {
    FUZZ_CHECK(t.error().code == "devops.malformed");
  }

  if (!fuzz::startsWith(body, fuzz::kBom)) {
    const std::string bomBody = fuzz::kBom + body;
    const auto r2 = decodePatTokenResult(bomBody);
    FUZZ_CHECK(r2.ok() == r.ok());
    if (r.ok()) {
      FUZZ_CHECK(r2.value().patTokenError == r.value().patTokenError);
      FUZZ_CHECK(r2.value().patToken.has_value() == r.value().patToken.has_value());
    }
    const auto t2 = decodePatToken(bomBody);
    FUZZ_CHECK(t2.ok() == t.ok());
    if (t.ok()) {
      FUZZ_CHECK(t2.value().authorizationId == t.value().authorizationId);
      FUZZ_CHECK(t2.value().validToMs == t.value().validToMs);
    }
  }
  return 0;
}
