// decodeAccounts over arbitrary bytes. Invariants: every organization has a name; failures are
// "devops.malformed"; a leading UTF-8 BOM changes nothing.
#include "core/devops/decoders.h"
#include "fuzz_common.h"

using namespace patdesk;
using namespace patdesk::devops;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string body = fuzz::bytes(data, size);
  const auto r = decodeAccounts(body);
  if (r.ok()) {
    for (const auto& org : r.value()) FUZZ_CHECK(!org.name.empty());
  } else {
    FUZZ_CHECK(r.error().code == "devops.malformed");
  }
  if (!fuzz::startsWith(body, fuzz::kBom)) {
    const auto withBom = decodeAccounts(fuzz::kBom + body);
    FUZZ_CHECK(withBom.ok() == r.ok());
    if (r.ok()) {
      FUZZ_CHECK(withBom.value().size() == r.value().size());
      for (size_t i = 0; i < r.value().size(); ++i) {
        FUZZ_CHECK(withBom.value()[i].name == r.value()[i].name);
        FUZZ_CHECK(withBom.value()[i].id == r.value()[i].id);
      }
    }
  }
  return 0;
}
