// Azure DevOps as of December 2026, through the App over the fakes: rotate asks first,
// expired and global tokens offer Recreate instead of Edit, the packaging-only offer, and a
// retried revoke that finds the token gone.
#include <doctest/doctest.h>

#include "core/app/global_pats.h"
#include "core/app/selectors.h"
#include "core/devops/pat.h"
#include "core/error_codes.h"
#include "unit/app_test_support.h"

using namespace patdesk;
using namespace patdesk::app;
using namespace patdesk::testing;
using nlohmann::json;

namespace {

const std::string kPatsA = "/" + kOrgA + "/_apis/tokens/pats";
const std::string kSecret = "recreatedsecretrecreatedsecretrecreatedsecretrecrea";

// Signed in with one active token (t-20) and one that expired 3 days ago (t-old).
struct Tokens : AppHarness {
  Tokens() {
    const int64_t t = fake.clock.now;
    signInWithTokens(
        {patJson("t-20", "charlie", "vso.work", t - 10 * kDay, t + 20 * kDay),
         patJson("t-old", "nightly", "vso.code vso.build", t - 33 * kDay, t - 3 * kDay)});
  }
};

devops::PatToken token(bool global, int64_t validToMs) {
  devops::PatToken pat;
  pat.authorizationId = "id";
  pat.validFromMs = validToMs - 30 * kDay;
  pat.validToMs = validToMs;
  if (!global) pat.targetAccounts = std::vector<std::string>{"account"};
  return pat;
}

}  // namespace

TEST_CASE("Rotate opens a confirmation and sends nothing until it is confirmed") {
  Tokens h;
  const size_t before = h.fake.http.sent.size();
  h.dispatch(intent::Rotate{"t-20"});
  CHECK(h.st().panel == Panel::ConfirmRotate);
  CHECK(h.st().panelTokenId == "t-20");
  CHECK(h.fake.http.sent.size() == before);
  CHECK(json::parse(h.json())["panel"] == "confirmRotate");

  SUBCASE("Cancel closes it with no request") {
    h.dispatch(intent::ClosePanel{});
    CHECK(h.st().panel == Panel::None);
    CHECK(h.fake.http.sent.size() == before);
    h.dispatch(intent::ConfirmRotate{});  // a stale confirm after Cancel does nothing
    CHECK(h.fake.http.sent.size() == before);
  }

  SUBCASE("the confirmation's Rotate creates the replacement first") {
    h.dispatch(intent::ConfirmRotate{});
    CHECK(h.st().panel == Panel::None);
    CHECK(h.sentMatching("POST", "/_apis/tokens/pats") == 1);
    CHECK(h.lastSent("DELETE") == nullptr);
  }
}

TEST_CASE("An expired token offers Recreate instead of Edit") {
  const int64_t now = 1795000000000;
  const AllowedActions expired = allowedActions(token(false, now - kDay), now);
  CHECK_FALSE(expired.edit);
  CHECK(expired.recreate);
  CHECK(expired.revoke);
  const AllowedActions active = allowedActions(token(false, now + kDay), now);
  CHECK(active.edit);
  CHECK_FALSE(active.recreate);
  devops::PatToken revoked = token(false, now - kDay);
  revoked.revoked = true;
  CHECK_FALSE(allowedActions(revoked, now).recreate);
}

TEST_CASE("A global token is never edited, and offers Recreate and Revoke") {
  const int64_t before = devops::kGlobalPatRetirementMs - kDay;
  const int64_t after = devops::kGlobalPatRetirementMs + kDay;
  const AllowedActions early = allowedActions(token(true, after + 30 * kDay), before);
  CHECK_FALSE(early.edit);
  CHECK(early.recreate);
  CHECK(early.revoke);
  CHECK(early.rotate);  // before the date a rotation still moves it to one organization
  const AllowedActions late = allowedActions(token(true, after + 30 * kDay), after);
  CHECK_FALSE(late.edit);
  CHECK_FALSE(late.rotate);
  CHECK(late.recreate);
  CHECK(late.revoke);
}

TEST_CASE("Global token sentences switch to the past tense on 1 December 2026") {
  const int64_t at = devops::kGlobalPatRetirementMs;
  CHECK_FALSE(globalPatsRetired(at - 1));
  CHECK(globalPatsRetired(at));
  CHECK(globalPatTooltip(at - 1).find("stops working on 1 December 2026") != std::string::npos);
  CHECK(globalPatTooltip(at).find("no longer works since 1 December 2026") != std::string::npos);
  CHECK(globalPatBadge(at - 1) == "Global");
  CHECK(globalPatBadge(at).find("no longer works") != std::string::npos);
  CHECK(globalPatBanner(at, 2).find("Global PATs no longer work since 1 December 2026") == 0);
  CHECK(globalPatBanner(at, 2).find("2 global tokens") != std::string::npos);
  CHECK(globalPatBanner(at - kDay, 1).find("(in 1 day)") != std::string::npos);
  CHECK(globalPatDetails(at).find("No longer works since 1 December 2026") != std::string::npos);
  CHECK(globalPatCreateNote(at).find("no longer work since 2026-12-01") != std::string::npos);
}

TEST_CASE("Recreate fills the create pane from the expired token, creates, then offers revoke") {
  Tokens h;
  h.dispatch(intent::OpenEdit{"t-old"});  // an expired token cannot be edited any more
  CHECK(h.st().panel == Panel::None);
  h.dispatch(intent::OpenRecreate{"t-20"});  // an active token is not recreated
  CHECK(h.st().panel == Panel::None);

  h.dispatch(intent::OpenRecreate{"t-old"});
  REQUIRE(h.st().panel == Panel::Create);
  CHECK(h.st().createDraft.name == "nightly");
  CHECK(h.st().createDraft.organization == kOrgA);
  CHECK(h.st().createDraft.scope == "vso.code vso.build");
  CHECK(h.st().createDraft.recreateOf == "t-old");
  CHECK(json::parse(h.json())["createDraft"]["recreateOf"] == "t-old");
  h.editCreateDraft([](CreateDraft& d) { d.expiryPresetDays = 90; });
  h.dispatch(intent::SubmitCreate{});
  const HttpRequest* post = h.lastSent("POST");
  REQUIRE(post != nullptr);
  const json body = json::parse(post->body);
  CHECK(body["displayName"] == "nightly");
  CHECK(body["scope"] == "vso.code vso.build");
  CHECK(body["allOrgs"] == false);
  CHECK(body["validTo"] == text::formatIso8601(h.now() + 90 * kDay));
  REQUIRE(h.fake.http.respond(kPatsA, 200,
                              patResult(patJson("t-new", "nightly", "vso.code vso.build", h.now(),
                                                h.now() + 90 * kDay, kSecret))));
  CHECK(h.st().panel == Panel::Secret);
  CHECK(h.a().secret() == kSecret);
  CHECK(h.st().createDraft.recreateOf.empty());
  CHECK(h.lastSent("DELETE") == nullptr);  // the old one is only offered

  h.dispatch(intent::CopySecret{});
  h.dispatch(intent::DoneWithSecret{});
  CHECK(h.st().panel == Panel::ConfirmRevoke);
  CHECK(h.st().revokeTargets == std::vector<std::string>{"t-old"});
  CHECK(h.lastSent("DELETE") == nullptr);

  SUBCASE("Cancel keeps the expired token") {
    h.dispatch(intent::ClosePanel{});
    CHECK(h.st().panel == Panel::None);
    CHECK(h.lastSent("DELETE") == nullptr);
  }
  SUBCASE("Revoke revokes it") {
    h.dispatch(intent::ConfirmRevoke{});
    REQUIRE(h.fake.http.respond("authorizationId=t-old", 204, ""));
    CHECK(h.row("t-old")->pat.revoked);
  }
}

TEST_CASE("New token after a Recreate starts from an empty draft") {
  Tokens h;
  h.dispatch(intent::OpenRecreate{"t-old"});
  h.dispatch(intent::ClosePanel{});
  h.dispatch(intent::OpenCreate{});
  CHECK(h.st().createDraft.recreateOf.empty());
  CHECK(h.st().createDraft.name.empty());
}

TEST_CASE("The packaging-only policy is explained and Keep only packaging scopes trims the draft") {
  Tokens h;
  h.dispatch(intent::OpenCreate{});
  h.editCreateDraft([](CreateDraft& d) {
    d.name = "feed";
    d.organization = kOrgA;
    d.scope = "vso.code vso.packaging_write vso.build";
  });
  h.dispatch(intent::SubmitCreate{});
  REQUIRE(h.fake.http.respond(
      kPatsA, 400,
      R"({"patToken":null,"patTokenError":"disablePatCreationPolicyViolation","patTokenErrorMessage":"Your organization policy allows creating personal access tokens with packaging scopes only."})"));
  REQUIRE(h.st().lastError.has_value());
  CHECK(h.st().lastError->code == errc::kPolicyPackagingOnly);
  CHECK(h.st().createDraft.scope == "vso.code vso.packaging_write vso.build");  // kept as typed
  h.dispatch(intent::KeepOnlyPackagingScopes{});
  CHECK(h.st().createDraft.scope == "vso.packaging_write");
  CHECK_FALSE(h.st().createDraft.fullAccess);
  CHECK_FALSE(h.st().lastError.has_value());
  CHECK(h.sentMatching("POST", "/_apis/tokens/pats") == 1);  // nothing sent by the offer
}

TEST_CASE("A retried revoke that finds the token gone counts as revoked") {
  Tokens h;
  h.dispatch(intent::AskRevoke{{"t-20"}});
  h.dispatch(intent::ConfirmRevoke{});
  REQUIRE(h.fake.http.respond("authorizationId=t-20", 500, "{}"));  // it took effect, though
  h.fake.clock.advance(60 * 1000);
  REQUIRE(h.fake.http.respond(
      "authorizationId=t-20", 404,
      R"({"patToken":null,"patTokenError":"authorizationNotFound","patTokenErrorMessage":"gone"})"));
  CHECK(h.sentMatching("DELETE", "authorizationId=t-20") == 2);
  CHECK(h.row("t-20")->pat.revoked);
  CHECK_FALSE(h.st().lastError.has_value());
  CHECK(h.st().toasts.back().text == "Revoked 1 token");
}

TEST_CASE("A first revoke that finds no token is still reported") {
  Tokens h;
  h.dispatch(intent::AskRevoke{{"t-20"}});
  h.dispatch(intent::ConfirmRevoke{});
  REQUIRE(h.fake.http.respond(
      "authorizationId=t-20", 404,
      R"({"patToken":null,"patTokenError":"tokenNotFound","patTokenErrorMessage":"gone"})"));
  CHECK_FALSE(h.row("t-20")->pat.revoked);
  REQUIRE(h.st().lastError.has_value());
  CHECK(h.st().lastError->code == "pat.tokenNotFound");
}
