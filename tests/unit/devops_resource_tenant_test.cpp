// Learning a guest organization's tenant from a refusal, and the tenant a person types for it.
#include "core/devops/resource_tenant.h"

#include <doctest/doctest.h>

using namespace patdesk;
using namespace patdesk::devops;

namespace {

HttpResponse refusal(std::vector<HttpHeader> headers) {
  HttpResponse r;
  r.status = 401;
  r.headers = std::move(headers);
  return r;
}

const std::string kTenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";

}  // namespace

TEST_CASE("X-VSS-ResourceTenant names the organization's tenant") {
  CHECK(resourceTenantOf(refusal({{"x-vss-resourcetenant", kTenant}})) == kTenant);
  CHECK(resourceTenantOf(refusal({{"x-vss-resourcetenant",
                                   "72F988BF-86F1-41AF-91AB-2D7CD011DB47, "
                                   "00000000-0000-0000-0000-000000000000"}})) == kTenant);
  CHECK(
      resourceTenantOf(refusal({{"x-vss-resourcetenant", "00000000-0000-0000-0000-000000000000"}}))
          .empty());
}

TEST_CASE("WWW-Authenticate authorization_uri names the tenant when the header is not exposed") {
  CHECK(resourceTenantOf(refusal(
            {{"www-authenticate", "Bearer authorization_uri=https://login.microsoftonline.com/" +
                                      kTenant + ", Basic realm=\"https://tfsprodcus3.app\""}})) ==
        kTenant);
  CHECK(resourceTenantOf(refusal({{"www-authenticate",
                                   "Bearer authorization_uri=\"https://login."
                                   "microsoftonline.com/" +
                                       kTenant + "/oauth2/authorize\""}})) == kTenant);
  CHECK(resourceTenantOf(refusal({{"www-authenticate",
                                   "Bearer authorization_uri=https://login.microsoftonline.com/"
                                   "organizations"}}))
            .empty());
  CHECK(resourceTenantOf(refusal({})).empty());
}

TEST_CASE("a tenant typed for an organization is a GUID or a domain, lower-cased") {
  CHECK(normalizeOrganizationTenant("  Contoso.OnMicrosoft.com ") == "contoso.onmicrosoft.com");
  CHECK(normalizeOrganizationTenant(kTenant) == kTenant);
  CHECK(normalizeOrganizationTenant("organizations").empty());
  CHECK(normalizeOrganizationTenant("consumers").empty());
  CHECK(normalizeOrganizationTenant("not a tenant").empty());
  CHECK(normalizeOrganizationTenant("contoso").empty());
  CHECK(normalizeOrganizationTenant("").empty());
}
