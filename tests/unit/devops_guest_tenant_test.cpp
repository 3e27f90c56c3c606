// Guest organizations in the Azure DevOps client: a request for an organization of another
// tenant goes with that tenant's token, and a refusal that names the tenant teaches it.
#include <doctest/doctest.h>

#include <map>

#include "core/devops/devops_client.h"
#include "core/devops/token_renewal.h"
#include "unit/app_test_support.h"

using namespace patdesk;
using namespace patdesk::devops;
using namespace patdesk::testing;

namespace {

const std::string kWoodgrove = "0f0e0d0c-1111-2222-3333-444455556666";

struct GuestFixture {
  FakePlatform fake;
  std::map<std::string, std::string> orgTenant;  // what the App remembers
  std::vector<std::string> ensured;              // tenants asked for a fresh token
  std::vector<std::string> refreshed;            // tenants asked for a new token
  std::vector<std::pair<std::string, std::string>> learned;
  std::unique_ptr<DevOpsClient> client;

  GuestFixture() {
    client = std::make_unique<DevOpsClient>("https://app.vssps.visualstudio.com",
                                            "https://vssps.dev.azure.com", fake.platform(),
                                            [] { return std::string("AT-HOME"); });
    TokenRenewal r;
    r.ensureFresh = [](std::function<void(bool)> done) { done(true); };
    r.refreshNow = [this](std::function<void(bool)> done) {
      refreshed.push_back("(home)");
      done(true);
    };
    r.tenantOf = [this](const std::string& org) {
      auto it = orgTenant.find(org);
      return it == orgTenant.end() ? std::string() : it->second;
    };
    r.ensureFreshFor = [this](const std::string& t, std::function<void(bool)> done) {
      ensured.push_back(t);
      done(true);
    };
    r.refreshNowFor = [this](const std::string& t, std::function<void(bool)> done) {
      refreshed.push_back(t);
      done(true);
    };
    r.accessTokenFor = [](const std::string& t) { return "AT-" + t; };
    r.onTenantLearned = [this](const std::string& org, const std::string& t) {
      learned.emplace_back(org, t);
      orgTenant[org] = t;
    };
    client->setTokenRenewal(r);
  }

  std::string bearerOf(size_t i) {
    for (const auto& h : fake.http.sent.at(i).headers)
      if (h.name == "Authorization") return h.value;
    return "";
  }
};

const std::string kEmptyPage = R"({"patTokens":[],"continuationToken":""})";
const std::string kRefused =
    R"({"message":"TF400813: The user is not authorized to access this resource."})";

}  // namespace

TEST_CASE("a request for an organization of another tenant goes with that tenant's token") {
  GuestFixture f;
  f.orgTenant["woodgrove-ops"] = "woodgrove.com";
  f.client->listPats("woodgrove-ops", ListQuery{}, nullptr, [](Status) {});
  f.client->listPats("contoso-web", ListQuery{}, nullptr, [](Status) {});
  REQUIRE(f.fake.http.sent.size() == 2);
  CHECK(f.bearerOf(0) == "Bearer AT-woodgrove.com");
  CHECK(f.bearerOf(1) == "Bearer AT-HOME");
  CHECK(f.ensured == std::vector<std::string>{"woodgrove.com"});
}

TEST_CASE("a 401 naming the organization's tenant teaches it and replays with that tenant") {
  GuestFixture f;
  std::optional<Status> done;
  f.client->listPats("woodgrove-ops", ListQuery{}, nullptr, [&](Status s) { done = s; });
  REQUIRE(f.fake.http.respond(
      "", 401, kRefused,
      {{"content-type", "application/json"},
       {"www-authenticate",
        "Bearer authorization_uri=https://login.microsoftonline.com/" + kWoodgrove},
       {"x-vss-resourcetenant", kWoodgrove}}));
  REQUIRE(f.learned.size() == 1);
  CHECK(f.learned[0].first == "woodgrove-ops");
  CHECK(f.learned[0].second == kWoodgrove);
  CHECK(f.refreshed == std::vector<std::string>{kWoodgrove});
  REQUIRE(f.fake.http.sent.size() == 2);
  CHECK(f.bearerOf(1) == "Bearer AT-" + kWoodgrove);
  REQUIRE(f.fake.http.respond("", 200, kEmptyPage));
  REQUIRE(done.has_value());
  CHECK(done->ok());
}

TEST_CASE("a 401 that does not say the tenant is replayed once and then reported") {
  GuestFixture f;
  std::optional<Status> done;
  f.client->listPats("woodgrove-ops", ListQuery{}, nullptr, [&](Status s) { done = s; });
  REQUIRE(f.fake.http.respond("", 401, kRefused, {{"content-type", "application/json"}}));
  CHECK(f.learned.empty());
  CHECK(f.refreshed == std::vector<std::string>{"(home)"});
  REQUIRE(f.fake.http.respond("", 401, kRefused, {{"content-type", "application/json"}}));
  REQUIRE(done.has_value());
  REQUIRE_FALSE(done->ok());
  CHECK(done->error().httpStatus == 401);
  CHECK(f.fake.http.sent.size() == 2);
}

TEST_CASE("a create in another tenant's organization that was refused is sent once more") {
  GuestFixture f;
  f.orgTenant["woodgrove-ops"] = "woodgrove.com";
  CreatePatRequest req;
  req.displayName = "ci";
  req.scope = "vso.code";
  req.validToMs = 1797000000000;
  std::optional<Result<PatToken>> got;
  f.client->createPat("woodgrove-ops", req, [&](Result<PatToken> t) { got = std::move(t); });
  REQUIRE(f.fake.http.respond("", 401, kRefused, {{"content-type", "application/json"}}));
  CHECK(f.refreshed == std::vector<std::string>{"woodgrove.com"});
  REQUIRE(f.fake.http.sent.size() == 2);
  CHECK(f.fake.http.sent[1].method == "POST");
  CHECK(f.bearerOf(1) == "Bearer AT-woodgrove.com");
}
