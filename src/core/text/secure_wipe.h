// Best-effort wiping of secrets held in std::string (tokens, PKCE verifier).
#pragma once

#include <string>

namespace patdesk {

// Overwrites every byte the string owns (up to its capacity) with '\0' through a volatile
// pointer, so the compiler cannot drop the writes, then clears it. Copies made elsewhere
// (e.g. by the HTTP layer or the JSON parser) are out of its reach.
void secureWipe(std::string& secret);

}  // namespace patdesk
