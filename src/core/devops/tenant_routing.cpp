#include "core/devops/tenant_routing.h"

#include "core/devops/resource_tenant.h"
#include "core/text/strings.h"

namespace patdesk::devops {

std::string tenantOf(const TokenRenewal& renewal, const Job& job) {
  if (job.organization.empty() || !renewal.tenantOf) return {};
  return renewal.tenantOf(job.organization);
}

Renew ensureFreshFor(const TokenRenewal& renewal, const std::string& tenant) {
  if (tenant.empty()) return renewal.ensureFresh;
  if (!renewal.ensureFreshFor) return {};
  auto fn = renewal.ensureFreshFor;
  return [fn, tenant](std::function<void(bool)> done) { fn(tenant, std::move(done)); };
}

Renew refreshFor(const TokenRenewal& renewal, const std::string& tenant) {
  if (tenant.empty() || !renewal.refreshNowFor) return renewal.refreshNow;
  auto fn = renewal.refreshNowFor;
  return [fn, tenant](std::function<void(bool)> done) { fn(tenant, std::move(done)); };
}

std::string bearerFor(const TokenRenewal& renewal, const std::function<std::string()>& homeToken,
                      const std::string& tenant) {
  if (!tenant.empty() && renewal.accessTokenFor) return renewal.accessTokenFor(tenant);
  return homeToken ? homeToken() : std::string();
}

void learnTenant(const TokenRenewal& renewal, const Job& job, const HttpResponse& r) {
  if (job.organization.empty() || !renewal.onTenantLearned) return;
  const std::string learned = resourceTenantOf(r);
  if (learned.empty() || learned == text::lowerAscii(tenantOf(renewal, job))) return;
  renewal.onTenantLearned(job.organization, learned);
}

}  // namespace patdesk::devops
