// Which access token a DevOps request goes with (guest organizations, issue 11 §1): the
// organization's tenant when one is known, else the signed-in tenant. Free functions over
// the client's TokenRenewal hooks, so devops_client.cpp keeps only the request flow.
#pragma once

#include <functional>
#include <string>

#include "core/devops/retry_policy.h"
#include "core/devops/token_renewal.h"
#include "core/platform/http.h"

namespace patdesk::devops {

// A refresh (or freshness check) to run before sending; empty when there is none.
using Renew = std::function<void(std::function<void(bool ok)>)>;

// The tenant of the job's organization; "" for the signed-in tenant or when not known.
std::string tenantOf(const TokenRenewal& renewal, const Job& job);
// Makes the token of `tenant` ("" = signed-in tenant) fresh before a request.
Renew ensureFreshFor(const TokenRenewal& renewal, const std::string& tenant);
// Refreshes the token of `tenant` after a refusal.
Renew refreshFor(const TokenRenewal& renewal, const std::string& tenant);
// The bearer token for `tenant`; the signed-in tenant's from `homeToken`.
std::string bearerFor(const TokenRenewal& renewal, const std::function<std::string()>& homeToken,
                      const std::string& tenant);
// A refusal that names the organization's tenant, when it is another than the one used:
// remembered through onTenantLearned, so the replay goes with that tenant's token.
void learnTenant(const TokenRenewal& renewal, const Job& job, const HttpResponse& r);

}  // namespace patdesk::devops
