// Invariants every decoded PatToken satisfies.
#pragma once

#include "core/devops/pat.h"
#include "core/text/iso8601.h"
#include "fuzz_common.h"

namespace patdesk::fuzz {

inline void checkPatToken(const devops::PatToken& t) {
  FUZZ_CHECK(!t.authorizationId.empty());
  // A date string is either absent (ms 0) or an ISO-8601 instant that parses to exactly the ms.
  if (t.validFrom.empty()) {
    FUZZ_CHECK(t.validFromMs == 0);
  } else {
    FUZZ_CHECK(text::parseIso8601(t.validFrom) == t.validFromMs);
  }
  if (t.validTo.empty()) {
    FUZZ_CHECK(t.validToMs == 0);
  } else {
    FUZZ_CHECK(text::parseIso8601(t.validTo) == t.validToMs);
  }
  FUZZ_CHECK(t.organization.empty());  // never from the API
  FUZZ_CHECK(!t.revoked);
}

}  // namespace patdesk::fuzz
