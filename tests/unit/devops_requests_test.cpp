#include <doctest/doctest.h>

#include <set>

#include "core/devops/requests.h"
#include "core/text/iso8601.h"
#include "devops_test_support.h"

using namespace patdesk;
using namespace patdesk::devops;
using nlohmann::json;
using patdesk::testing::loadSpecJson;
using patdesk::testing::lower;
using patdesk::testing::parseUrl;
using patdesk::testing::patExample;

namespace {

const char* kTokens = "https://vssps.dev.azure.com";
const char* kProfile = "https://app.vssps.visualstudio.com";

std::string headerOf(const HttpRequest& r, const std::string& name) {
  for (const auto& h : r.headers) {
    if (lower(h.name) == lower(name)) return h.value;
  }
  return "<missing>";
}

void checkCommonHeaders(const HttpRequest& r, bool hasBody) {
  CHECK(headerOf(r, "Authorization") == "Bearer tok");
  CHECK(headerOf(r, "Accept") == "application/json");
  CHECK(headerOf(r, "X-TFS-FedAuthRedirect") == "Suppress");
  CHECK(headerOf(r, "X-VSS-ReauthenticationAction") == "Suppress");
  CHECK(headerOf(r, "Content-Type") == (hasBody ? "application/json" : "<missing>"));
}

// The operation in tokens/7.1/tokens.json for a path key and method. The list operation lives
// under "x-ms-paths" (its key ends in "?" to share the path with Get).
json tokensOperation(const std::string& pathKey, const std::string& method) {
  const json spec = loadSpecJson("tokens/7.1/tokens.json");
  const char* section = spec["paths"].contains(pathKey) ? "paths" : "x-ms-paths";
  return spec[section][pathKey][method];
}

// Query parameter names the spec declares for an operation (plus api-version).
std::set<std::string> specQueryNames(const json& op) {
  std::set<std::string> names{"api-version"};
  for (const auto& p : op["parameters"]) {
    if (p.value("in", "") == "query") names.insert(p["name"].get<std::string>());
  }
  return names;
}

// The example's URL and ours agree on host, path (case-insensitively, as the service treats it)
// and every query parameter except the api-version value.
void checkMatchesExample(const HttpRequest& ours, const json& example) {
  CHECK(ours.method == example["x-ms-vss-request-method"].get<std::string>());
  const auto theirs = parseUrl(example["x-ms-vss-request-url"].get<std::string>());
  const auto mine = parseUrl(ours.url);
  CHECK(lower(mine.path) == lower(theirs.path));
  for (const auto& [key, value] : theirs.query) {
    CAPTURE(key);
    REQUIRE(mine.query.count(key) == 1);
    if (key != "api-version") CHECK(mine.query.at(key) == value);
  }
  CHECK(mine.query.at("api-version") == kTokensApiVersion);
  CHECK(mine.duplicateKeys == 0);
}

}  // namespace

TEST_CASE("the tokens api-version is the one the 7.1 spec documents for every PAT operation") {
  const json spec = loadSpecJson("tokens/7.1/tokens.json");
  int operations = 0;
  for (const char* section : {"paths", "x-ms-paths"}) {
    for (const auto& [path, ops] : spec[section].items()) {
      CHECK(path.rfind("/{organization}/_apis/tokens/pats", 0) == 0);
      for (const auto& [method, op] : ops.items()) {
        CAPTURE(method);
        CHECK(op["x-ms-docs-override-version"].get<std::string>() == kTokensApiVersion);
        ++operations;
      }
    }
  }
  CHECK(operations == 5);
  CHECK(spec["paths"].contains("/{organization}/_apis/tokens/pats"));
}

TEST_CASE("profile and accounts requests use the 7.1 paths and parameters") {
  const auto me = profileMeRequest(std::string(kProfile) + "/", "tok");
  CHECK(me.method == "GET");
  CHECK(me.url == "https://app.vssps.visualstudio.com/_apis/profile/profiles/me?api-version=7.1");
  checkCommonHeaders(me, false);

  const auto accounts = accountsRequest(kProfile, "d6245f20-2af8-44f4-9451-8107cb2767db", "tok");
  CHECK(accounts.url ==
        "https://app.vssps.visualstudio.com/_apis/accounts?"
        "memberId=d6245f20-2af8-44f4-9451-8107cb2767db&api-version=7.1");
  checkCommonHeaders(accounts, false);

  // The spec's path and parameter names, and the recorded example's parameters.
  const json spec = loadSpecJson("account/7.1/accounts.json");
  REQUIRE(spec["paths"].contains("/_apis/accounts"));
  const auto names = specQueryNames(spec["paths"]["/_apis/accounts"]["get"]);
  const auto mine = parseUrl(accounts.url);
  for (const auto& [key, value] : mine.query) CHECK(names.count(key) == 1);
  const json example =
      loadSpecJson("account/7.1/httpExamples/accounts/GET__Accounts_memberId-_userId_.json");
  const auto theirs = parseUrl(example["x-ms-vss-request-url"].get<std::string>());
  CHECK(lower(mine.path) == lower(theirs.path));
  CHECK(mine.query.at("memberId") == theirs.query.at("memberId"));
  CHECK(loadSpecJson("profile/7.1/profile.json")["paths"].contains("/_apis/profile/profiles/{id}"));
}

TEST_CASE("get and revoke requests match the official examples") {
  const json get = patExample("GetPat");
  const auto getReq = getPatRequest(kTokens, "fabrikam",
                                    get["parameters"]["authorizationId"].get<std::string>(), "tok");
  checkMatchesExample(getReq, get);
  checkCommonHeaders(getReq, false);
  CHECK(getReq.body.empty());

  const json revoke = patExample("RevokePat");
  const auto revokeReq = revokePatRequest(
      kTokens, "fabrikam", revoke["parameters"]["authorizationId"].get<std::string>(), "tok");
  checkMatchesExample(revokeReq, revoke);
  checkCommonHeaders(revokeReq, false);
}

TEST_CASE("a create request sends exactly the example body with a UTC ISO-8601 validTo") {
  const json example = patExample("CreatePat");
  const json& body = example["parameters"]["body"];
  CreatePatRequest create;
  create.displayName = body["displayName"];
  create.scope = body["scope"];
  create.validToMs = *text::parseIso8601(body["validTo"].get<std::string>());
  create.allOrgs = body["allOrgs"];
  const auto req = createPatRequest(kTokens, "fabrikam", create, "tok");
  checkMatchesExample(req, example);
  checkCommonHeaders(req, true);
  CHECK(json::parse(req.body) == body);
  CHECK(json::parse(req.body)["validTo"] == "2020-12-01T23:46:23.319Z");

  // Every body field is one the spec's PatTokenCreateRequest defines.
  const json def = loadSpecJson("tokens/7.1/tokens.json")["definitions"]["PatTokenCreateRequest"];
  const json sent = json::parse(req.body);
  for (const auto& [key, value] : sent.items()) {
    CHECK(def["properties"].contains(key));
  }
}

TEST_CASE("an update request sends the authorizationId plus only the changed fields") {
  const json example = patExample("UpdatePat");
  const json& body = example["parameters"]["body"];
  UpdatePatRequest all;
  all.authorizationId = body["authorizationId"];
  all.displayName = body["displayName"].get<std::string>();
  all.scope = body["scope"].get<std::string>();
  all.validToMs = *text::parseIso8601(body["validTo"].get<std::string>());
  all.allOrgs = body["allOrgs"].get<bool>();
  const auto req = updatePatRequest(kTokens, "fabrikam", all, "tok");
  checkMatchesExample(req, example);
  checkCommonHeaders(req, true);
  CHECK(json::parse(req.body) == body);
  const json def = loadSpecJson("tokens/7.1/tokens.json")["definitions"]["PatTokenUpdateRequest"];
  const json sent = json::parse(req.body);
  for (const auto& [key, value] : sent.items()) CHECK(def["properties"].contains(key));

  UpdatePatRequest rename;
  rename.authorizationId = "3d3aca0c-9ad3-4b07-8334-08ec8b1ddc32";
  rename.displayName = "renamed";
  CHECK(json::parse(updatePatRequest(kTokens, "fabrikam", rename, "tok").body) ==
        json{{"authorizationId", "3d3aca0c-9ad3-4b07-8334-08ec8b1ddc32"},
             {"displayName", "renamed"}});

  UpdatePatRequest extend;
  extend.authorizationId = "a";
  extend.validToMs = 1798329600000;
  extend.allOrgs = false;
  CHECK(
      json::parse(updatePatRequest(kTokens, "o", extend, "tok").body) ==
      json{{"authorizationId", "a"}, {"validTo", "2026-12-27T00:00:00.000Z"}, {"allOrgs", false}});
}

TEST_CASE("a list request carries the filters, the page size and the continuation token") {
  const json example = patExample("ListPats");
  ListQuery q;
  q.filter = DisplayFilter::Revoked;
  q.sortBy = SortBy::DisplayName;
  q.ascending = true;
  const auto first = listPatsRequest(kTokens, "fabrikam", q, "", "tok");
  checkMatchesExample(first, example);
  checkCommonHeaders(first, false);
  const auto url = parseUrl(first.url);
  CHECK(url.query.at("displayFilterOption") == "revoked");
  CHECK(url.query.at("sortByOption") == "displayName");
  CHECK(url.query.at("isSortAscending") == "true");
  CHECK(url.query.at("$top") == "100");
  CHECK(url.query.count("continuationToken") == 0);

  const auto next = parseUrl(listPatsRequest(kTokens, "fabrikam", q, "a+b/c=", "tok").url);
  CHECK(next.query.at("continuationToken") == "a+b/c=");
  CHECK(next.query.at("displayFilterOption") == "revoked");

  // Every parameter we send is declared by the spec's Pats_List operation, with its enum values.
  const json op = tokensOperation("/{organization}/_apis/tokens/pats?", "get");
  REQUIRE(op["operationId"] == "Pats_List");
  const auto names = specQueryNames(op);
  for (const auto& [key, value] : next.query) {
    CAPTURE(key);
    CHECK(names.count(key) == 1);
  }
  std::set<std::string> filters, sorts;
  for (const auto& p : op["parameters"]) {
    if (p.value("name", "") == "displayFilterOption")
      filters = p["enum"].get<std::set<std::string>>();
    if (p.value("name", "") == "sortByOption") sorts = p["enum"].get<std::set<std::string>>();
  }
  for (auto f : {DisplayFilter::Active, DisplayFilter::Expired, DisplayFilter::Revoked,
                 DisplayFilter::All}) {
    CHECK(filters.count(displayFilterValue(f)) == 1);
  }
  for (auto s : {SortBy::DisplayName, SortBy::DisplayDate, SortBy::Status}) {
    CHECK(sorts.count(sortByValue(s)) == 1);
  }
  CHECK(filters.size() == 4);
  CHECK(sorts.size() == 3);
}

TEST_CASE("organization names are percent-encoded as one path segment") {
  CHECK(percentEncode("fabrikam") == "fabrikam");
  CHECK(percentEncode("My Org") == "My%20Org");
  CHECK(percentEncode("a/b?c#d%e&f+g") == "a%2Fb%3Fc%23d%25e%26f%2Bg");
  CHECK(percentEncode("Zürich-Team_1.x~") == "Z%C3%BCrich-Team_1.x~");
  CHECK(percentEncode("日本") == "%E6%97%A5%E6%9C%AC");
  const auto req = getPatRequest(kTokens, "my org/x?y#z%&+", "id", "tok");
  CHECK(req.url ==
        "https://vssps.dev.azure.com/my%20org%2Fx%3Fy%23z%25%26%2B/_apis/tokens/pats?"
        "api-version=7.1-preview.1&authorizationId=id");
  const auto path = parseUrl(req.url).path;
  CHECK(testing::percentDecode(path.substr(1, path.find("/_apis") - 1)) == "my org/x?y#z%&+");
}

TEST_CASE("setBearer replaces the token on an existing request") {
  auto req = profileMeRequest(kProfile, "old");
  setBearer(req, "tok");
  checkCommonHeaders(req, false);
  int count = 0;
  for (const auto& h : req.headers) count += h.name == "Authorization";
  CHECK(count == 1);
}
