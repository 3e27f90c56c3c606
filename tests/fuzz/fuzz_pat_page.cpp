// decodePatPage over arbitrary bytes. Invariants: every token satisfies checkPatToken;
// failures are "devops.malformed"; a leading UTF-8 BOM changes nothing.
#include "core/devops/decoders.h"
#include "fuzz_common.h"
#include "pat_invariants.h"

using namespace patdesk;
using namespace patdesk::devops;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string body = fuzz::bytes(data, size);
  const auto r = decodePatPage(body);
  if (r.ok()) {
    for (const auto& t : r.value().tokens) fuzz::checkPatToken(t);
  } else {
    FUZZ_CHECK(r.error().code == "devops.malformed");
  }
  if (!fuzz::startsWith(body, fuzz::kBom)) {
    const auto withBom = decodePatPage(fuzz::kBom + body);
    FUZZ_CHECK(withBom.ok() == r.ok());
    if (r.ok()) {
      FUZZ_CHECK(withBom.value().continuationToken == r.value().continuationToken);
      FUZZ_CHECK(withBom.value().tokens.size() == r.value().tokens.size());
    }
  }
  return 0;
}
