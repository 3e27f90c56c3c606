#include <doctest/doctest.h>

#include <algorithm>

#include "core/devops/http_errors.h"
#include "core/error_codes.h"
#include "devops_test_support.h"

using namespace patdesk;
using namespace patdesk::devops;
using patdesk::testing::loadSpecJson;

namespace {

HttpResponse response(int status, std::string body, std::vector<HttpHeader> headers = {}) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  r.headers = std::move(headers);
  return r;
}

Error errorOf(const HttpResponse& r) {
  Status s = classifyResponse(r);
  REQUIRE_FALSE(s.ok());
  return s.error();
}

std::vector<std::string> sessionTokenErrorValues() {
  const auto spec = loadSpecJson("tokens/7.2/tokens.json");
  const auto& prop = spec["definitions"]["PatTokenResult"]["properties"]["patTokenError"];
  REQUIRE(prop["x-ms-enum"]["name"] == "SessionTokenError");
  return prop["enum"].get<std::vector<std::string>>();
}

}  // namespace

TEST_CASE("a 2xx JSON or empty response is a success") {
  CHECK(classifyResponse(response(200, R"({"patTokens":[]})")).ok());
  CHECK(classifyResponse(response(200, R"({"patToken":{},"patTokenError":"none"})")).ok());
  CHECK(classifyResponse(response(204, "")).ok());
  CHECK(classifyResponse(response(200, "  \n")).ok());
}

TEST_CASE("a 203 or an HTML page on a 2xx means Azure DevOps did not accept the sign-in") {
  const auto e = errorOf(response(203, "<html><body>Sign in</body></html>",
                                  {{"content-type", "text/html"}, {"activityid", "act-1"}}));
  CHECK(e.code == "devops.sign_in_page");
  CHECK(e.httpStatus == 203);
  CHECK(e.activityId == "act-1");
  CHECK(e.message.find("did not accept the sign-in") != std::string::npos);
  CHECK(e.action.find("Microsoft Entra tenant") != std::string::npos);
  CHECK(errorOf(response(200, "<!DOCTYPE html><html>")).code == "devops.sign_in_page");
  CHECK(errorOf(response(200, "Please sign in")).code == "devops.sign_in_page");
}

TEST_CASE("malformed JSON on a 2xx is devops.malformed") {
  const auto e = errorOf(response(200, R"({"patTokens":[)", {{"x-vss-e2eid", "e2e-9"}}));
  CHECK(e.code == "devops.malformed");
  CHECK(e.activityId == "e2e-9");
}

TEST_CASE("401 and 403 name the wrong tenant or missing access and keep the server's words") {
  const std::string tf =
      R"({"$id":"1","message":"TF400813: The user 'x' is not authorized to access this resource.",
          "typeKey":"UnauthorizedRequestException","activityId":"json-act"})";
  auto e = errorOf(response(401, tf));
  CHECK(e.code == "devops.unauthorized");
  CHECK(e.message.find("wrong tenant or no access") != std::string::npos);
  CHECK(e.serverMessage.rfind("TF400813", 0) == 0);
  CHECK(e.activityId == "json-act");
  CHECK(e.httpStatus == 401);
  CHECK(e.detail == "UnauthorizedRequestException");

  auto plain401 = errorOf(response(401, ""));
  CHECK(plain401.code == "devops.unauthorized");
  CHECK(plain401.action == "Sign in again.");

  auto vs = errorOf(response(
      403, R"({"message":"VS30063: You are not authorized to access https://dev.azure.com."})",
      {{"ActivityId", "hdr-act"}}));
  CHECK(vs.code == "devops.forbidden");
  CHECK(vs.message.find("wrong tenant or no access") != std::string::npos);
  CHECK(vs.serverMessage.rfind("VS30063", 0) == 0);
  CHECK(vs.activityId == "hdr-act");
  CHECK(vs.action.find("Microsoft Entra tenant") != std::string::npos);
}

TEST_CASE("404, 429, 5xx, other 4xx and status 0 each get their own code") {
  CHECK(errorOf(response(404, R"({"message":"not found"})")).code == "devops.org_not_found");
  auto t = errorOf(response(429, "", {{"Retry-After", "7"}}));
  CHECK(t.code == "devops.throttled");
  CHECK(t.action.find("7 seconds") != std::string::npos);
  CHECK(retryAfterMs(response(429, "", {{"retry-after", " 12 "}})) == 12000);
  CHECK_FALSE(retryAfterMs(response(429, "", {{"retry-after", "Wed, 21 Oct 2015 07:28:00 GMT"}})));
  for (int s : {500, 502, 503, 504}) CHECK(errorOf(response(s, "")).code == "devops.server");
  auto text500 = errorOf(response(500, "upstream timed out"));
  CHECK(text500.serverMessage == "upstream timed out");
  CHECK(errorOf(response(400, R"({"message":"bad"})")).code == "devops.rejected");
  CHECK(errorOf(response(400, R"({"message":"bad"})")).serverMessage == "bad");

  auto net = errorOf(response(0, ""));
  CHECK(net.code == "devops.network");
  CHECK(net.message.find("blocked or lost") != std::string::npos);
  for (const char* cause : {"CORS", "network", "ad-blocker", "organization URL"}) {
    CAPTURE(cause);
    CHECK(net.action.find(cause) != std::string::npos);
  }
}

TEST_CASE("a patTokenError other than none becomes pat.<value> with the server's message") {
  auto e = errorOf(response(200, R"({"patToken":null,"patTokenError":"fullScopePatPolicyViolation",
               "patTokenErrorMessage":"Policy forbids full scope"})"));
  CHECK(e.code == "pat.fullScopePatPolicyViolation");
  CHECK(e.serverMessage == "Policy forbids full scope");
  CHECK(e.action.find("custom scopes") != std::string::npos);
  CHECK(errorOf(response(400, R"({"patTokenError":"invalidValidTo"})")).code ==
        "pat.invalidValidTo");
}

TEST_CASE("every SessionTokenError value in the 7.2 spec has its own sentence") {
  const auto values = sessionTokenErrorValues();
  CHECK(values.size() == 37);
  CHECK(values.front() == "none");
  for (const auto& v : values) {
    if (v == "none") continue;
    CAPTURE(v);
    CHECK(hasSpecificPatTokenErrorMapping(v));
    const Error e = patTokenError(v, "srv");
    CHECK(e.code == "pat." + v);
    CHECK(e.message.find("could not complete the token operation") == std::string::npos);
    CHECK_FALSE(e.action.empty());
    CHECK(e.serverMessage == "srv");
  }
  CHECK_FALSE(hasSpecificPatTokenErrorMapping("somethingNew"));
  CHECK(patTokenError("somethingNew").code == "pat.somethingNew");
  CHECK(patTokenError("somethingNew").message.find("somethingNew") != std::string::npos);
}

TEST_CASE("policy violations give specific advice") {
  const auto values = sessionTokenErrorValues();
  for (const char* v :
       {"globalPatPolicyViolation", "globalPATCreationBlocked", "fullScopePatPolicyViolation",
        "patLifespanPolicyViolation", "disablePatCreationPolicyViolation"}) {
    CAPTURE(v);
    CHECK(std::find(values.begin(), values.end(), v) != values.end());  // exact spelling
  }
  CHECK(patTokenError("fullScopePatPolicyViolation").action.find("custom scopes") !=
        std::string::npos);
  CHECK(patTokenError("globalPatPolicyViolation").action.find("one organization") !=
        std::string::npos);
  CHECK(patTokenError("globalPATCreationBlocked").action.find("one organization") !=
        std::string::npos);
  CHECK(patTokenError("patLifespanPolicyViolation").action.find("Shorten the expiry") !=
        std::string::npos);
  // Issue 12 fixed this sentence word for word (it was "Your admin restricts ...").
  CHECK(patTokenError("disablePatCreationPolicyViolation").message ==
        "Your organization restricts who may create PATs.");
}

TEST_CASE(
    "disablePatCreationPolicyViolation names the allow-list and Entra-based Git credentials") {
  const Error e = patTokenError("disablePatCreationPolicyViolation", "restricted");
  CHECK(e.code == "pat.disablePatCreationPolicyViolation");
  CHECK(e.message + " " + e.action ==
        "Your organization restricts who may create PATs. Ask a Project Collection Administrator "
        "to add you to the allow-list, or use Entra-based Git credentials (git config --global "
        "credential.azreposCredentialType oauth).");
  CHECK(e.serverMessage == "restricted");
}

TEST_CASE("a packaging-only policy answer says so and offers to keep the packaging scopes") {
  const Error e = patTokenError("disablePatCreationPolicyViolation",
                                "Your organization policy allows creating personal access tokens "
                                "with Packaging scopes only.");
  CHECK(e.code == errc::kPolicyPackagingOnly);
  CHECK(e.message ==
        "Your organization allows new tokens with packaging scopes only, and this token asks for "
        "other scopes.");
  CHECK(e.action.find("Keep only the packaging scopes") == 0);
  CHECK(e.detail == "disablePatCreationPolicyViolation");
  const Status s = classifyResponse(response(
      400,
      R"({"patToken":null,"patTokenError":"disablePatCreationPolicyViolation","patTokenErrorMessage":"packaging scopes only"})"));
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().code == errc::kPolicyPackagingOnly);
  CHECK(s.error().httpStatus == 400);
}

TEST_CASE("expiredPatCannotBeExtended says an expired token can no longer be extended or changed") {
  const Error e = patTokenError("expiredPatCannotBeExtended");
  CHECK(e.code == "pat.expiredPatCannotBeExtended");
  CHECK(e.message ==
        "This token has expired, and since 31 March 2026 Azure DevOps no longer lets an expired "
        "token be extended or modified.");
  CHECK(e.action.find("Use Recreate") == 0);
}

TEST_CASE("globalPATCreationBlocked has its own sentence about global PATs") {
  const Error e = patTokenError("globalPATCreationBlocked");
  CHECK(e.message ==
        "Azure DevOps no longer creates tokens for all accessible organizations: global PATs "
        "stopped working on 1 December 2026.");
  CHECK(e.message != patTokenError("globalPatPolicyViolation").message);
}

TEST_CASE("a lifespan policy answer names the maximum when the server's message has it") {
  const Error named = patTokenError("patLifespanPolicyViolation",
                                    "Your organization policy limits personal access tokens to "
                                    "90 days.");
  CHECK(named.message ==
        "The expiration date is later than the maximum lifespan your organization allows (90 "
        "days).");
  CHECK(named.action == "Shorten the expiry to at most 90 days and try again.");
  const Error unnamed = patTokenError("patLifespanPolicyViolation", "Too long.");
  CHECK(unnamed.message ==
        "The expiration date is later than the maximum lifespan your organization allows.");
  CHECK(patTokenError("patLifespanPolicyViolation", "a day too long").message == unnamed.message);
}

TEST_CASE("status 0 blocked by the page's CSP says so and names the origin") {
  HttpResponse r = response(0, "");
  r.origin = "https://tokens.contoso.example";
  r.blockedByCsp = true;
  const Error e = errorOf(r);
  CHECK(e.code == errc::kCspBlocked);
  CHECK(e.message ==
        "config.json points to https://tokens.contoso.example, but this page's "
        "Content-Security-Policy does not allow connections there: see Deploy in the README.");
}

TEST_CASE(
    "status 0 that is not a CSP block may be CORS, a proxy, or the network, naming the host") {
  HttpResponse r = response(0, "");
  r.origin = "https://vssps.dev.azure.com";
  const Error e = errorOf(r);
  CHECK(e.code == "devops.network");
  CHECK(e.message ==
        "The browser blocked or lost the request to Azure DevOps (https://vssps.dev.azure.com).");
  CHECK(e.action.find("It may be CORS, a proxy, or the network between this page and "
                      "https://vssps.dev.azure.com.") == 0);
}
