// Scope strings: parseScopeString / toScopeString / describeScopes / isHighPrivilege.
// Invariants: the canonical string is a fixed point (parsing and printing it again gives the
// same string); canonicalising keeps the description and the high-privilege verdict; the
// selection only holds catalogue levels in range and non-empty unknown scopes.
#include "core/devops/scopes.h"
#include "fuzz_common.h"

using namespace patdesk;
using namespace patdesk::devops;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string x = fuzz::bytes(data, size);
  const ScopeSelection sel = parseScopeString(x);
  for (const auto& [key, level] : sel.levelByGroup) {
    bool found = false;
    for (const auto& g : scopeCatalogue()) {
      if (g.key == key) {
        found = true;
        FUZZ_CHECK(level >= 0 && level < static_cast<int>(g.levels.size()));
      }
    }
    FUZZ_CHECK(found);
  }
  for (const auto& u : sel.unknown) {
    FUZZ_CHECK(!u.empty());
    FUZZ_CHECK(u != kFullAccessScope);
  }

  const std::string s1 = toScopeString(sel);
  const std::string s2 = toScopeString(parseScopeString(s1));
  FUZZ_CHECK(s1 == s2);

  const std::string description = describeScopes(x);
  FUZZ_CHECK(!description.empty());
  FUZZ_CHECK(description == describeScopes(s1));
  FUZZ_CHECK(isHighPrivilege(x) == isHighPrivilege(s1));
  FUZZ_CHECK(sel.fullAccess == (description == "Full access"));
  return 0;
}
