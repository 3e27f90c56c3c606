// The inventory: header, banners, filters, table, selection, sorting, chart.
#include <chrono>

#include "ui_harness.h"

using namespace patdesk;
using namespace patdesk::uitest;

TEST_CASE("The main screen lists every token by name with a Revoke button per row") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.settle();
  CHECK(ui.find("Build pipeline") != nullptr);
  CHECK(ui.find("Release deploy") != nullptr);
  CHECK(ui.find("Nightly backup") != nullptr);
  CHECK(ui.count("Revoke") == 3);
  CHECK(ui.count("Details") == 3);
  CHECK(ui.count("Rotate") == 3);
  CHECK(ui.count("Edit") == 3);
  CHECK(ui.find("New token") != nullptr);
  CHECK(ui.find("Refresh") != nullptr);
  CHECK(ui.find("Search") != nullptr);
  CHECK(ui.find("Sign out") != nullptr);
  CHECK(ui.find("Light mode") != nullptr);
  CHECK(ui.find("Choose organization") != nullptr);
  CHECK(ui.find("Ada Lovelace \xC2\xB7 ada@contoso.com") != nullptr);
  for (const char* header : {"Name", "Organization", "Scopes", "Created", "Expires", "Status"})
    CHECK_MESSAGE(ui.find(header) != nullptr, header);
}

TEST_CASE("Clicking a row's Revoke asks to revoke exactly that token") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.settle();
  const ui::VisibleItem* name = ui.find("Release deploy");
  REQUIRE(name != nullptr);
  int nth = 0, index = 0;
  for (const auto& item : ui.items()) {
    if (item.label != "Revoke") continue;
    if (item.y <= name->y + name->h && item.y + item.h >= name->y) nth = index;
    ++index;
  }
  const auto intents = ui.click("Revoke", nth);
  const auto* ask = firstOf<app::intent::AskRevoke>(intents);
  REQUIRE(ask != nullptr);
  CHECK(ask->authorizationIds == std::vector<std::string>{"id-2"});
}

TEST_CASE("Clicking a token name opens its details") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  const auto intents = ui.click("Nightly backup");
  const auto* open = firstOf<app::intent::OpenDetails>(intents);
  REQUIRE(open != nullptr);
  CHECK(open->authorizationId == "id-3");
}

TEST_CASE("Row actions emit Details, Edit and Rotate for their token") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.state.sortColumn = app::SortColumn::Expires;
  ui.settle();
  const auto details = ui.click("Details");
  CHECK(countOf<app::intent::OpenDetails>(details) == 1);
  const auto edit = ui.click("Edit");
  CHECK(countOf<app::intent::OpenEdit>(edit) == 1);
  const auto rotate = ui.click("Rotate");
  CHECK(countOf<app::intent::Rotate>(rotate) == 1);
}

TEST_CASE("Expired and revoked tokens offer no Edit") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.state.filter = app::StatusFilter::All;
  ui.state.tokens[0].pat.validToMs = kNow - kDay;  // expired
  ui.state.tokens[1].pat.revoked = true;
  ui.settle();
  CHECK(ui.count("Edit") == 1);
  CHECK(ui.count("Revoke") == 2);  // not for the revoked one
}

TEST_CASE("Clicking a sortable header emits SetSort for that column") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  const auto intents = ui.click("Name");
  const auto* sort = firstOf<app::intent::SetSort>(intents);
  REQUIRE(sort != nullptr);
  CHECK(sort->column == app::SortColumn::Name);
  CHECK(sort->ascending);
}

TEST_CASE("Drawing the table with the state's own sort emits no SetSort") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  const auto intents = ui.settle(4);
  CHECK(countOf<app::intent::SetSort>(intents) == 0);
}

TEST_CASE("Row checkboxes toggle rows and the header checkbox selects all visible") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  const auto toggle = ui.click("Select Build pipeline");
  const auto* row = firstOf<app::intent::ToggleRow>(toggle);
  REQUIRE(row != nullptr);
  CHECK(row->authorizationId == "id-1");
  CHECK_FALSE(row->shiftRange);

  ImGui::GetIO().KeyShift = true;
  const auto shifted = ui.click("Select Nightly backup");
  ImGui::GetIO().KeyShift = false;
  REQUIRE(firstOf<app::intent::ToggleRow>(shifted) != nullptr);
  CHECK(firstOf<app::intent::ToggleRow>(shifted)->shiftRange);

  const auto all = ui.click("Select all visible");
  const auto* selectAll = firstOf<app::intent::SelectAllVisible>(all);
  REQUIRE(selectAll != nullptr);
  CHECK(selectAll->selected);
}

TEST_CASE("Revoke selected shows the selection count and asks for those tokens") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.settle();
  CHECK(ui.findPrefix("Revoke selected") == nullptr);
  ui.state.tokens[0].selected = true;
  ui.state.tokens[2].selected = true;
  ++ui.state.selectionRevision;  // as the App does on every selection change
  const auto intents = ui.click("Revoke selected (2)");
  const auto* ask = firstOf<app::intent::AskRevoke>(intents);
  REQUIRE(ask != nullptr);
  CHECK(ask->authorizationIds.size() == 2);
}

TEST_CASE("Status filter buttons emit SetFilter") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  const auto intents = ui.click("Expired");
  const auto* filter = firstOf<app::intent::SetFilter>(intents);
  REQUIRE(filter != nullptr);
  CHECK(filter->filter == app::StatusFilter::Expired);
  CHECK(countOf<app::intent::SetFilter>(ui.click("Active")) == 0);  // already active
}

TEST_CASE("Toolbar and header buttons emit their intents") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  CHECK(countOf<app::intent::OpenCreate>(ui.click("New token")) == 1);
  CHECK(countOf<app::intent::Refresh>(ui.click("Refresh")) == 1);
  CHECK(countOf<app::intent::ToggleTheme>(ui.click("Light mode")) == 1);
  CHECK(countOf<app::intent::SignOut>(ui.click("Sign out")) == 1);
}

TEST_CASE("Typing in Search edits the search text in place") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.click("Search");
  ui.type("night");
  CHECK(ui.state.search == "night");
}

TEST_CASE("The organization selector offers All organizations, each organization and Add") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.state.selectedOrganization = "contoso";
  ui.click("Choose organization");
  CHECK(ui.find("All organizations") != nullptr);
  CHECK(ui.find("fabrikam") != nullptr);
  CHECK(ui.find("Add organization\xE2\x80\xA6") != nullptr);
  const auto pick = ui.click("fabrikam");
  const auto* select = firstOf<app::intent::SelectOrganization>(pick);
  REQUIRE(select != nullptr);
  CHECK(select->name == "fabrikam");

  ui.click("Choose organization");
  const auto all = ui.click("All organizations");
  REQUIRE(firstOf<app::intent::SelectOrganization>(all) != nullptr);
  CHECK(firstOf<app::intent::SelectOrganization>(all)->name.empty());
}

TEST_CASE("Adding an organization by URL emits AddOrganization with its name") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.click("Choose organization");
  ui.click("Add organization\xE2\x80\xA6");
  ui.settle();
  REQUIRE(ui.find("Organization name") != nullptr);
  ui.type("https://dev.azure.com/woodgrove/project");
  const auto intents = ui.click("Add");
  const auto* add = firstOf<app::intent::AddOrganization>(intents);
  REQUIRE(add != nullptr);
  CHECK(add->name == "woodgrove");
  ui.settle();
  CHECK(ui.find("Organization name") == nullptr);
}

TEST_CASE("A guest with no organizations is offered the Add organization field") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.state.organizations.clear();
  ui.state.tokens.clear();
  ui.settle();
  CHECK(ui.find("Organization name") != nullptr);
}

TEST_CASE("Global tokens get a badge and a retirement banner counting the days") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.state.tokens.push_back(
      {makeToken("id-g", "Old global", "contoso", kNow + 90 * kDay, "vso.code", true)});
  ui.settle();
  const ui::VisibleItem* banner = ui.findPrefix("Global PATs stop working on 1 December 2026");
  REQUIRE(banner != nullptr);
  // 2025-01-01T12:00Z to 2026-12-01T00:00Z is 698.5 days: "in 699 days".
  CHECK(banner->label.find("in 699 days") != std::string::npos);
  CHECK(banner->label.find("rotate them into single-organization tokens") != std::string::npos);
}

TEST_CASE("No banner about global PATs when every token is scoped to one organization") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.settle();
  CHECK(ui.findPrefix("Global PATs stop working") == nullptr);
}

TEST_CASE("Organization loading shows progress with pages and tokens so far") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.state.organizations[0].loading = true;
  ui.state.organizations[0].pagesLoaded = 2;
  ui.state.organizations[0].tokensLoaded = 150;
  ui.state.organizations[1].pagesLoaded = 1;
  ui.state.organizations[1].tokensLoaded = 3;
  ui.settle();
  CHECK(ui.find("Loading tokens from 1 organization: 3 pages, 153 tokens so far\xE2\x80\xA6") !=
        nullptr);
}

TEST_CASE("A failed organization listing is reported by name") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.state.organizations[1].error =
      makeError("devops.forbidden", "Access denied.", "Ask for access.");
  ui.settle();
  CHECK(ui.find("Could not list tokens in fabrikam: Access denied. Ask for access.") != nullptr);
}

TEST_CASE("Busy work shows a spinner with its label, and progress steps are listed") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.state.busy = 1;
  ui.state.busyLabel = "Revoking 2 tokens\xE2\x80\xA6";
  ui.state.progressSteps = {"Revoked Build pipeline", "Revoking Release deploy"};
  ui.settle();
  CHECK(ui.find("Revoking 2 tokens\xE2\x80\xA6") != nullptr);
  CHECK(ui.find("Revoked Build pipeline") != nullptr);
  CHECK(ui.find("Revoking Release deploy") != nullptr);
}

TEST_CASE("Empty states say what is missing and how to fix it") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.state.tokens.clear();
  ui.state.selectedOrganization = "contoso";
  ui.settle();
  CHECK(ui.find("No active tokens in contoso. Create one with New token.") != nullptr);
  ui.state.search = "zzz";
  ui.settle();
  CHECK(ui.find("No tokens match \"zzz\".") != nullptr);
}

TEST_CASE("The expiry timeline chart shows when tokens expire soon") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.settle();
  const ui::VisibleItem* chart = ui.find("Expiry timeline");
  REQUIRE(chart != nullptr);
  CHECK(chart->w > 300.0f);
  // Hovering the first week's bar must not disturb anything.
  ImGui::GetIO().MousePos = ImVec2(chart->x + 60.0f, chart->y + chart->h * 0.5f);
  CHECK(ui.settle().empty());
}

TEST_CASE("Ten thousand rows draw in one frame with only the visible rows submitted") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.state.tokens.clear();
  for (int i = 0; i < 10000; ++i) {
    ui.state.tokens.push_back(
        {makeToken("id-" + std::to_string(i), "Token " + std::to_string(i),
                   i % 2 ? "contoso" : "fabrikam", kNow + (i % 300 + 1) * kDay)});
  }
  ui.settle(1);
  const auto start = std::chrono::steady_clock::now();
  ui.frame();
  const auto elapsed = std::chrono::steady_clock::now() - start;
  const int revokes = ui.count("Revoke");
  CHECK(revokes > 5);
  CHECK(revokes < 100);
  MESSAGE("one frame with 10,000 tokens: "
          << std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() << " ms, "
          << revokes << " rows submitted");
}

TEST_CASE("While organizations are being found the screen says so twice, not three times") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.state.organizations.clear();
  ui.state.tokens.clear();
  ui.state.organizationsLoading = true;
  ui.state.busy = 1;
  ui.state.busyLabel = "Finding your organizations\xE2\x80\xA6";
  ui.settle();
  // Once as the busy line, once in the empty table.
  CHECK(ui.count("Finding your organizations\xE2\x80\xA6") == 2);
}
