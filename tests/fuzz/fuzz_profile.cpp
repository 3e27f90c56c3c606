// decodeProfile over arbitrary bytes. Invariants: a decoded profile has an id; failures are
// "devops.malformed"; a leading UTF-8 BOM changes nothing.
#include "core/devops/decoders.h"
#include "fuzz_common.h"

using namespace patdesk;
using namespace patdesk::devops;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string body = fuzz::bytes(data, size);
  const auto r = decodeProfile(body);
  if (r.ok()) {
    FUZZ_CHECK(!r.value().id.empty());
  } else {
    FUZZ_CHECK(r.error().code == "devops.malformed");
  }
  if (!fuzz::startsWith(body, fuzz::kBom)) {
    const auto withBom = decodeProfile(fuzz::kBom + body);
    FUZZ_CHECK(withBom.ok() == r.ok());
    if (r.ok()) {
      FUZZ_CHECK(withBom.value().id == r.value().id);
      FUZZ_CHECK(withBom.value().displayName == r.value().displayName);
      FUZZ_CHECK(withBom.value().email == r.value().email);
    }
  }
  return 0;
}
