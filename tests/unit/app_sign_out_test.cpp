// "Sign out of Microsoft too" (the end-session endpoint with logout_hint) and the
// prompt=select_account that follows any sign-out.
#include <doctest/doctest.h>

#include "core/text/url.h"
#include "unit/app_test_support.h"

using namespace patdesk;
using namespace patdesk::testing;

namespace {

// A sign-in whose id token carries login_hint.
void signInWithHint(AppHarness& h) {
  h.start();
  h.dispatch(app::intent::SignIn{});
  const nlohmann::json p = h.pending();
  h.fake.navigation.url = kAppPage + "#code=C&state=" + p["state"].get<std::string>();
  h.start();
  REQUIRE(
      h.fake.http.respond("/oauth2/v2.0/token", 200,
                          tokenResponseJson(forgeIdToken(p["nonce"], {{"login_hint", "O.hint"}}))));
  REQUIRE(h.st().screen == app::Screen::Main);
}

std::string promptOf(const std::string& url) {
  const auto q = parseQuery(splitUrl(url).query);
  REQUIRE(q.has_value());
  for (const auto& [k, v] : *q)
    if (k == "prompt") return v;
  return "<absent>";
}

}  // namespace

TEST_CASE("the first sign-in of a tab carries no prompt") {
  AppHarness h;
  h.start();
  h.dispatch(app::intent::SignIn{});
  REQUIRE(h.fake.navigation.redirects.size() == 1);
  CHECK(promptOf(h.fake.navigation.redirects.back()) == "<absent>");
}

TEST_CASE("after Sign out the next sign-in asks which account, and storage stays empty") {
  AppHarness h;
  signInWithHint(h);
  h.dispatch(app::intent::SignOut{});
  CHECK(h.st().offerMicrosoftSignOut);
  CHECK(h.fake.session.values.empty());
  h.dispatch(app::intent::SignIn{});
  CHECK(promptOf(h.fake.navigation.redirects.back()) == "select_account");
}

TEST_CASE("Sign out of Microsoft too goes to the end-session endpoint with the logout hint") {
  AppHarness h;
  signInWithHint(h);
  h.dispatch(app::intent::SignOut{});
  const size_t before = h.fake.navigation.redirects.size();
  h.dispatch(app::intent::SignOutOfMicrosoft{});
  REQUIRE(h.fake.navigation.redirects.size() == before + 1);
  CHECK(h.fake.navigation.redirects.back() ==
        "https://login.microsoftonline.com/organizations/oauth2/v2.0/logout"
        "?post_logout_redirect_uri=https%3A%2F%2Fpatdesk.example%2Fapp%2F"
        "&client_id=11111111-2222-3333-4444-555555555555&logout_hint=O.hint");
  CHECK_FALSE(h.st().offerMicrosoftSignOut);
  // Back from Entra the page loads afresh: the non-secret flag still asks for the account.
  CHECK(h.fake.session.values.at(auth::kSignedOutKey) == "1");
  h.fake.navigation.url = kAppPage;
  h.start();
  CHECK(h.st().screen == app::Screen::SignIn);
  h.dispatch(app::intent::SignIn{});
  CHECK(promptOf(h.fake.navigation.redirects.back()) == "select_account");
}

TEST_CASE("a completed sign-in clears the select-account flag") {
  AppHarness h;
  signInWithHint(h);
  h.dispatch(app::intent::SignOut{});
  h.dispatch(app::intent::SignOutOfMicrosoft{});
  h.fake.navigation.url = kAppPage;
  signInWithHint(h);
  CHECK(h.fake.session.values.count(auth::kSignedOutKey) == 0);
  h.start();
  h.dispatch(app::intent::SignIn{});
  CHECK(promptOf(h.fake.navigation.redirects.back()) == "<absent>");
}

TEST_CASE("Sign out of Microsoft too does nothing while signed in") {
  AppHarness h;
  signInWithHint(h);
  const size_t before = h.fake.navigation.redirects.size();
  h.dispatch(app::intent::SignOutOfMicrosoft{});
  CHECK(h.fake.navigation.redirects.size() == before);
  CHECK(h.st().signedIn);
}
