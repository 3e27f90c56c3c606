// Loading, setup and sign-in screens.
#include "ui_harness.h"

using namespace patdesk;
using namespace patdesk::uitest;

TEST_CASE("The loading screen says patdesk is loading") {
  UiHarness ui(1280, 800);
  ui.state.screen = app::Screen::Loading;
  ui.settle();
  CHECK(ui.find("Loading patdesk\xE2\x80\xA6") != nullptr);
}

TEST_CASE("The setup screen explains the app registration with the redirect URI") {
  UiHarness ui(1280, 800);
  ui.state.screen = app::Screen::Setup;
  ui.state.setupProblem = makeError("config.missing_client_id", "config.json has no clientId.",
                                    "Add the Application (client) ID.");
  ui.settle();
  CHECK(ui.find("patdesk needs an app registration") != nullptr);
  CHECK(ui.find("config.json has no clientId.") != nullptr);
  const ui::VisibleItem* uri = ui.find(ui.redirectUri);
  REQUIRE(uri != nullptr);
  CHECK(inside(*uri, ui.width(), ui.height()));
  bool mentionsSpa = false, mentionsPermission = false, mentionsConfig = false;
  for (const auto& item : ui.items()) {
    mentionsSpa = mentionsSpa || item.label.find("Single-page application") != std::string::npos;
    mentionsPermission =
        mentionsPermission || item.label.find("user_impersonation") != std::string::npos;
    mentionsConfig = mentionsConfig || item.label.find("config.json") != std::string::npos;
  }
  CHECK(mentionsSpa);
  CHECK(mentionsPermission);
  CHECK(mentionsConfig);
}

TEST_CASE("The sign-in screen shows Sign in with Microsoft fully inside the display") {
  for (float width : {1280.0f, 400.0f}) {
    UiHarness ui(width, 800);
    ui.state.screen = app::Screen::SignIn;
    ui.settle();
    const ui::VisibleItem* button = ui.find("Sign in with Microsoft");
    REQUIRE(button != nullptr);
    CHECK(inside(*button, ui.width(), ui.height()));
    CHECK(ui.find("Tenant (for guests)") != nullptr);
    CHECK(ui.findPrefix("Create, copy, rotate and revoke your Azure DevOps") != nullptr);
  }
}

TEST_CASE("Clicking Sign in with Microsoft emits SignIn") {
  UiHarness ui(1280, 800);
  ui.state.screen = app::Screen::SignIn;
  const auto intents = ui.click("Sign in with Microsoft");
  CHECK(countOf<app::intent::SignIn>(intents) == 1);
}

TEST_CASE("Typing a tenant edits the tenant field in place") {
  UiHarness ui(1280, 800);
  ui.state.screen = app::Screen::SignIn;
  ui.click("Tenant (for guests)");
  ui.type("contoso.onmicrosoft.com");
  CHECK(ui.state.tenant == "contoso.onmicrosoft.com");
}

TEST_CASE("The sign-in screen shows the last error and Dismiss emits DismissError") {
  UiHarness ui(1280, 800);
  ui.state.screen = app::Screen::SignIn;
  Error error = makeError("auth.denied", "Sign-in was cancelled.", "Try again.");
  error.httpStatus = 400;
  error.activityId = "abc-123";
  ui.state.lastError = error;
  ui.settle();
  CHECK(ui.find("Sign-in was cancelled.") != nullptr);
  CHECK(ui.find("What to do: Try again.") != nullptr);
  ui.click("Error details");
  CHECK(ui.find("HTTP status: 400") != nullptr);
  CHECK(ui.find("Activity ID: abc-123") != nullptr);
  const auto intents = ui.click("Dismiss");
  CHECK(countOf<app::intent::DismissError>(intents) == 1);
}

TEST_CASE("The sandbox banner shows at the top of every screen") {
  for (app::Screen screen : {app::Screen::Loading, app::Screen::Setup, app::Screen::SignIn,
                             app::Screen::SigningIn, app::Screen::Main}) {
    UiHarness ui(1280, 800);
    ui.state.screen = screen;
    ui.state.sandbox = true;
    ui.settle();
    const ui::VisibleItem* banner =
        ui.findPrefix("Sandbox: this page talks to a local test identity");
    REQUIRE(banner != nullptr);
    CHECK(banner->y < 60.0f);
  }
}

TEST_CASE("The signing-in screen shows a spinner message") {
  UiHarness ui(1280, 800);
  ui.state.screen = app::Screen::SigningIn;
  ui.settle();
  CHECK(ui.find("Signing you in\xE2\x80\xA6") != nullptr);
}
