// Guest organizations through the App: an organization of another directory is listed with
// its tenant's token once the tenant is known (typed on its error row or read from the
// refusal), and the mapping, never a token, is remembered in sessionStorage.
#include <doctest/doctest.h>

#include "core/app/organization_tenants.h"
#include "unit/app_test_support.h"

using namespace patdesk;
using namespace patdesk::app;
using namespace patdesk::testing;

namespace {

const std::string kRefusedBody =
    R"({"message":"TF400813: The user 'x' is not authorized to access this resource."})";
const std::string kWoodgroveId = "0f0e0d0c-1111-2222-3333-444455556666";

std::string bearerOf(const HttpRequest& r) {
  for (const auto& h : r.headers)
    if (h.name == "Authorization") return h.value;
  return "";
}

const OrganizationView* orgNamed(AppHarness& h, const std::string& name) {
  for (const auto& o : h.st().organizations)
    if (o.name == name) return &o;
  return nullptr;
}

// Organization B refuses the home token twice (the refusal and its replay after a refresh).
void refuseOrgB(AppHarness& h, std::vector<HttpHeader> headers) {
  headers.push_back({"content-type", "application/json"});
  REQUIRE(h.fake.http.respond("/" + kOrgA + "/_apis/tokens/pats", 200, patPage({})));
  REQUIRE(h.fake.http.respond("/" + kOrgB + "/_apis/tokens/pats", 401, kRefusedBody, headers));
}

}  // namespace

TEST_CASE("a typed tenant lists the other directory's organization with that tenant's token") {
  AppHarness h;
  h.signInWithOrganizations();
  refuseOrgB(h, {});
  REQUIRE(h.fake.http.respond("/oauth2/v2.0/token", 200, tokenResponseJson("")));  // refresh
  REQUIRE(h.fake.http.respond("/" + kOrgB + "/_apis/tokens/pats", 401, kRefusedBody,
                              {{"content-type", "application/json"}}));
  const OrganizationView* b = orgNamed(h, kOrgB);
  REQUIRE(b != nullptr);
  REQUIRE(b->error.has_value());
  CHECK(belongsToAnotherDirectory(*b->error));
  CHECK(b->tenant.empty());

  // Bad input: a clear inline error, nothing sent, nothing remembered.
  const size_t sent = h.fake.http.sent.size();
  h.dispatch(intent::SetOrganizationTenant{kOrgB, "not a tenant!"});
  b = orgNamed(h, kOrgB);
  CHECK(b->tenantError.find("is not a tenant") != std::string::npos);
  CHECK(h.fake.http.sent.size() == sent);
  CHECK(h.fake.session.values.count(kOrganizationTenantsKey) == 0);

  h.dispatch(intent::SetOrganizationTenant{kOrgB, " Woodgrove.OnMicrosoft.com "});
  b = orgNamed(h, kOrgB);
  CHECK(b->tenant == "woodgrove.onmicrosoft.com");
  CHECK(b->tenantError.empty());
  CHECK(h.fake.session.values[kOrganizationTenantsKey].find("woodgrove.onmicrosoft.com") !=
        std::string::npos);
  // A refresh-token grant at that tenant, then the list with its token: no redirect.
  const HttpRequest& grant = h.fake.http.sent.back();
  CHECK(grant.url ==
        "https://login.microsoftonline.com/woodgrove.onmicrosoft.com/oauth2/v2.0/token");
  REQUIRE(h.fake.http.respond("woodgrove.onmicrosoft.com/oauth2", 200,
                              R"({"token_type":"Bearer","expires_in":3600,)"
                              R"("access_token":"AT-woodgrove","scope":"vso.pats_manage"})"));
  const HttpRequest* list = h.lastSent("GET");
  REQUIRE(list != nullptr);
  CHECK(list->url.find("/" + kOrgB + "/") != std::string::npos);
  CHECK(bearerOf(*list) == "Bearer AT-woodgrove");
  REQUIRE(h.fake.http.respond("/" + kOrgB + "/_apis/tokens/pats", 200,
                              patPage({{{"authorizationId", "w-1"},
                                        {"displayName", "guest-token"},
                                        {"scope", "vso.code"},
                                        {"validFrom", "2026-11-01T00:00:00Z"},
                                        {"validTo", "2027-01-01T00:00:00Z"}}})));
  CHECK_FALSE(orgNamed(h, kOrgB)->error.has_value());
  CHECK(h.row("w-1") != nullptr);
  CHECK(h.fake.navigation.redirects.size() == 1);  // only the first sign-in
  // The state says which tenant, never a token.
  CHECK(h.json().find("woodgrove.onmicrosoft.com") != std::string::npos);
  CHECK(h.json().find("AT-woodgrove") == std::string::npos);
  for (const auto& [key, value] : h.fake.session.values)
    CHECK(value.find("AT-woodgrove") == std::string::npos);
}

TEST_CASE("a refusal carrying X-VSS-ResourceTenant teaches the organization's tenant") {
  AppHarness h;
  h.signInWithOrganizations();
  refuseOrgB(h, {{"x-vss-resourcetenant", kWoodgroveId}});
  CHECK(orgNamed(h, kOrgB)->tenant == kWoodgroveId);
  REQUIRE(h.fake.http.respond(kWoodgroveId + "/oauth2", 200,
                              R"({"token_type":"Bearer","expires_in":3600,)"
                              R"("access_token":"AT-w","scope":"vso.pats_manage"})"));
  const HttpRequest* list = h.lastSent("GET");
  REQUIRE(list != nullptr);
  CHECK(bearerOf(*list) == "Bearer AT-w");
  REQUIRE(h.fake.http.respond("/" + kOrgB + "/_apis/tokens/pats", 200, patPage({})));
  CHECK_FALSE(orgNamed(h, kOrgB)->error.has_value());
}

TEST_CASE("sign-out forgets which tenant each organization belongs to") {
  AppHarness h;
  h.signInWithOrganizations();
  refuseOrgB(h, {{"x-vss-resourcetenant", kWoodgroveId}});
  CHECK(h.fake.session.values.count(kOrganizationTenantsKey) == 1);
  h.dispatch(intent::SignOut{});
  CHECK(h.fake.session.values.count(kOrganizationTenantsKey) == 0);
}

TEST_CASE("an organization's list failure other than a refusal is not another directory") {
  Error notFound;
  notFound.httpStatus = 404;
  CHECK_FALSE(belongsToAnotherDirectory(notFound));
  Error vs;
  vs.httpStatus = 400;
  vs.serverMessage = "VS30063: You are not authorized to access https://dev.azure.com.";
  CHECK(belongsToAnotherDirectory(vs));
}

TEST_CASE(
    "a tenant grant that needs multi-factor redirects once to that tenant, keeping the draft") {
  AppHarness h;
  h.signInWithOrganizations();
  h.dispatch(intent::OpenCreate{});
  h.editCreateDraft([](CreateDraft& d) { d.name = "kept across the redirect"; });
  refuseOrgB(h, {{"x-vss-resourcetenant", kWoodgroveId}});
  REQUIRE(h.fake.navigation.redirects.size() == 1);
  REQUIRE(h.fake.http.respond(
      kWoodgroveId + "/oauth2", 400,
      R"({"error":"interaction_required","error_description":"AADSTS50076: Due to a configuration change made by your administrator, you must use multi-factor authentication to access this resource.","error_codes":[50076]})"));
  REQUIRE(h.fake.navigation.redirects.size() == 2);
  CHECK(h.fake.navigation.redirects.back().find("/" + kWoodgroveId + "/oauth2/v2.0/authorize") !=
        std::string::npos);
  // The draft rides along in the pending entry, as for any sign-in.
  CHECK(h.pending()["returnTo"].dump().find("kept across the redirect") != std::string::npos);
}
