// Which Microsoft Entra tenant an Azure DevOps organization belongs to, read from a refusal
// where the browser may see it (issue 11 §1, guest organizations): the X-VSS-ResourceTenant
// header, or the tenant of `WWW-Authenticate: Bearer authorization_uri=https://host/{tenant}`.
// Either is readable only when CORS exposes it; "" otherwise, and the person types it.
#pragma once

#include <string>

#include "core/platform/http.h"

namespace patdesk::devops {

// The organization's tenant ID (lower-case GUID), or "" when the response does not say.
// The all-zero GUID (personal Microsoft accounts) and the generic common / organizations
// segments say nothing about a tenant and give "".
std::string resourceTenantOf(const HttpResponse& response);

// What a person may type on an organization's error row: a tenant ID (GUID) or a domain
// such as contoso.onmicrosoft.com; lower-cased and trimmed, or "" when it is neither (and
// common / organizations / consumers are not tenants of an organization).
std::string normalizeOrganizationTenant(const std::string& typed);

}  // namespace patdesk::devops
