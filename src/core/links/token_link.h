// Links back to one token: `{page}#token?id={authorizationId}` opens the inventory searched
// for that token (the calendar reminders carry it). An authorizationId is not a secret.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace patdesk::links {

std::string buildTokenLink(std::string_view pageUrl, const std::string& authorizationId);

// The authorizationId of a "token?id=…" fragment (without the '#'); nullopt otherwise or
// when the id is empty.
std::optional<std::string> parseTokenLink(std::string_view fragment);

}  // namespace patdesk::links
