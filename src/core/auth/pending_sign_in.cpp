#include "core/auth/pending_sign_in.h"

#include <nlohmann/json.hpp>

#include "core/error_codes.h"

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

Error stateMismatchError(bool entryMissing) {
  return makeError(
      errc::kAuthStateMismatch,
      entryMissing ? "This sign-in response was not started from this tab (or was already used), "
                     "so patdesk ignored it."
                   : "This sign-in response does not match the sign-in started in this tab, so "
                     "patdesk ignored it.",
      "Start the sign-in again from patdesk's Sign in button, and finish it in the same tab.");
}

Error platformMissingError(const char* what) {
  return makeError(
      errc::kAuthPlatformMissing,
      std::string("patdesk cannot sign in: the browser integration for ") + what + " is missing.",
      "Reload the page. If it keeps happening, report it to whoever supports patdesk.");
}

Error pendingExpiredError() {
  return makeError(errc::kAuthPendingExpired,
                   "This sign-in was started more than 10 minutes ago, so patdesk did not finish "
                   "it.",
                   "Select Sign in again.");
}

}  // namespace patdesk::auth
