#include "core/devops/token_renewal.h"

#include <nlohmann/json.hpp>

#include "core/text/base64url.h"
#include "core/text/strings.h"

namespace patdesk::devops {

bool refusesBearer(const HttpResponse& response) {
  return response.status == 401 || response.status == 203;
}

std::string claimsChallengeOf(const HttpResponse& response) {
  if (response.status != 401) return {};
  const std::string header = response.header("WWW-Authenticate");
  // Find the claims= parameter (case-insensitive name), quoted or not.
  const std::string lower = text::lowerAscii(header);
  size_t at = lower.find("claims=");
  while (at != std::string::npos && at > 0 &&
         (std::isalnum(static_cast<unsigned char>(lower[at - 1])) || lower[at - 1] == '_'))
    at = lower.find("claims=", at + 7);
  if (at == std::string::npos) return {};
  size_t start = at + 7;
  size_t end;
  if (start < header.size() && header[start] == '"') {
    ++start;
    end = header.find('"', start);
  } else {
    end = header.find_first_of(", ", start);
  }
  if (end == std::string::npos) end = header.size();
  const std::string encoded = text::trim(header.substr(start, end - start));
  if (encoded.empty() || encoded.size() > 8192) return {};
  auto decoded = base64Decode(encoded);
  if (!decoded) decoded = base64UrlDecode(encoded);
  if (!decoded) return {};
  const auto doc = nlohmann::json::parse(*decoded, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) return {};
  return *decoded;
}

}  // namespace patdesk::devops
