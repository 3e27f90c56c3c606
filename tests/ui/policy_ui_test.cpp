// The December 2026 screens: the rotate confirmation, Recreate on expired and global rows,
// the past tense for global tokens, the throttling countdown and the packaging-only offer.
#include "core/devops/pat.h"
#include "core/error_codes.h"
#include "ui_harness.h"

using namespace patdesk;
using namespace patdesk::uitest;

namespace {

bool anyLabelContains(const UiHarness& ui, const std::string& text) {
  for (const auto& item : ui.items())
    if (item.label.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("The rotate confirmation says what happens and offers Rotate and Cancel") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.state.panel = app::Panel::ConfirmRotate;
  ui.state.panelTokenId = "id-2";
  ui.settle();
  CHECK(anyLabelContains(ui,
                         "Creates a new token named \"Release deploy\" with the same scopes and "
                         "lifetime, shows its secret once, then revokes the current one: anything "
                         "using the current token stops working."));
  CHECK(countOf<app::intent::ConfirmRotate>(ui.click("Rotate")) == 1);
  CHECK(countOf<app::intent::ClosePanel>(ui.click("Cancel")) == 1);
  CHECK(countOf<app::intent::ClosePanel>(ui.pressEscape()) == 1);
}

TEST_CASE("An expired row offers Recreate and no Edit") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.state.tokens = {{makeToken("id-x", "Old build", "contoso", kNow - 2 * kDay)}};
  ui.state.filter = app::StatusFilter::Expired;
  ui.settle();
  CHECK(ui.find("Edit") == nullptr);
  const auto recreate = ui.click("Recreate");
  REQUIRE(firstOf<app::intent::OpenRecreate>(recreate) != nullptr);
  CHECK(firstOf<app::intent::OpenRecreate>(recreate)->authorizationId == "id-x");
}

TEST_CASE("After 1 December 2026 a global row says it no longer works and offers no Edit") {
  UiHarness ui(1280, 800);
  ui.now = devops::kGlobalPatRetirementMs + 3 * kDay;
  mainScreenWithThreeTokens(ui.state);
  ui.state.tokens = {
      {makeToken("id-g", "Old global", "contoso", ui.now + 40 * kDay, "vso.code", true)}};
  ui.settle();
  CHECK(ui.findPrefix("Global PATs no longer work since 1 December 2026") != nullptr);
  CHECK(ui.findPrefix("Global PATs stop working") == nullptr);
  CHECK(ui.find("Edit") == nullptr);
  CHECK(ui.find("Rotate") == nullptr);
  CHECK(countOf<app::intent::OpenRecreate>(ui.click("Recreate")) == 1);
}

TEST_CASE("The throttling countdown shows the seconds left with Retry now and Cancel") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.state.throttleRetryAtMs = kNow + 23500;
  ui.state.throttleWaitMs = 30000;
  ui.settle();
  CHECK(ui.find("Azure DevOps is throttling: retrying in 24 s") != nullptr);
  CHECK(countOf<app::intent::RetryThrottledNow>(ui.click("Retry now")) == 1);
  CHECK(countOf<app::intent::CancelThrottled>(ui.click("Cancel")) == 1);
}

TEST_CASE("A packaging-only refusal in the create pane offers Keep only packaging scopes") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.state.panel = app::Panel::Create;
  ui.state.createDraft.organization = "contoso";
  ui.state.createDraft.scope = "vso.code vso.packaging";
  ui.state.lastError = makeError(errc::kPolicyPackagingOnly, "packaging only", "keep them");
  ui.settle();
  CHECK(countOf<app::intent::KeepOnlyPackagingScopes>(ui.click("Keep only packaging scopes")) == 1);
}

TEST_CASE("A Recreate draft titles the create pane Recreate token") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.state.panel = app::Panel::Create;
  ui.state.createDraft.organization = "contoso";
  ui.state.createDraft.recreateOf = "id-1";
  ui.settle();
  CHECK(ui.find("Recreate token") != nullptr);
}
