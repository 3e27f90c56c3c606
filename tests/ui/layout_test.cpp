// Narrow (400 px) layouts, device-pixel scaling and the theme.
#include "ui/widgets/theme.h"
#include "ui_harness.h"

using namespace patdesk;
using namespace patdesk::uitest;

namespace {

void checkAllInside(const UiHarness& ui) {
  for (const auto& item : ui.items()) {
    INFO("item \"" << item.label << "\" at x=" << item.x << " w=" << item.w);
    CHECK(item.x >= -0.5f);
    CHECK(item.x + item.w <= ui.width() + 0.5f);
  }
}

}  // namespace

TEST_CASE("At 400 px the main screen keeps every item on screen horizontally") {
  UiHarness ui(400, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.state.tokens[0].selected = true;
  ++ui.state.selectionRevision;  // as the App does on every selection change
  ui.settle();
  for (const char* label : {"New token", "Refresh", "Search", "Sign out", "Choose organization",
                            "Build pipeline", "Revoke selected (1)", "Active", "All"})
    CHECK_MESSAGE(ui.find(label) != nullptr, label);
  CHECK(ui.count("More") == 3);
  CHECK(ui.find("Scopes") == nullptr);  // minor columns hidden
  CHECK(ui.find("Created") == nullptr);
  checkAllInside(ui);
}

TEST_CASE("At 400 px the row menu offers Details, Edit, Rotate and Revoke") {
  UiHarness ui(400, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.click("More");
  CHECK(ui.find("Details") != nullptr);
  CHECK(ui.find("Edit") != nullptr);
  CHECK(ui.find("Rotate") != nullptr);
  const auto intents = ui.click("Revoke");
  CHECK(countOf<app::intent::AskRevoke>(intents) == 1);
}

TEST_CASE("At 400 px the panels fill the screen and keep their buttons on screen") {
  UiHarness ui(400, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.state.panel = app::Panel::Create;
  ui.state.createDraft.organization = "contoso";
  ui.settle();
  REQUIRE(ui.find("Create") != nullptr);
  CHECK(inside(*ui.find("Create"), ui.width(), ui.height()));
  checkAllInside(ui);

  ui.state.panel = app::Panel::Secret;
  ui.secret = "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnop";
  ui.settle();
  REQUIRE(ui.find("Copy") != nullptr);
  CHECK(inside(*ui.find("Copy"), ui.width(), ui.height()));
  checkAllInside(ui);
}

TEST_CASE("At 400 px the setup and sign-in screens fit horizontally") {
  UiHarness ui(400, 800);
  ui.state.screen = app::Screen::Setup;
  ui.settle();
  checkAllInside(ui);
  ui.state.screen = app::Screen::SignIn;
  ui.settle();
  checkAllInside(ui);
}

TEST_CASE("At devicePixelRatio 2 sizes double and the layout still fits") {
  UiHarness ui(2560, 1600, 2.0f);
  CHECK(ImGui::GetStyle().FrameRounding == doctest::Approx(12.0f));
  mainScreenWithThreeTokens(ui.state);
  ui.settle();
  REQUIRE(ui.find("Revoke") != nullptr);
  checkAllInside(ui);
}

TEST_CASE("applyTheme switches palettes without compounding the scale") {
  UiHarness ui(1280, 800);
  ui::applyTheme(false, 1.5f);
  ui::applyTheme(false, 1.5f);
  CHECK(ImGui::GetStyle().FrameRounding == doctest::Approx(9.0f));
  CHECK_FALSE(ui::themeIsDark());
  CHECK(ui::palette().primary.z > 0.7f);  // #0F6CBD
  ui::applyTheme(true, 1.0f);
  CHECK(ui::themeIsDark());
}

TEST_CASE("At 400 px the reminder caption stays one line instead of wrapping letter by letter") {
  UiHarness ui(400, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.settle();
  const auto* caption = ui.find("before expiry");
  const auto* remind = ui.find("Remind me");
  REQUIRE(caption != nullptr);
  REQUIRE(remind != nullptr);
  CHECK(caption->h <= remind->h + 0.5f);
}
