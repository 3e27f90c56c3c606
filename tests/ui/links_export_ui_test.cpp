// The create pane filled in from a link (banner, messages, highlighted scopes, the extra
// high-privilege tick, Copy link) and the inventory's counts, exports and reminders.
#include "core/app/create_link_flow.h"
#include "ui_harness.h"

using namespace patdesk;
using namespace patdesk::uitest;

namespace {

void openLinkDraft(UiHarness& ui) {
  mainScreenWithThreeTokens(ui.state);
  ui.state.panel = app::Panel::Create;
  app::CreateDraft d;
  d.name = "ci feed";
  d.organization = "contoso";
  d.scope = "vso.code_full vso.packaging";
  d.fromLink = true;
  d.showAllScopes = true;
  d.linkScopes = {"vso.packaging", "vso.code_full"};
  d.linkHighPrivilegeScopes = {"vso.code_full"};
  d.linkMessages = {"An unknown scope was left out: vso.bogus."};
  ui.state.createDraft = d;
}

}  // namespace

TEST_CASE("A create pane filled from a link shows the banner and the link's messages") {
  UiHarness ui(1280, 800);
  openLinkDraft(ui);
  ui.settle();
  CHECK(ui.find(app::kLinkBanner) != nullptr);
  CHECK(ui.find("An unknown scope was left out: vso.bogus.") != nullptr);
  CHECK(ui.find("Copy link to this form") != nullptr);
}

TEST_CASE("A high-privilege scope from a link holds Create back until it is confirmed") {
  UiHarness ui(1280, 800);
  openLinkDraft(ui);
  ui.settle();
  CHECK(countOf<app::intent::SubmitCreate>(ui.click("Create")) == 0);
  ui.state.createDraft.highPrivilegeConfirmed = true;
  CHECK(countOf<app::intent::SubmitCreate>(ui.click("Create")) == 1);
}

TEST_CASE("Copy link to this form asks the app for a link") {
  UiHarness ui(1280, 800);
  openLinkDraft(ui);
  ui.settle();
  CHECK(countOf<app::intent::CopyCreateLink>(ui.click("Copy link to this form")) == 1);
}

TEST_CASE("A pane without a link shows no banner and needs no extra tick") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.state.panel = app::Panel::Create;
  ui.state.createDraft.name = "x";
  ui.state.createDraft.organization = "contoso";
  ui.state.createDraft.scope = "vso.code_full";
  ui.settle();
  CHECK(ui.find(app::kLinkBanner) == nullptr);
  CHECK(ui.find("I need these high-privilege scopes") == nullptr);
  CHECK(countOf<app::intent::SubmitCreate>(ui.click("Create")) == 1);
}

TEST_CASE("The inventory header counts the tokens expiring within 7 days and selects them") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.settle();
  CHECK(ui.find("1 expires within 7 days") != nullptr);
  CHECK(countOf<app::intent::SelectExpiringSoon>(ui.click("Select expiring soon")) == 1);
}

TEST_CASE("The export and reminder buttons emit their intents") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.settle();
  const auto csv = ui.click("Export CSV");
  REQUIRE(countOf<app::intent::ExportInventory>(csv) == 1);
  CHECK(firstOf<app::intent::ExportInventory>(csv)->format == app::ExportFormat::Csv);
  const auto json = ui.click("Export JSON");
  REQUIRE(countOf<app::intent::ExportInventory>(json) == 1);
  CHECK(firstOf<app::intent::ExportInventory>(json)->format == app::ExportFormat::Json);
  const auto lead = ui.click("Remind 14 days before");
  REQUIRE(countOf<app::intent::SetReminderLeadDays>(lead) == 1);
  CHECK(firstOf<app::intent::SetReminderLeadDays>(lead)->days == 14);
  CHECK(countOf<app::intent::ExportReminders>(ui.click("Add reminders to calendar")) == 1);
}

TEST_CASE("The inventory actions fit a 400 px wide screen") {
  UiHarness ui(400, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.settle();
  for (const char* label : {"Export CSV", "Export JSON", "Add reminders to calendar"}) {
    const ui::VisibleItem* item = ui.find(label);
    REQUIRE(item != nullptr);
    CHECK(item->x + item->w <= ui.width() + 0.5f);
  }
}
