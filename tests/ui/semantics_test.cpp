// The semantic item registry the ARIA mirror reads: roles, names, values, states and
// containers, from ImGui's item hooks and the thin wrappers of ui/imgui_ext/semantics.h; and
// focus, activation and text coming back from the mirror.
#include "ui/imgui_ext/semantics.h"
#include "ui/imgui_ext/tab_order.h"
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
  ui.state.createDraft.expiryPresetDays = 30;
}

const ui::Container& containerOf(const ui::VisibleItem& item) {
  return ui::collectedContainers().at(static_cast<size_t>(item.container));
}

}  // namespace

TEST_CASE("The main screen's controls have the roles a screen reader expects") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.state.tokens[0].selected = true;
  ui.settle();
  REQUIRE(ui.find("New token") != nullptr);
  CHECK(ui.find("New token")->role == ui::Role::Button);
  REQUIRE(ui.find("Search") != nullptr);
  CHECK(ui.find("Search")->role == ui::Role::Textbox);
  REQUIRE(ui.find("patdesk") != nullptr);
  CHECK(ui.find("patdesk")->role == ui::Role::Heading);
  const ui::VisibleItem* picker = ui.find("Choose organization");
  REQUIRE(picker != nullptr);
  CHECK(picker->role == ui::Role::Combobox);
  CHECK(picker->value == "All organizations");
  CHECK_FALSE(picker->expanded);
  const ui::VisibleItem* active = ui.find("Active");
  REQUIRE(active != nullptr);
  CHECK(active->role == ui::Role::Radio);
  CHECK(active->hasChecked);
  CHECK(containerOf(*active).role == ui::ContainerRole::Main);
}

TEST_CASE("Table cells know their row and column, and headers their sort direction") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.state.tokens[1].selected = true;
  ui.settle();
  const ui::VisibleItem* box = ui.find("Select " + ui.state.tokens[1].pat.displayName);
  REQUIRE(box != nullptr);
  CHECK(box->role == ui::Role::Checkbox);
  CHECK(box->checked);
  CHECK(box->table != 0);
  CHECK(box->row > 0);
  CHECK(box->column == 0);
  const ui::VisibleItem* header =
      ui.find(ui.state.sortColumn == app::SortColumn::Expires ? "Expires" : "Name");
  REQUIRE(header != nullptr);
  CHECK(header->role == ui::Role::ColumnHeader);
  CHECK(header->headerRow);
  CHECK(header->sort == (ui.state.sortAscending ? 1 : -1));
  const ui::VisibleItem* name = ui.find(ui.state.tokens[1].pat.displayName);
  REQUIRE(name != nullptr);
  CHECK(name->row == box->row);
}

TEST_CASE("The inventory summary is announced, and announcements stay out of clicks") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.settle();
  const ui::VisibleItem* summary = nullptr;
  for (const auto& item : ui.items())
    if (item.role == ui::Role::Status && item.label.find(" within 7 days") != std::string::npos)
      summary = &item;
  REQUIRE(summary != nullptr);
  CHECK(summary->mirrorOnly);
  CHECK(summary->label.rfind("3 tokens, ", 0) == 0);
}

TEST_CASE("A panel is a dialog named by its title, and the organization picker a listbox") {
  UiHarness ui(1280, 800);
  openCreate(ui);
  ui.settle();
  const ui::VisibleItem* name = ui.find("Name");
  REQUIRE(name != nullptr);
  CHECK(name->role == ui::Role::Textbox);
  CHECK(containerOf(*name).role == ui::ContainerRole::Dialog);
  CHECK(containerOf(*name).name == "New personal access token");
  REQUIRE(ui.find("30 days") != nullptr);
  CHECK(ui.find("30 days")->checked);
  ui.click("Organization");
  const ui::VisibleItem* option = ui.find("fabrikam");
  REQUIRE(option != nullptr);
  CHECK(option->role == ui::Role::Option);
  CHECK_FALSE(option->selected);
  CHECK(containerOf(*option).role == ui::ContainerRole::Listbox);
  REQUIRE(ui.find("contoso") != nullptr);
  CHECK(ui.find("contoso")->selected);
  CHECK(ui.find("Organization")->expanded);
}

TEST_CASE("A heading scrolled out of view leaves its role to nobody, and still names the dialog") {
  UiHarness ui(1280, 450);  // short: the create pane's body scrolls
  openCreate(ui);
  ui.settle();
  REQUIRE(ui.find("New personal access token") != nullptr);
  CHECK(ui.find("New personal access token")->role == ui::Role::Heading);
  const ui::VisibleItem* last = nullptr;
  for (const auto& item : ui.items())
    if (item.role == ui::Role::Radio) last = &item;
  REQUIRE(last != nullptr);
  ui::requestFocusFromMirror(*ImGui::GetCurrentContext(), last->id);
  ui.settle();
  CHECK(ui.find("New personal access token") == nullptr);  // scrolled out
  int headings = 0;
  for (const auto& item : ui.items()) headings += item.role == ui::Role::Heading ? 1 : 0;
  CHECK(headings == 0);
  REQUIRE(ui.find("Name") == nullptr);
  const ui::VisibleItem* cancel = ui.find("Cancel");
  REQUIRE(cancel != nullptr);
  CHECK(containerOf(*cancel).name == "New personal access token");
}

TEST_CASE("The copy-once field is named for a screen reader and never holds the secret") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.state.panel = app::Panel::Secret;
  ui.secret = "s3cr3t-value-that-must-not-leak";
  ui.state.secretRevealed = true;
  ui.settle();
  const ui::VisibleItem* field = ui.find("Token value, hidden: use Copy");
  REQUIRE(field != nullptr);
  CHECK(field->role == ui::Role::Textbox);
  CHECK(field->readOnly);
  CHECK(field->value.empty());
  for (const auto& item : ui.items()) {
    CHECK(item.label.find(ui.secret) == std::string::npos);
    CHECK(item.value.find(ui.secret) == std::string::npos);
  }
}

TEST_CASE("A text field reports its text, and text typed in the mirror replaces it") {
  UiHarness ui(1280, 800);
  openCreate(ui);
  ui.state.createDraft.name = "nightly";
  ui.settle();
  const ui::VisibleItem* name = ui.find("Name");
  REQUIRE(name != nullptr);
  CHECK(name->value == "nightly");
  ui::queueMirrorText(name->id, "from the mirror");
  ui.settle();
  CHECK(ui.state.createDraft.name == "from the mirror");
  REQUIRE(ui.find("Name") != nullptr);
  CHECK(ui.find("Name")->value == "from the mirror");
}

TEST_CASE("Focus and activation from the mirror move ImGui's focus and press the control") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  ui.settle();
  const ui::VisibleItem* refresh = ui.find("Refresh");
  REQUIRE(refresh != nullptr);
  const ImGuiID refreshId = refresh->id;
  ui::requestFocusFromMirror(*ImGui::GetCurrentContext(), refreshId);
  ui.frame();
  REQUIRE(ui.find("Refresh") != nullptr);
  CHECK(ui.find("Refresh")->focused);
  const ui::VisibleItem* create = ui.find("New token");
  REQUIRE(create != nullptr);
  ui::requestActivateFromMirror(*ImGui::GetCurrentContext(), create->id);
  const auto intents = ui.settle(2);
  CHECK(firstOf<app::intent::OpenCreate>(intents) != nullptr);
}
