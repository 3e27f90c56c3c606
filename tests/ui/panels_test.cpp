// Create, secret, details, edit and revoke panels; Escape; focus.
#include "ui_harness.h"

using namespace patdesk;
using namespace patdesk::uitest;

namespace {

void openCreate(UiHarness& ui) {
  mainScreenWithThreeTokens(ui.state);
  ui.state.panel = app::Panel::Create;
  ui.state.createDraft = app::CreateDraft{};
  ui.state.createDraft.organization = "contoso";
  ui.state.createDraft.scope = "vso.code";
}

bool anyLabelContains(const UiHarness& ui, const std::string& text) {
  for (const auto& item : ui.items())
    if (item.label.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("An open panel hides the screen underneath from the item registry") {
  UiHarness ui(1280, 800);
  openCreate(ui);
  ui.settle();
  CHECK(ui.find("New token") == nullptr);
  CHECK(ui.find("Build pipeline") == nullptr);
  CHECK(ui.find("Create") != nullptr);
  CHECK(ui.find("Cancel") != nullptr);
}

TEST_CASE("The create pane's Create button does nothing until the draft is valid") {
  UiHarness ui(1280, 800);
  openCreate(ui);
  ui.settle();
  const ui::VisibleItem* create = ui.find("Create");
  REQUIRE(create != nullptr);
  CHECK(inside(*create, ui.width(), ui.height()));
  CHECK(countOf<app::intent::SubmitCreate>(ui.click("Create")) == 0);

  ui.state.createDraft.name = "CI pipeline";
  CHECK(countOf<app::intent::SubmitCreate>(ui.click("Create")) == 1);
}

TEST_CASE("The create pane focuses Name when it opens, and typing fills the draft") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.settle();
  ui.state.panel = app::Panel::Create;
  ui.state.createDraft.organization = "contoso";
  ui.frame();
  ui.frame();
  ui.type("nightly");
  CHECK(ui.state.createDraft.name == "nightly");
}

TEST_CASE("The create pane shows the validation problems under their fields") {
  UiHarness ui(1280, 2400);  // tall enough to show every common scope group
  openCreate(ui);
  ui.state.organizations.clear();
  ui.state.createDraft.organization.clear();
  ui.state.createDraft.scope.clear();
  ui.settle();
  CHECK(ui.find("Choose an organization.") != nullptr);
  CHECK(anyLabelContains(ui, "Pick at least one scope"));
  ui.state.createDraft.name = "x";
  ui.state.createDraft.expiryPresetDays = 0;
  ui.state.createDraft.customDate = "not a date";
  ui.settle();
  CHECK(ui.find("Expiration date") != nullptr);
  bool expiryProblem = false;
  for (const auto& item : ui.items())
    expiryProblem = expiryProblem || (item.label.find("YYYY-MM-DD") != std::string::npos &&
                                      item.label != "Expiration date");
  CHECK(expiryProblem);
}

TEST_CASE("The create pane never offers all accessible organizations and says why") {
  UiHarness ui(1280, 800);
  openCreate(ui);
  ui.settle();
  CHECK(anyLabelContains(ui, "global PATs stop working on 2026-12-01"));
  ui.click("Organization");
  CHECK(ui.find("contoso") != nullptr);
  CHECK(ui.find("fabrikam") != nullptr);
  CHECK(ui.find("All accessible organizations") == nullptr);
  ui.click("fabrikam");
  CHECK(ui.state.createDraft.organization == "fabrikam");
}

TEST_CASE("Expiration presets set the draft and a custom date shows UTC and local") {
  UiHarness ui(1280, 800);
  openCreate(ui);
  ui.click("90 days");
  CHECK(ui.state.createDraft.expiryPresetDays == 90);
  ui.click("1 year");
  CHECK(ui.state.createDraft.expiryPresetDays == 365);
  ui.click("Custom");
  CHECK(ui.state.createDraft.expiryPresetDays == 0);
  ui.state.createDraft.customDate = "2025-02-01";
  ui.settle();
  CHECK(anyLabelContains(ui, "UTC: 2025-02-01"));
  CHECK(anyLabelContains(ui, "/ local: "));
}

TEST_CASE("Picking a scope level rewrites the draft's scope string") {
  UiHarness ui(1280, 2400);  // tall enough to show every common scope group
  openCreate(ui);
  ui.settle();
  CHECK(ui.find("Code: Read") != nullptr);
  CHECK(ui.find("Code: None") != nullptr);
  ui.click("Code: Read & write");
  CHECK(ui.state.createDraft.scope == "vso.code_write");
  ui.settle();
  CHECK(ui.find("vso.code_write") != nullptr);  // the live scope string
  ui.click("Code: None");
  CHECK(ui.state.createDraft.scope.empty());
}

TEST_CASE("Show all scopes and the scope filter change which groups are listed") {
  UiHarness ui(1280, 2400);  // tall enough to show every common scope group
  openCreate(ui);
  ui.settle();
  const size_t common = ui.items().size();
  ui.click("Show all scopes");
  CHECK(ui.state.createDraft.showAllScopes);
  ui.settle();
  CHECK(ui.items().size() > common);
  ui.state.createDraft.scopeFilter = "code";
  ui.settle();
  CHECK(ui.find("Code: Read") != nullptr);
  CHECK(ui.find("Work Items: Read") == nullptr);
}

TEST_CASE("High-privilege scope levels are marked") {
  UiHarness ui(1280, 2400);  // tall enough to show every common scope group
  openCreate(ui);
  ui.state.createDraft.scope = "vso.code_full";
  ui.settle();
  CHECK(ui.find("Code: Full") != nullptr);
  CHECK(ui.find("vso.code_full") != nullptr);
}

TEST_CASE("Full access warns in red and hides the custom picker") {
  UiHarness ui(1280, 2400);  // tall enough to show every common scope group
  openCreate(ui);
  ui.click("Full access");
  CHECK(ui.state.createDraft.fullAccess);
  ui.settle();
  CHECK(ui.find("Full access can do anything you can \xE2\x80\x94 prefer custom scopes.") !=
        nullptr);
  CHECK(ui.find("Code: Read") == nullptr);
  ui.click("Custom defined");
  CHECK_FALSE(ui.state.createDraft.fullAccess);
}

TEST_CASE("Cancel and Escape close the create pane") {
  UiHarness ui(1280, 800);
  openCreate(ui);
  CHECK(countOf<app::intent::ClosePanel>(ui.click("Cancel")) == 1);
  ui.settle();
  CHECK(countOf<app::intent::ClosePanel>(ui.pressEscape()) == 1);
}

TEST_CASE("The secret panel masks the token until revealed and offers Copy and Done") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.state.panel = app::Panel::Secret;
  ui.state.secretTokenName = "CI pipeline";
  ui.state.secretOrganization = "contoso";
  ui.state.notices = {"Azure DevOps shortened the lifetime to 180 days (organization policy)."};
  ui.secret = "s3cr3tpatvalue0123456789abcdefghijklmnopqrstuvwxyz";
  ui.settle();
  CHECK(ui.find("Your new token") != nullptr);
  CHECK(ui.find("Copy it now \xE2\x80\x94 it will not be shown again.") != nullptr);
  CHECK(ui.find("Azure DevOps shortened the lifetime to 180 days (organization policy).") !=
        nullptr);
  CHECK(ui.find("Reveal") != nullptr);
  CHECK(countOf<app::intent::CopySecret>(ui.click("Copy")) == 1);
  CHECK(countOf<app::intent::ToggleReveal>(ui.click("Reveal")) == 1);
  CHECK(countOf<app::intent::DoneWithSecret>(ui.click("Done")) == 1);

  ui.state.secretCopied = true;
  ui.state.secretRevealed = true;
  ui.click("Ready-to-paste snippets");
  ui.settle();
  CHECK(ui.find("Copied") != nullptr);
  CHECK(ui.find("Hide") != nullptr);
  // The registry that window.patdesk.items() exposes never holds the secret.
  CHECK_FALSE(anyLabelContains(ui, ui.secret));
}

TEST_CASE("Escape on the secret panel asks to be done with it") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.state.panel = app::Panel::Secret;
  ui.secret = "abc";
  ui.settle();
  const auto intents = ui.pressEscape();
  CHECK(countOf<app::intent::DoneWithSecret>(intents) == 1);
  CHECK(countOf<app::intent::ClosePanel>(intents) == 0);
}

TEST_CASE("Closing an uncopied secret asks first: Close anyway or Go back") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.state.panel = app::Panel::ConfirmCloseSecret;
  ui.settle();
  CHECK(ui.find("You have not copied this token. Close anyway?") != nullptr);
  CHECK(countOf<app::intent::ForceCloseSecret>(ui.click("Close anyway")) == 1);
  CHECK(countOf<app::intent::ClosePanel>(ui.click("Go back")) == 1);
  CHECK(countOf<app::intent::ClosePanel>(ui.pressEscape()) == 1);
}

TEST_CASE("Confirm revoke lists the tokens and their organizations") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.state.panel = app::Panel::ConfirmRevoke;
  ui.state.revokeTargets = {"id-1", "id-2"};
  ui.settle();
  CHECK(ui.find("Revoke 2 tokens?") != nullptr);
  CHECK(ui.find("Build pipeline \xC2\xB7 contoso") != nullptr);
  CHECK(ui.find("Release deploy \xC2\xB7 fabrikam") != nullptr);
  CHECK(ui.count("Revoke") == 1);
  CHECK(countOf<app::intent::ConfirmRevoke>(ui.click("Revoke")) == 1);
  CHECK(countOf<app::intent::ClosePanel>(ui.click("Cancel")) == 1);
}

TEST_CASE("Details show every field and offer the token's actions") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.state.panel = app::Panel::Details;
  ui.state.panelTokenId = "id-1";
  ui.settle();
  CHECK(ui.find("Build pipeline") != nullptr);
  CHECK(ui.find("id-1") != nullptr);
  CHECK(ui.find("contoso") != nullptr);
  CHECK(ui.find("vso.code vso.work_write") != nullptr);
  CHECK(ui.find("contoso-account-id") != nullptr);
  CHECK(anyLabelContains(ui, "(vso.work_write)"));
  CHECK(anyLabelContains(ui, "UTC"));
  CHECK(countOf<app::intent::OpenEdit>(ui.click("Edit")) == 1);
  CHECK(countOf<app::intent::Rotate>(ui.click("Rotate")) == 1);
  const auto revoke = ui.click("Revoke");
  REQUIRE(firstOf<app::intent::AskRevoke>(revoke) != nullptr);
  CHECK(firstOf<app::intent::AskRevoke>(revoke)->authorizationIds ==
        std::vector<std::string>{"id-1"});
  CHECK(countOf<app::intent::ClosePanel>(ui.click("Close")) == 1);
}

TEST_CASE("Details of a global token say it applies to every organization") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.state.tokens.push_back(
      {makeToken("id-g", "Old global", "contoso", kNow + 9 * kDay, "vso.code", true)});
  ui.state.panel = app::Panel::Details;
  ui.state.panelTokenId = "id-g";
  ui.settle();
  CHECK(anyLabelContains(ui, "All accessible organizations (global PAT)"));
}

TEST_CASE("The edit pane saves only a valid draft") {
  UiHarness ui(1280, 2400);  // tall enough to show every common scope group
  mainScreenWithThreeTokens(ui.state);
  ui.state.panel = app::Panel::Edit;
  ui.state.panelTokenId = "id-2";
  ui.state.editDraft.authorizationId = "id-2";
  ui.state.editDraft.organization = "fabrikam";
  ui.state.editDraft.name = "";
  ui.state.editDraft.scope = "vso.code";
  ui.state.editDraft.extendDays = 0;
  ui.settle();
  CHECK(ui.find("Save") != nullptr);
  CHECK(countOf<app::intent::SubmitEdit>(ui.click("Save")) == 0);
  ui.state.editDraft.name = "Release deploy v2";
  ui.click("60 days");
  CHECK(ui.state.editDraft.extendDays == 60);
  ui.click("Code: Read & write");
  CHECK(ui.state.editDraft.scope == "vso.code_write");
  CHECK(countOf<app::intent::SubmitEdit>(ui.click("Save")) == 1);
  CHECK(countOf<app::intent::ClosePanel>(ui.click("Cancel")) == 1);
}

TEST_CASE("The edit pane switches between full access and custom scopes without losing them") {
  UiHarness ui(1280, 2400);  // tall enough to show every common scope group
  mainScreenWithThreeTokens(ui.state);
  ui.state.panel = app::Panel::Edit;
  ui.state.editDraft.authorizationId = "id-1";
  ui.state.editDraft.name = "Build pipeline";
  ui.state.editDraft.scope = "vso.code vso.work_write";
  ui.click("Full access");
  CHECK(ui.state.editDraft.scope == "app_token");
  ui.click("Custom defined");
  CHECK(ui.state.editDraft.scope == "vso.code vso.work_write");
}

TEST_CASE("Errors during a panel show inside the panel") {
  UiHarness ui(1280, 800);
  openCreate(ui);
  ui.state.lastError = makeError("devops.create_failed", "The token could not be created.",
                                 "Check the scopes and try again.");
  ui.settle();
  CHECK(ui.find("The token could not be created.") != nullptr);
  CHECK(countOf<app::intent::DismissError>(ui.click("Dismiss")) == 1);
}

TEST_CASE("Toasts are drawn bottom-right while they last") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.state.toasts = {{"Token revoked", kNow + 3000}, {"Old toast", kNow - 1}};
  ui.settle();
  const ui::VisibleItem* toast = ui.find("Token revoked");
  REQUIRE(toast != nullptr);
  CHECK(toast->x > ui.width() / 2);
  CHECK(toast->y > ui.height() / 2);
  CHECK(ui.find("Old toast") == nullptr);
}

TEST_CASE("The secret panel offers to clear the clipboard 60 seconds after copying") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.state.panel = app::Panel::Secret;
  ui.state.secretTokenName = "CI pipeline";
  ui.secret = "s3cr3tpatvalue0123456789abcdefghijklmnopqrstuvwxyz";
  ui.settle();
  const auto intents = ui.click("Clear the clipboard 60 s after copying");
  const auto* set = firstOf<app::intent::SetClearClipboard>(intents);
  REQUIRE(set != nullptr);
  CHECK(set->on);
}
