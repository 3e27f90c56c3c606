// Which Microsoft Entra tenant each Azure DevOps organization belongs to, for guest
// organizations (issue 11 §1): learned from a refusal's headers or typed by the person, and
// remembered for the tab's lifetime in sessionStorage. Not a secret: names and tenant IDs
// only, never a token.
#pragma once

#include <map>
#include <string>

#include "core/error.h"
#include "core/platform/capabilities.h"

namespace patdesk::app {

// The sessionStorage key holding {"<organization>": "<tenant>", ...}.
inline constexpr const char* kOrganizationTenantsKey = "patdesk.organizationTenants";

class OrganizationTenants {
 public:
  explicit OrganizationTenants(SessionStore* store) : store_(store) {}

  // "" when the organization's tenant is not known (the signed-in tenant is tried).
  std::string tenantOf(const std::string& organization);
  void set(const std::string& organization, const std::string& tenant);
  // Sign-out: the next person starts from nothing.
  void clear();

 private:
  void load();
  void save();
  SessionStore* store_;
  bool loaded_ = false;
  std::map<std::string, std::string> tenants_;
};

// True when an organization's list failure looks like "this organization is in another
// directory": a 401 or 203 (the home token refused), or TF400813 / VS30063 in the answer.
bool belongsToAnotherDirectory(const Error& e);

// The inline error for a typed tenant that is neither a domain nor a tenant ID.
std::string badTenantSentence(const std::string& typed);

}  // namespace patdesk::app
