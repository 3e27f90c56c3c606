#include "core/devops/resource_tenant.h"

#include <cctype>

#include "core/auth/authorize_request.h"
#include "core/text/strings.h"

namespace patdesk::devops {
namespace {

bool isGuid(const std::string& s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

std::string tenantGuid(std::string candidate) {
  candidate = text::lowerAscii(text::trim(candidate));
  if (!isGuid(candidate) || candidate == "00000000-0000-0000-0000-000000000000") return {};
  return candidate;
}

// The path segment after the host of authorization_uri="https://login.../{tenant}[/...]".
std::string tenantOfAuthorizationUri(const std::string& header) {
  const std::string lower = text::lowerAscii(header);
  const size_t at = lower.find("authorization_uri=");
  if (at == std::string::npos) return {};
  size_t start = at + 18;
  if (start < header.size() && header[start] == '"') ++start;
  const size_t scheme = header.find("://", start);
  if (scheme == std::string::npos) return {};
  const size_t pathStart = header.find('/', scheme + 3);
  if (pathStart == std::string::npos) return {};
  const size_t end = header.find_first_of("/\", ", pathStart + 1);
  return header.substr(pathStart + 1,
                       (end == std::string::npos ? header.size() : end) - pathStart - 1);
}

}  // namespace

std::string resourceTenantOf(const HttpResponse& response) {
  // The header may list several tenants separated by commas; the first is the organization's.
  std::string header = response.header("X-VSS-ResourceTenant");
  header = header.substr(0, header.find(','));
  if (std::string t = tenantGuid(header); !t.empty()) return t;
  return tenantGuid(tenantOfAuthorizationUri(response.header("WWW-Authenticate")));
}

std::string normalizeOrganizationTenant(const std::string& typed) {
  const std::string t = text::lowerAscii(text::trim(typed));
  if (t.empty() || t == "common" || t == "organizations" || t == "consumers") return {};
  return auth::isValidTenant(t) ? t : std::string();
}

}  // namespace patdesk::devops
