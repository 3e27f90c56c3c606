#include "core/auth/pending_sign_in.h"

#include <nlohmann/json.hpp>

namespace patdesk::auth {

using nlohmann::json;

std::optional<PendingSignIn> parsePending(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  try {
    const json doc = json::parse(*text, nullptr, /*allow_exceptions=*/false);
    if (!doc.is_object()) return std::nullopt;
    auto str = [&doc](const char* name) -> std::optional<std::string> {
      auto it = doc.find(name);
      if (it == doc.end() || !it->is_string()) return std::nullopt;
      return it->get<std::string>();
    };
    auto state = str("state");
    auto verifier = str("verifier");
    auto nonce = str("nonce");
    if (!state || !verifier || !nonce || state->empty() || verifier->empty() || nonce->empty()) {
      return std::nullopt;
    }
    std::optional<PendingSignIn> p(std::in_place);
    p->state = std::move(*state);
    p->verifier = std::move(*verifier);
    p->nonce = std::move(*nonce);
    p->returnTo = str("returnTo").value_or("");
    p->tenant = str("tenant").value_or("");
    auto created = doc.find("createdAt");
    if (created != doc.end() && created->is_number_integer())
      p->createdAt = created->get<int64_t>();
    return p;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace patdesk::auth
