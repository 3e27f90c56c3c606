// Headless ImGui frames over a canned AppState: draw, collect the visible items, and click
// them by label with simulated mouse input.
#pragma once

#include <imgui.h>

#include <doctest/doctest.h>

#include <string>
#include <variant>
#include <vector>

#include "core/app/app_state.h"
#include "core/app/intents.h"
#include "ui/app_ui.h"
#include "ui/imgui_ext/visible_items.h"

namespace patdesk::uitest {

inline constexpr int64_t kNow = 1735732800000;  // 2025-01-01T12:00:00Z
inline constexpr int64_t kDay = 24LL * 60 * 60 * 1000;
inline constexpr int kEscapeKey = 27;

inline devops::PatToken makeToken(const std::string& id, const std::string& name,
                                  const std::string& org, int64_t validToMs,
                                  const std::string& scope = "vso.code vso.work_write",
                                  bool global = false) {
  devops::PatToken pat;
  pat.authorizationId = id;
  pat.displayName = name;
  pat.organization = org;
  pat.scope = scope;
  pat.validFromMs = kNow - 10 * kDay;
  pat.validToMs = validToMs;
  if (!global) pat.targetAccounts = std::vector<std::string>{org + "-account-id"};
  return pat;
}

class UiHarness {
 public:
  UiHarness(float width, float height, float scale = 1.0f) : scale_(scale) {
    context_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(width, height);
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DeltaTime = 1.0f / 60.0f;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    for (int key = 0; key < ImGuiKey_COUNT; ++key) io.KeyMap[key] = 100 + key;
    io.KeyMap[ImGuiKey_Escape] = kEscapeKey;
    io.Fonts->AddFontDefault();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    ui::applyTheme(true, scale);
  }
  ~UiHarness() { ImGui::DestroyContext(context_); }
  UiHarness(const UiHarness&) = delete;
  UiHarness& operator=(const UiHarness&) = delete;

  app::AppState state;
  std::string secret;
  std::string redirectUri = "https://patdesk.example.com/app/";
  int64_t now = kNow;

  // Draws one frame; returns the intents it emitted.
  std::vector<app::Intent> frame() {
    ImGui::SetCurrentContext(context_);
    ui::beginItemCollection(context_);
    ImGui::NewFrame();
    std::vector<app::Intent> intents;
    ui::UiFrameInput in{state, secret, now, scale_, ui::Fonts{}, redirectUri};
    ui::drawApp(in, intents);
    ImGui::Render();
    applyTyping(intents);
    return intents;
  }

  // A few frames so that auto-sized windows settle.
  std::vector<app::Intent> settle(int frames = 3) {
    std::vector<app::Intent> all;
    for (int i = 0; i < frames; ++i) append(all, frame());
    return all;
  }

  const std::vector<ui::VisibleItem>& items() const { return ui::collectedItems(); }

  const ui::VisibleItem* find(const std::string& label) const {
    for (const auto& item : items())
      if (item.label == label) return &item;
    return nullptr;
  }
  const ui::VisibleItem* findPrefix(const std::string& prefix) const {
    for (const auto& item : items())
      if (item.label.rfind(prefix, 0) == 0) return &item;
    return nullptr;
  }
  int count(const std::string& label) const {
    int n = 0;
    for (const auto& item : items()) n += item.label == label ? 1 : 0;
    return n;
  }

  // Moves the mouse over the item (the `nth` one with that label), presses and releases.
  std::vector<app::Intent> click(const std::string& label, int nth = 0) {
    settle(2);
    const ui::VisibleItem* item = nullptr;
    int seen = 0;
    for (const auto& candidate : items()) {
      if (candidate.label == label && seen++ == nth) {
        item = &candidate;
        break;
      }
    }
    REQUIRE_MESSAGE(item != nullptr, "no visible item labelled \"" << label << "\"");
    return clickAt(ImVec2(item->x + item->w * 0.5f, item->y + item->h * 0.5f));
  }

  std::vector<app::Intent> clickAt(ImVec2 pos) {
    ImGuiIO& io = ImGui::GetIO();
    std::vector<app::Intent> all;
    // Arrive from a nearby point so ImGui sees real mouse motion (motion re-enables mouse
    // hover after keyboard focus, as it does in a browser).
    io.MousePos = ImVec2(pos.x - 2.0f, pos.y - 1.0f);
    append(all, frame());
    io.MousePos = pos;
    append(all, frame());
    io.MouseDown[0] = true;
    append(all, frame());
    io.MouseDown[0] = false;
    append(all, frame());
    append(all, frame());
    return all;
  }

  std::vector<app::Intent> pressEscape() {
    ImGuiIO& io = ImGui::GetIO();
    std::vector<app::Intent> all;
    io.KeysDown[kEscapeKey] = true;
    append(all, frame());
    io.KeysDown[kEscapeKey] = false;
    append(all, frame());
    return all;
  }

  std::vector<app::Intent> type(const char* text) {
    ImGui::GetIO().AddInputCharactersUTF8(text);
    std::vector<app::Intent> all = frame();
    append(all, frame());
    return all;
  }

  float width() const { return ImGui::GetIO().DisplaySize.x; }
  float height() const { return ImGui::GetIO().DisplaySize.y; }

 private:
  // What the App does with the intents that carry typed text: the canned state follows the
  // fields, as the real state does after dispatch.
  void applyTyping(const std::vector<app::Intent>& intents) {
    for (const auto& i : intents) {
      if (const auto* c = std::get_if<app::intent::ChangeCreateDraft>(&i))
        state.createDraft = c->draft;
      if (const auto* c = std::get_if<app::intent::ChangeEditDraft>(&i)) state.editDraft = c->draft;
      if (const auto* c = std::get_if<app::intent::ChangeTenant>(&i)) state.tenant = c->text;
      if (const auto* c = std::get_if<app::intent::ChangeSearch>(&i)) state.search = c->text;
    }
  }
  static void append(std::vector<app::Intent>& to, std::vector<app::Intent> from) {
    for (auto& i : from) to.push_back(std::move(i));
  }
  ImGuiContext* context_ = nullptr;
  float scale_ = 1.0f;
};

template <class T>
int countOf(const std::vector<app::Intent>& intents) {
  int n = 0;
  for (const auto& i : intents) n += std::holds_alternative<T>(i) ? 1 : 0;
  return n;
}

template <class T>
const T* firstOf(const std::vector<app::Intent>& intents) {
  for (const auto& i : intents)
    if (const T* t = std::get_if<T>(&i)) return t;
  return nullptr;
}

inline bool inside(const ui::VisibleItem& item, float width, float height) {
  return item.x >= -0.5f && item.y >= -0.5f && item.x + item.w <= width + 0.5f &&
         item.y + item.h <= height + 0.5f;
}

// A signed-in main screen with three tokens in two organizations.
inline void mainScreenWithThreeTokens(app::AppState& st) {
  st.screen = app::Screen::Main;
  st.signedIn = true;
  st.user.name = "Ada Lovelace";
  st.user.username = "ada@contoso.com";
  st.organizations.clear();
  for (const char* name : {"contoso", "fabrikam"}) {
    app::OrganizationView org;
    org.name = name;
    st.organizations.push_back(org);
  }
  st.tokens = {
      {makeToken("id-1", "Build pipeline", "contoso", kNow + 3 * kDay)},
      {makeToken("id-2", "Release deploy", "fabrikam", kNow + 20 * kDay)},
      {makeToken("id-3", "Nightly backup", "contoso", kNow + 200 * kDay, "vso.packaging")}};
}

}  // namespace patdesk::uitest
