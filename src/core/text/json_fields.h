// Reading one member of a JSON object the way every decoder here wants it: a string when it
// is one, else "" (absent, null, a number, or not an object at all). Written once so the
// decoders of Entra's and Azure DevOps's answers cannot drift apart.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace patdesk::text {

// j[key] when j is an object and that member is a string; "" otherwise.
std::string stringMember(const nlohmann::json& j, const char* key);

}  // namespace patdesk::text
