// When the page's first frame waits (core/app/first_frame.h): through the screens between the
// redirect back from sign-in and the inventory, never past an error or the time limit.
#include "core/app/first_frame.h"

#include <doctest/doctest.h>

#include "unit/app_state_support.h"

using namespace patdesk;
using namespace patdesk::app;

namespace {

AppState onScreen(Screen screen) {
  AppState s;
  s.screen = screen;
  return s;
}

AppState signedInWithOrganizations(bool discovering, bool oneStillListing) {
  AppState s = onScreen(Screen::Main);
  s.signedIn = true;
  s.organizationsLoading = discovering;
  s.organizations = testing::contosoAndFabrikam(oneStillListing);
  return s;
}

}  // namespace

TEST_CASE(
    "the first frame waits while config.json is read and while the sign-in code is redeemed") {
  CHECK(firstFrameWaits(onScreen(Screen::Loading), 0));
  CHECK(firstFrameWaits(onScreen(Screen::SigningIn), 250));
}

TEST_CASE("the first frame waits while organizations are found and while any is still listing") {
  CHECK(firstFrameWaits(signedInWithOrganizations(true, false), 300));
  CHECK(firstFrameWaits(signedInWithOrganizations(false, true), 300));
}

TEST_CASE("the first frame is drawn once every organization has its list") {
  CHECK_FALSE(firstFrameWaits(signedInWithOrganizations(false, false), 300));
}

TEST_CASE("the sign-in and setup screens are drawn at once") {
  CHECK_FALSE(firstFrameWaits(onScreen(Screen::SignIn), 0));
  CHECK_FALSE(firstFrameWaits(onScreen(Screen::Setup), 0));
}

TEST_CASE("an error ends the wait, so that it is shown") {
  AppState s = onScreen(Screen::SigningIn);
  s.lastError = makeError("auth.invalid_grant", "The sign-in code was already used.");
  CHECK_FALSE(firstFrameWaits(s, 100));
}

TEST_CASE("the wait ends at its limit whatever is still loading") {
  CHECK(firstFrameWaits(signedInWithOrganizations(false, true), kFirstFrameWaitLimitMs - 1));
  CHECK_FALSE(firstFrameWaits(signedInWithOrganizations(false, true), kFirstFrameWaitLimitMs));
  CHECK_FALSE(firstFrameWaits(onScreen(Screen::SigningIn), kFirstFrameWaitLimitMs + 500));
}
