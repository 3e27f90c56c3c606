// The Azure DevOps permission check after sign-in, the 401/403 that names a missing scope,
// and the return from the admin-consent endpoint.
#include <doctest/doctest.h>

#include "core/auth/permissions.h"
#include "core/auth/redirect_response.h"
#include "core/devops/http_errors.h"
#include "unit/app_test_support.h"

using namespace patdesk;
using namespace patdesk::testing;

namespace {

const std::string kAdo = "499b84ac-1321-427f-aa17-267ca6975798/";

HttpResponse refused(int status, const std::string& message, const std::string& wwwAuth = "") {
  HttpResponse r;
  r.status = status;
  r.body = nlohmann::json{{"message", message}, {"typeKey", "UnauthorizedRequestException"}}.dump();
  if (!wwwAuth.empty()) r.headers.push_back({"www-authenticate", wwwAuth});
  return r;
}

}  // namespace

TEST_CASE("a token scope grants PAT management with vso.pats_manage or user_impersonation") {
  CHECK(auth::grantsPatManagement(kAdo + "vso.pats_manage " + kAdo + "vso.profile"));
  CHECK(auth::grantsPatManagement(kAdo + "user_impersonation"));
  CHECK(auth::grantsPatManagement("vso.pats_manage"));
  CHECK(auth::grantsPatManagement(""));  // Entra said nothing: not held against the sign-in
  CHECK_FALSE(auth::grantsPatManagement(kAdo + "vso.profile"));
  CHECK_FALSE(auth::grantsPatManagement(kAdo + "vso.pats " + kAdo + "vso.profile"));
  CHECK_FALSE(auth::grantsPatManagement(kAdo + "vso.pats_manage_extra"));
}

TEST_CASE("the missing-permission error says the exact sentence and carries the consent link") {
  const Error e = auth::missingPatPermissionError("https://login.example/t/adminconsent?x");
  CHECK(e.code == "auth.missing_permission");
  CHECK(e.message ==
        "This app registration does not have the Azure DevOps permission vso.pats_manage: add "
        "it under API permissions (an admin may need to consent).");
  CHECK(e.action.find("https://login.example/t/adminconsent?x") != std::string::npos);
}

TEST_CASE("a 401 or 403 from the tokens API that names a missing scope gets the same sentence") {
  for (int status : {401, 403}) {
    const Status byBody = devops::classifyResponse(
        refused(status, "The access token does not include the scope vso.pats_manage."));
    REQUIRE_FALSE(byBody.ok());
    CHECK(byBody.error().code == "auth.missing_permission");
    CHECK(byBody.error().message == auth::kMissingPatPermissionSentence);
    CHECK(byBody.error().httpStatus == status);
    const Status byHeader = devops::classifyResponse(
        refused(status, "Unauthorized.", R"(Bearer error="insufficient_scope")"));
    REQUIRE_FALSE(byHeader.ok());
    CHECK(byHeader.error().code == "auth.missing_permission");
  }
  const Status expired = devops::classifyResponse(refused(401, "TF400813: not authorized."));
  REQUIRE_FALSE(expired.ok());
  CHECK(expired.error().code == "devops.unauthorized");
}

TEST_CASE("an admin-consent return is recognised only with admin_consent=True and no state") {
  CHECK(auth::isAdminConsentReturn(
      "https://patdesk.example/app/"
      "?admin_consent=True&tenant=72f988bf-86f1-41af-91ab-2d7cd011db47"));
  CHECK(auth::isAdminConsentReturn("https://patdesk.example/app/#admin_consent=true&tenant=x"));
  CHECK_FALSE(
      auth::isAdminConsentReturn("https://patdesk.example/app/?admin_consent=True&state=s"));
  CHECK_FALSE(auth::isAdminConsentReturn("https://patdesk.example/app/?admin_consent=False"));
  CHECK_FALSE(auth::isAdminConsentReturn("https://patdesk.example/app/#code=c&state=s"));
}

TEST_CASE(
    "a sign-in without vso.pats_manage says so before any PAT call, with the own tenant's "
    "consent link") {
  AppHarness h;
  h.start();
  h.dispatch(app::intent::SignIn{});
  const nlohmann::json p = h.pending();
  h.fake.navigation.url = kAppPage + "#code=C&state=" + p["state"].get<std::string>();
  h.start();
  nlohmann::json tokens = nlohmann::json::parse(tokenResponseJson(forgeIdToken(p["nonce"])));
  tokens["scope"] = kAdo + "vso.profile";
  REQUIRE(h.fake.http.respond("/oauth2/v2.0/token", 200, tokens.dump()));
  REQUIRE(h.st().screen == app::Screen::Main);
  REQUIRE(h.st().lastError.has_value());
  CHECK(h.st().lastError->message == auth::kMissingPatPermissionSentence);
  CHECK(h.st().lastError->action.find("https://login.microsoftonline.com/tenant-1/adminconsent") !=
        std::string::npos);
  CHECK(h.st().lastError->action.find("/organizations/adminconsent") == std::string::npos);
  CHECK(h.sentMatching("GET", "/_apis/tokens/pats") == 0);
}

TEST_CASE(
    "coming back from the admin-consent endpoint says consent was granted, not a state "
    "error") {
  AppHarness h;
  h.fake.navigation.url = kAppPage + "?admin_consent=True&tenant=tenant-1";
  h.start();
  CHECK(h.st().screen == app::Screen::SignIn);
  CHECK_FALSE(h.st().lastError.has_value());
  CHECK(h.st().signInNotice == "Consent granted: sign in again.");
  CHECK(h.fake.navigation.url == kAppPage);
  CHECK(h.json().find("\"signInNotice\":\"Consent granted: sign in again.\"") != std::string::npos);
}
