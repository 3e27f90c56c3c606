// Keyboard-only use: Tab / Shift-Tab through every control, Enter and Space activate the
// focused one, Enter in a form's field submits it, and the focus ring follows.
#include <imgui_internal.h>

#include <cstdio>

#include "ui_harness.h"

using namespace patdesk;
using namespace patdesk::uitest;

namespace {

std::vector<app::Intent> press(UiHarness& ui, ImGuiKey key, bool shift = false) {
  ImGuiIO& io = ImGui::GetIO();
  const int index = io.KeyMap[key];
  std::vector<app::Intent> all;
  auto add = [&all](std::vector<app::Intent> more) {
    for (auto& i : more) all.push_back(std::move(i));
  };
  io.KeyShift = shift;
  io.KeysDown[index] = true;
  add(ui.frame());
  io.KeysDown[index] = false;
  add(ui.frame());
  io.KeyShift = false;
  add(ui.frame());
  return all;
}

std::vector<app::Intent> tab(UiHarness& ui) { return press(ui, ImGuiKey_Tab); }
std::vector<app::Intent> shiftTab(UiHarness& ui) { return press(ui, ImGuiKey_Tab, true); }
std::vector<app::Intent> enter(UiHarness& ui) { return press(ui, ImGuiKey_Enter); }

// The label of the item with keyboard focus ("" when none).
std::string focused(const UiHarness& ui) {
  std::string label;
  int n = 0;
  for (const auto& item : ui.items())
    if (item.focused) {
      label = item.label;
      ++n;
    }
  REQUIRE_MESSAGE(n <= 1, "more than one item reports keyboard focus");
  return label;
}

// Tabs until `label` has focus; returns how many presses it took (fails after `limit`).
int tabTo(UiHarness& ui, const std::string& label, int limit = 80) {
  for (int i = 1; i <= limit; ++i) {
    tab(ui);
    if (focused(ui) == label) return i;
  }
  FAIL("Tab never reached \"" << label << "\"");
  return -1;
}

}  // namespace

namespace {

// The labels Tab visits from where focus is, `n` presses.
std::vector<std::string> tabSequence(UiHarness& ui, int n, bool backwards = false) {
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) {
    press(ui, ImGuiKey_Tab, backwards);
    out.push_back(focused(ui));
  }
  return out;
}

const ui::VisibleItem* focusedItem(const UiHarness& ui) {
  for (const auto& item : ui.items())
    if (item.focused) return &item;
  return nullptr;
}

void openCreate(UiHarness& ui, float height = 800) {
  (void)height;
  mainScreenWithThreeTokens(ui.state);
  ui.settle();
  ui.state.panel = app::Panel::Create;
  ui.state.createDraft = app::CreateDraft{};
  ui.state.createDraft.organization = "contoso";
  ui.settle();
}

}  // namespace

TEST_CASE("Tab visits every control of the main screen in reading order, then wraps") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.settle();
  CHECK(focused(ui).empty());  // nothing shows focus until the keyboard is used

  const std::vector<std::string> expected = {"Choose organization",
                                             "Light mode",
                                             "Sign out",
                                             "Active",
                                             "Expired",
                                             "Revoked",
                                             "All",
                                             "Search",
                                             "New token",
                                             "Refresh",
                                             "Select expiring soon",
                                             "Export CSV",
                                             "Export JSON",
                                             "Remind 1 day before",
                                             "Remind 3 days before",
                                             "Remind 7 days before",
                                             "Remind 14 days before",
                                             "Add reminders to calendar",
                                             "Select all visible",
                                             "Name",
                                             "Organization",
                                             "Scopes",
                                             "Created",
                                             "Expires",
                                             "Status",
                                             "Actions",
                                             "Select Build pipeline",
                                             "Build pipeline",
                                             "Details",
                                             "Edit",
                                             "Rotate",
                                             "Revoke",
                                             "Select Release deploy",
                                             "Release deploy",
                                             "Details",
                                             "Edit",
                                             "Rotate",
                                             "Revoke",
                                             "Select Nightly backup",
                                             "Nightly backup",
                                             "Details",
                                             "Edit",
                                             "Rotate",
                                             "Revoke",
                                             "Choose organization"};
  CHECK(tabSequence(ui, static_cast<int>(expected.size())) == expected);
}

TEST_CASE("Shift-Tab walks the same order backwards") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.settle();
  tabTo(ui, "New token");
  const std::vector<std::string> back = {"Search", "All",      "Revoked",    "Expired",
                                         "Active", "Sign out", "Light mode", "Choose organization",
                                         "Revoke"};  // wraps to the last row's Revoke
  CHECK(tabSequence(ui, static_cast<int>(back.size()), true) == back);
}

TEST_CASE("Enter and Space activate the focused button, Enter on a chip or checkbox too") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.settle();
  tabTo(ui, "New token");
  CHECK(countOf<app::intent::OpenCreate>(enter(ui)) == 1);
  CHECK(countOf<app::intent::OpenCreate>(press(ui, ImGuiKey_Space)) == 1);

  tabTo(ui, "Expired");
  const auto intents1 = enter(ui);
  const auto* filter = firstOf<app::intent::SetFilter>(intents1);
  REQUIRE(filter != nullptr);
  CHECK(filter->filter == app::StatusFilter::Expired);

  tabTo(ui, "Select Release deploy");
  const auto intents2 = enter(ui);
  const auto* toggle = firstOf<app::intent::ToggleRow>(intents2);
  REQUIRE(toggle != nullptr);
  CHECK(toggle->authorizationId == "id-2");

  // Enter with the focus ring hidden (the mouse was used last) does nothing.
  ui.click("Refresh");
  CHECK(countOf<app::intent::Refresh>(enter(ui)) == 0);
}

TEST_CASE("Tab into a text field edits it, Tab out of it moves on and stops editing") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.settle();
  tabTo(ui, "Search");
  ui.type("night");
  CHECK(ui.state.search == "night");
  CHECK(focused(ui) == "Search");
  tab(ui);
  CHECK(focused(ui) == "New token");
  ui.type("x");
  CHECK(ui.state.search == "night");  // no longer editing
  shiftTab(ui);
  CHECK(focused(ui) == "Search");
  ui.type("ly");
  CHECK(ui.state.search == "nightly");  // back in, the text kept (and the caret at its end)
}

TEST_CASE("A row's Revoke is reached by Tab, Enter asks, and Enter confirms") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.settle();
  int revokes = 0;
  while (revokes < 2) {
    tab(ui);
    if (focused(ui) == "Revoke") ++revokes;  // the second row: Release deploy
  }
  const auto intents3 = enter(ui);
  const auto* ask = firstOf<app::intent::AskRevoke>(intents3);
  REQUIRE(ask != nullptr);
  REQUIRE(ask->authorizationIds.size() == 1);
  CHECK(ask->authorizationIds.front() == "id-2");

  ui.state.panel = app::Panel::ConfirmRevoke;
  ui.state.revokeTargets = {"id-2"};
  ui.frame();
  ui.frame();
  // Opened from the keyboard: focus (and its ring) is on the dialog's first button.
  CHECK(focused(ui) == "Revoke");
  CHECK(countOf<app::intent::ConfirmRevoke>(enter(ui)) == 1);
  CHECK(tabSequence(ui, 3) == std::vector<std::string>{"Cancel", "Revoke", "Cancel"});
  CHECK(countOf<app::intent::ClosePanel>(enter(ui)) == 1);
}

TEST_CASE("The create pane: Tab from Name reaches every field, chip and the footer, scrolling") {
  UiHarness ui(1280, 800);
  openCreate(ui);
  CHECK(focused(ui) == "Name");  // focused when the pane opens
  ui.type("nightly");
  CHECK(ui.state.createDraft.name == "nightly");

  const std::vector<std::string> start = {"Organization", "7 days",        "30 days",
                                          "60 days",      "90 days",       "180 days",
                                          "1 year",       "Custom",        "Custom defined",
                                          "Full access",  "Filter scopes", "Show all scopes"};
  CHECK(tabSequence(ui, static_cast<int>(start.size())) == start);

  // Space on a chip picks it; Enter too.
  tabTo(ui, "Code: Read & write");
  press(ui, ImGuiKey_Space);
  CHECK(ui.state.createDraft.scope == "vso.code_write");
  tabTo(ui, "Work Items: Read");  // far below the fold of the pane's body: scrolled to
  const ui::VisibleItem* item = focusedItem(ui);
  REQUIRE(item != nullptr);
  CHECK(inside(*item, ui.width(), ui.height()));
  enter(ui);
  CHECK(ui.state.createDraft.scope == "vso.code_write vso.work");

  // On to the footer (outside the scrolling body), where Enter submits.
  tab(ui);
  tab(ui);
  tab(ui);
  CHECK(focused(ui) == "Create");
  CHECK(countOf<app::intent::SubmitCreate>(enter(ui)) == 1);
  tab(ui);
  CHECK(focused(ui) == "Cancel");
  tab(ui);
  CHECK(focused(ui) == "Copy link to this form");
  tab(ui);
  CHECK(focused(ui) == "Name");  // wraps within the pane, never to the screen behind
  item = focusedItem(ui);
  REQUIRE(item != nullptr);
  CHECK(inside(*item, ui.width(), ui.height()));
}

TEST_CASE("The create pane: a disabled Create is skipped, Enter in Name submits once valid") {
  UiHarness ui(1280, 800);
  openCreate(ui);
  ui.state.createDraft.scope = "vso.code";
  for (const std::string& label : tabSequence(ui, 60)) CHECK(label != "Create");
  ui.state.createDraft.name = "";
  ui.state.panel = app::Panel::None;
  ui.settle();
  ui.state.panel = app::Panel::Create;
  ui.settle();
  CHECK(focused(ui) == "Name");
  CHECK(countOf<app::intent::SubmitCreate>(enter(ui)) == 0);  // no name yet: only stops editing
  shiftTab(ui);
  tab(ui);
  CHECK(focused(ui) == "Name");  // editing again
  ui.type("ci");
  CHECK(countOf<app::intent::SubmitCreate>(enter(ui)) == 1);
}

TEST_CASE("The copy-once panel: Copy, Reveal, clipboard clearing, snippets and Done by keyboard") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.settle();
  tabTo(ui, "New token");  // the keyboard is in use
  ui.state.panel = app::Panel::Secret;
  ui.state.secretTokenName = "nightly";
  ui.secret = std::string(52, 'a');
  ui.settle();
  CHECK(focused(ui) == "Copy");
  CHECK(countOf<app::intent::CopySecret>(enter(ui)) == 1);
  CHECK(tabSequence(ui, 5) == std::vector<std::string>{"Reveal",
                                                       "Clear the clipboard 60 s after copying",
                                                       "Ready-to-paste snippets", "Done", "Copy"});
  shiftTab(ui);
  CHECK(focused(ui) == "Done");
  CHECK(countOf<app::intent::DoneWithSecret>(enter(ui)) == 1);
}

TEST_CASE("With the mouse used last, the first Tab shows focus where it is") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.settle();
  ui.state.panel = app::Panel::Secret;
  ui.secret = std::string(52, 'a');
  ui.settle();
  CHECK(focused(ui).empty());
  tab(ui);
  CHECK(focused(ui) == "Copy");
}

TEST_CASE("The organization picker opens with Enter, Tab walks its entries, Enter picks one") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.settle();
  tabTo(ui, "Choose organization");
  enter(ui);
  ui.settle();
  tabTo(ui, "fabrikam");
  const auto intents4 = enter(ui);
  const auto* pick = firstOf<app::intent::SelectOrganization>(intents4);
  REQUIRE(pick != nullptr);
  CHECK(pick->name == "fabrikam");
}

TEST_CASE("Rows scrolled out of the token table are reached with the arrow keys") {
  // Tab only visits the rows the table submits (the visible ones); ImGui's arrow-key
  // navigation scrolls the table's clipper to the rest.
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.state.tokens.clear();
  for (int i = 0; i < 60; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "token %02d", i);
    ui.state.tokens.push_back(
        {makeToken("id-" + std::to_string(i), name, "contoso", kNow + (10 + i) * kDay)});
  }
  ui.settle();
  tabTo(ui, "Select token 00");
  for (int i = 0; i < 59; ++i) press(ui, ImGuiKey_DownArrow);
  CHECK(focused(ui) == "Select token 59");
  const ui::VisibleItem* item = focusedItem(ui);
  REQUIRE(item != nullptr);
  CHECK(inside(*item, ui.width(), ui.height()));
  const auto intents = enter(ui);
  const auto* toggle = firstOf<app::intent::ToggleRow>(intents);
  REQUIRE(toggle != nullptr);
  CHECK(toggle->authorizationId == "id-59");
}

namespace {

// What App does with OpenCreate (src/core/app/app.cpp): the pane opens on the draft, for
// the selected (or first) organization.
void applyOpenCreate(UiHarness& ui) {
  ui.state.panel = app::Panel::Create;
  if (ui.state.createDraft.organization.empty())
    ui.state.createDraft.organization = ui.state.organizations.front().name;
}

// Name is ImGui's active item, in text-edit mode, and shows keyboard focus.
void checkNameIsEditing(const UiHarness& ui) {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  CHECK(focused(ui) == "Name");  // g.NavId is Name's id
  CHECK(g.ActiveId != 0);
  CHECK(g.ActiveId == g.NavId);
  CHECK(g.InputTextState.ID == g.ActiveId);  // its text-edit state is the live one
}

}  // namespace

TEST_CASE("Enter on New token opens the create pane with Name being edited, Enter held or not") {
  // A real key press spans frames (the browser delivers key-up later, and a slow frame can
  // make ImGui repeat the held key). The page draws only two frames after the one that
  // emitted an intent, so Name must be editing from the pane's first frame: the page moves
  // the browser's focus to its hidden text field when ImGui reports WantTextInput, which it
  // does one frame after the field starts editing.
  for (const float deltaTime : {1.0f / 60.0f, 0.1f}) {
    for (int heldFrames = 0; heldFrames <= 4; ++heldFrames) {
      CAPTURE(deltaTime);
      CAPTURE(heldFrames);
      UiHarness ui(1280, 800);
      mainScreenWithThreeTokens(ui.state);
      ui.settle();
      tabTo(ui, "New token");
      ImGuiIO& io = ImGui::GetIO();
      io.DeltaTime = deltaTime;
      const int enterKey = io.KeyMap[ImGuiKey_Enter];
      io.KeysDown[enterKey] = true;
      REQUIRE(countOf<app::intent::OpenCreate>(ui.frame()) == 1);
      applyOpenCreate(ui);

      std::vector<app::Intent> intents;
      for (int frame = 1; frame <= heldFrames + 3; ++frame) {
        CAPTURE(frame);
        if (frame > heldFrames) io.KeysDown[enterKey] = false;
        for (auto& i : ui.frame()) intents.push_back(std::move(i));
        checkNameIsEditing(ui);  // from the pane's first frame on
        if (frame >= 2) CHECK(io.WantTextInput);
      }
      CHECK(intents.empty());  // the held Enter neither submits nor closes anything
      ui.type("nightly");
      CHECK(ui.state.createDraft.name == "nightly");
    }
  }
}
