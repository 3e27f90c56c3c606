#include "core/app/app.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "core/app/create_link_flow.h"
#include "core/app/links_and_files.h"
#include "core/app/return_to.h"
#include "core/app/selectors.h"
#include "core/auth/auth_session.h"
#include "core/devops/devops_client.h"
#include "core/error_codes.h"
#include "core/text/iso8601.h"
#include "core/text/secure_wipe.h"

namespace patdesk::app {

namespace {
constexpr int64_t kToastMs = 4000;
constexpr int64_t kClipboardClearMs = 60000;

devops::DisplayFilter toApiFilter(StatusFilter f) {
  switch (f) {
    case StatusFilter::Active:
      return devops::DisplayFilter::Active;
    case StatusFilter::Expired:
      return devops::DisplayFilter::Expired;
    case StatusFilter::Revoked:
      return devops::DisplayFilter::Revoked;
    case StatusFilter::All:
      return devops::DisplayFilter::All;
  }
  return devops::DisplayFilter::Active;
}
OrganizationView organizationView(const std::string& name, bool discovered) {
  OrganizationView view;
  view.name = name;
  view.discovered = discovered;
  return view;
}
}  // namespace

// Everything with a lifetime tied to a configuration: the sign-in session and the client.
struct App::Impl {
  App& app;
  AppConfig config;
  std::unique_ptr<auth::AuthSession> auth;
  std::unique_ptr<devops::DevOpsClient> devops;
  std::string lastToggledId;  // anchor for shift-click range selection
  bool discovered = false;    // organization discovery (profile + accounts) succeeded
  int clipboardTimer = 0;
  // Bumped on sign-out so callbacks from an old session are ignored.
  int generation = 0;
  bool creating = false;  // a create POST is in flight: never send a second one
  // The latest list request per organization; answers to older ones are ignored.
  struct ListInFlight {
    int id = 0;
    StatusFilter filter = StatusFilter::Active;
  };
  std::map<std::string, ListInFlight> lists;
  std::set<int> timers;  // pending timers that call back into this object

  explicit Impl(App& a) : app(a) {}
  // Timers must not fire into a destroyed App (the clock may outlive it).
  void cancelTimers() {
    if (app.platform_.clock) {
      for (int id : timers) app.platform_.clock->cancel(id);
    }
    timers.clear();
    clipboardTimer = 0;
  }

  int schedule(int64_t delayMs, std::function<void()> fn) {
    auto id = std::make_shared<int>(0);
    *id = app.platform_.clock->schedule(delayMs, [this, id, fn = std::move(fn)] {
      timers.erase(*id);
      fn();
    });
    timers.insert(*id);
    return *id;
  }
  void cancel(int id) {
    if (timers.erase(id)) app.platform_.clock->cancel(id);
  }

  // Create links, exports and reminders (issue 15).
  LinksAndFiles linksAndFiles{app.state_, app.platform_,
                              [this](const std::string& text) { toast(text); },
                              [this] { changed(); }};

  AppState& s() { return app.state_; }
  int64_t now() { return app.platform_.clock->nowMs(); }
  void changed() {
    if (app.onChanged_) app.onChanged_();
  }

  // Wraps an async callback: ignored when the session it belongs to has ended.
  template <class F>
  auto guard(F fn) {
    int gen = generation;
    return [this, gen, fn](auto&&... args) {
      if (gen != generation) return;
      fn(std::forward<decltype(args)>(args)...);
      changed();
    };
  }

  void beginBusy(const std::string& label) {
    ++s().busy;
    s().busyLabel = label;
  }
  void endBusy() {
    if (s().busy > 0) --s().busy;
    if (s().busy == 0) s().busyLabel.clear();
  }

  void toast(const std::string& text) {
    s().toasts.push_back({text, now() + kToastMs});
    schedule(kToastMs + 10, [this] {
      app.tick();
      changed();
    });
  }

  void fail(const Error& e) { s().lastError = e; }

  OrganizationView* findOrg(const std::string& name) {
    for (auto& o : s().organizations) {
      if (o.name == name) return &o;
    }
    return nullptr;
  }

  // Rows by authorizationId: a 10,000-token inventory arrives 100 rows at a time, and a
  // linear search per row would make loading quadratic. Validated on every use, so a
  // stale entry (rows erased or reset elsewhere) falls back to a rebuild.
  std::unordered_map<std::string, size_t> rowIndex;

  TokenRow* findRow(const std::string& id) {
    auto& rows = s().tokens;
    auto it = rowIndex.find(id);
    if (it != rowIndex.end() && it->second < rows.size() &&
        rows[it->second].pat.authorizationId == id) {
      return &rows[it->second];
    }
    if (rowIndex.size() != rows.size()) {
      rowIndex.clear();
      for (size_t i = 0; i < rows.size(); ++i) rowIndex[rows[i].pat.authorizationId] = i;
      it = rowIndex.find(id);
      if (it != rowIndex.end()) return &rows[it->second];
    }
    return nullptr;
  }

  void wipeSecret() {
    secureWipe(app.secret_);
    s().secretCopied = false;
    s().secretRevealed = false;
    s().secretTokenName.clear();
    s().secretOrganization.clear();
    s().notices.clear();
  }

  void showSecret(devops::PatToken& created) {
    wipeSecret();
    app.secret_ = created.token;
    secureWipe(created.token);  // the only copy is now App::secret_
    s().secretTokenName = created.displayName;
    s().secretOrganization = created.organization;
    s().panel = Panel::Secret;
  }

  void addOrReplaceRow(devops::PatToken pat) {
    secureWipe(pat.token);
    s().tokensRevision = nextTokensRevision();
    if (auto* row = findRow(pat.authorizationId)) {
      bool selected = row->selected;
      *row = TokenRow{std::move(pat), selected};
    } else {
      rowIndex[pat.authorizationId] = s().tokens.size();
      s().tokens.push_back(TokenRow{std::move(pat), false});
    }
  }

  // ---- sign-in
  void onSignedIn(const auth::User& user) {
    s().signedIn = true;
    s().user = user;
    s().screen = Screen::Main;
    s().lastError.reset();
    devops = std::make_unique<devops::DevOpsClient>(
        config.devopsProfileBaseUrl, config.devopsTokensBaseUrl, app.platform_,
        [this] { return auth ? auth->accessToken() : std::string(); });
    loadOrganizations();
  }

  void loadOrganizations() {
    s().organizationsLoading = true;
    beginBusy("Finding your organizations…");
    devops->getProfile(guard([this](Result<devops::Profile> profile) {
      if (!profile) {
        endBusy();
        s().organizationsLoading = false;
        fail(profile.error());
        organizationsKnown();  // the configured organization still works without a profile
        return;
      }
      s().profileId = profile.value().id;
      devops->listOrganizations(profile.value().id,
                                guard([this](Result<std::vector<devops::Organization>> orgs) {
                                  endBusy();
                                  s().organizationsLoading = false;
                                  if (!orgs) {
                                    fail(orgs.error());
                                  } else {
                                    discovered = true;
                                    for (const auto& o : orgs.value()) {
                                      if (!findOrg(o.name))
                                        s().organizations.push_back(organizationView(o.name, true));
                                    }
                                  }
                                  organizationsKnown();
                                }));
    }));
  }

  // Discovery is over (or failed): add the configured organization and list tokens.
  void organizationsKnown() {
    addConfiguredOrganization();
    checkLinkOrganization(s());
    if (s().createDraft.organization.empty() && !s().organizations.empty()) {
      s().createDraft.organization = config.defaultOrganization.empty()
                                         ? s().organizations.front().name
                                         : config.defaultOrganization;
    }
    refresh();
  }

  void addConfiguredOrganization() {
    if (!config.defaultOrganization.empty() && !findOrg(config.defaultOrganization)) {
      s().organizations.push_back(organizationView(config.defaultOrganization, false));
    }
  }

  // ---- inventory
  void refresh() {
    if (!devops) return;
    for (auto& org : s().organizations) {
      if (!s().selectedOrganization.empty() && org.name != s().selectedOrganization) continue;
      refreshOrganization(org.name);
    }
  }

  void refreshOrganization(const std::string& name) {
    OrganizationView* org = findOrg(name);
    if (!org || !devops) return;
    ListInFlight& current = lists[name];
    if (org->loading) {
      if (current.filter == s().filter) return;  // the list on its way is the one wanted
      // The filter changed meanwhile: that list answers the wrong question. Drop it.
      endBusy();
    }
    const int listId = ++current.id;
    current.filter = s().filter;
    org->loading = true;
    org->pagesLoaded = 0;
    org->tokensLoaded = 0;
    org->error.reset();
    // Replace this organization's rows with what the server says now.
    auto& rows = s().tokens;
    rows.erase(std::remove_if(rows.begin(), rows.end(),
                              [&](const TokenRow& r) { return r.pat.organization == name; }),
               rows.end());
    rowIndex.clear();  // rebuilt on the next lookup
    s().tokensRevision = nextTokensRevision();
    beginBusy("Loading tokens…");
    devops::ListQuery query;
    query.filter = toApiFilter(s().filter);
    devops->listPats(
        name, query,
        guard([this, name, listId](std::vector<devops::PatToken> page, int pageNumber) {
          OrganizationView* o = findOrg(name);
          if (!o || lists[name].id != listId) return;
          o->pagesLoaded = pageNumber;
          o->tokensLoaded += static_cast<int>(page.size());
          for (auto& pat : page) addOrReplaceRow(std::move(pat));
        }),
        guard([this, name, listId](Status status) {
          if (lists[name].id != listId) return;  // superseded: its busy count is gone already
          endBusy();
          OrganizationView* o = findOrg(name);
          if (!o) return;
          o->loading = false;
          if (!status) {
            o->error = status.error();
            fail(status.error());
          }
        }));
  }

  // ---- create
  void submitCreate() {
    const auto& draft = s().createDraft;
    if (creating || !app::validateCreate(draft, now()).empty() || !devops) return;
    devops::CreatePatRequest request;
    request.displayName = trimmedName(draft.name);
    request.scope = draft.fullAccess ? std::string("app_token") : trimmedName(draft.scope);
    request.validToMs = requestedExpiryMs(draft, now());
    request.allOrgs = false;  // global PATs retire on 2026-12-01: never offered
    const std::string org = trimmedName(draft.organization);
    const int64_t requested = request.validToMs;
    beginBusy("Creating token…");
    s().lastError.reset();
    creating = true;
    devops->createPat(org, request, guard([this, requested](Result<devops::PatToken> created) {
                        creating = false;
                        endBusy();
                        if (!created) {
                          fail(created.error());  // the draft stays exactly as typed
                          return;
                        }
                        devops::PatToken& pat =
                            created.value();  // no copy: showSecret wipes the only other one
                        showSecret(pat);
                        if (auto notice = devops::lifespanClampNotice(requested, pat))
                          s().notices.push_back(*notice);
                        addOrReplaceRow(pat);
                        s().createDraft.name.clear();
                        clearLinkPrefill(s().createDraft);
                        toast("Token \"" + pat.displayName + "\" created");
                      }));
  }

  // Details re-reads the token from the server: the list may be stale (another tab, the
  // web UI, or a lifespan policy that shortened validTo after the fact).
  void readBack(const std::string& id) {
    TokenRow* row = findRow(id);
    if (!row || !devops) return;
    const std::string org = row->pat.organization;
    const bool revoked = row->pat.revoked;
    beginBusy("Reading token details…");
    devops->getPat(org, id, guard([this, org, revoked](Result<devops::PatToken> got) {
                     endBusy();
                     if (!got) {
                       fail(got.error());
                       return;
                     }
                     devops::PatToken pat = got.value();
                     pat.revoked = revoked;
                     pat.organization = org;
                     addOrReplaceRow(std::move(pat));
                   }));
  }

  // ---- edit / extend
  void openEdit(const std::string& id) {
    TokenRow* row = findRow(id);
    if (!row) return;
    EditDraft d;
    d.authorizationId = id;
    d.organization = row->pat.organization;
    d.name = row->pat.displayName;
    d.scope = row->pat.scope;
    d.extendDays = 0;
    s().editDraft = d;
    s().panelTokenId = id;
    s().panel = Panel::Edit;
  }

  void submitEdit() {
    const EditDraft draft = s().editDraft;
    TokenRow* row = findRow(draft.authorizationId);
    if (!row || !devops || !app::validateEdit(draft, now()).empty()) return;
    devops::UpdatePatRequest request;
    request.authorizationId = draft.authorizationId;
    const std::string name = trimmedName(draft.name);
    if (name != row->pat.displayName) request.displayName = name;
    if (trimmedName(draft.scope) != row->pat.scope) request.scope = trimmedName(draft.scope);
    const int64_t requested = requestedExtensionMs(draft, now());
    if (requested != 0) request.validToMs = requested;
    beginBusy("Saving changes…");
    s().lastError.reset();
    devops->updatePat(draft.organization, request,
                      guard([this, requested](Result<devops::PatToken> updated) {
                        endBusy();
                        if (!updated) {
                          fail(updated.error());
                          return;
                        }
                        devops::PatToken pat = updated.value();
                        addOrReplaceRow(pat);
                        s().panel = Panel::None;
                        std::string message = "Saved \"" + pat.displayName + "\"";
                        if (requested != 0) {
                          if (auto notice = devops::lifespanClampNotice(requested, pat)) {
                            message += ". " + *notice;
                          } else {
                            message += ", now valid until " + text::formatDate(pat.validToMs);
                          }
                        }
                        toast(message);
                      }));
  }

  // ---- rotate
  void rotate(const std::string& id) {
    TokenRow* row = findRow(id);
    if (!row || !devops) return;
    const devops::PatToken old = row->pat;
    s().progressSteps.clear();
    s().lastError.reset();
    beginBusy("Rotating \"" + old.displayName + "\"…");
    devops->rotatePat(
        old.organization, old,
        guard([this](const std::string& step) { s().progressSteps.push_back(step); }),
        guard([this, old](Result<devops::RotateOutcome> outcome) {
          endBusy();
          if (!outcome) {
            fail(outcome.error());
            return;
          }
          auto& result = outcome.value();
          showSecret(result.replacement);
          addOrReplaceRow(result.replacement);
          if (result.oldRevoked) {
            if (auto* r = findRow(old.authorizationId)) r->pat.revoked = true;
            s().tokensRevision = nextTokensRevision();
            s().progressSteps.push_back("Old token revoked");
          } else if (result.revokeError) {
            s().notices.push_back("The old token \"" + old.displayName +
                                  "\" could not be revoked: " + result.revokeError->message +
                                  " Revoke it yourself; the new token below works.");
          }
          toast("Rotated \"" + old.displayName + "\"");
        }));
  }

  // ---- revoke (one or many)
  void confirmRevoke() {
    if (!devops) return;
    // The targets are taken now: the panel may be opened again for others meanwhile.
    std::vector<std::string> targets;
    for (const auto& id : s().revokeTargets) {
      if (findRow(id) && std::find(targets.begin(), targets.end(), id) == targets.end()) {
        targets.push_back(id);
      }
    }
    s().revokeTargets.clear();
    s().panel = Panel::None;
    s().progressSteps.clear();
    s().lastError.reset();
    const int total = static_cast<int>(targets.size());
    auto remaining = std::make_shared<int>(total);
    auto failures = std::make_shared<int>(0);
    for (const auto& id : targets) {
      TokenRow* row = findRow(id);
      const std::string name = row->pat.displayName;
      const std::string org = row->pat.organization;
      beginBusy("Revoking…");
      devops->revokePat(
          org, id, guard([this, id, name, total, remaining, failures](Status status) {
            endBusy();
            if (status) {
              if (auto* r = findRow(id)) {
                r->pat.revoked = true;
                s().tokensRevision = nextTokensRevision();
                r->selected = false;
              }
              s().progressSteps.push_back("Revoked \"" + name + "\"");
            } else {
              ++*failures;
              s().progressSteps.push_back("Could not revoke \"" + name +
                                          "\": " + status.error().message);
              fail(status.error());
            }
            if (--*remaining == 0) {
              const int ok = total - *failures;
              toast(*failures == 0
                        ? "Revoked " + std::to_string(ok) + (ok == 1 ? " token" : " tokens")
                        : "Revoked " + std::to_string(ok) + " of " + std::to_string(total));
            }
          }));
    }
  }

  // ---- copy-once
  void copySecret() {
    if (app.secret_.empty()) return;
    app.platform_.clipboard->writeText(
        app.secret_, guard([this](bool ok) {
          if (!ok) {
            fail(makeError(errc::kClipboardDenied,
                           "The browser did not let patdesk copy the token.",
                           "Reveal the token and copy it by hand (select it, then Ctrl+C)."));
            return;
          }
          s().secretCopied = true;
          toast("Copied to the clipboard");
          if (s().clearClipboardAfter60s) scheduleClipboardClear(app.secret_);
        }));
  }

  // Clears the clipboard after 60 s, but only when it still holds our value and the
  // browser lets us read it; otherwise it does nothing, silently.
  void scheduleClipboardClear(std::string value) {
    if (clipboardTimer) cancel(clipboardTimer);
    auto held = std::make_shared<std::string>(std::move(value));
    clipboardTimer = schedule(kClipboardClearMs, [this, held] {
      clipboardTimer = 0;
      app.platform_.clipboard->readText([this, held](std::optional<std::string> current) {
        if (current && *current == *held) app.platform_.clipboard->writeText("", [](bool) {});
        secureWipe(*held);
      });
    });
  }

  void signOut() {
    ++generation;
    creating = false;
    lastToggledId.clear();
    discovered = false;
    lists.clear();
    wipeSecret();
    if (auth) auth->signOut(false);
    devops.reset();
    AppState fresh;
    fresh.screen = Screen::SignIn;
    fresh.sandbox = s().sandbox;
    fresh.darkTheme = s().darkTheme;  // preferences survive sign-out
    fresh.clearClipboardAfter60s = s().clearClipboardAfter60s;
    s() = fresh;
  }
};

App::App(Platform platform) : impl_(std::make_unique<Impl>(*this)), platform_(platform) {}

App::~App() {
  impl_->cancelTimers();
  secureWipe(secret_);
}

void App::start(int configHttpStatus, const std::string& configText) {
  Impl& m = *impl_;
  if (configHttpStatus != 200) {
    state_.setupProblem = configMissingError(configHttpStatus);
    state_.screen = Screen::Setup;
    return;
  }
  auto config = parseConfig(configText, platform_.navigation->currentUrl());
  if (!config) {
    state_.setupProblem = config.error();
    state_.screen = Screen::Setup;
    return;
  }
  m.config = config.value();
  state_.sandbox = m.config.isSandbox();
  if (m.config.clientId.empty()) {
    state_.screen = Screen::Setup;
    return;
  }
  m.auth = std::make_unique<auth::AuthSession>(m.config, platform_);
  m.auth->setOnSessionExpired([this](const Error& e) {
    Impl& i = *impl_;
    // Keep every draft: the person signs in again and carries on.
    ++i.generation;
    i.creating = false;
    i.devops.reset();
    state_.signedIn = false;
    state_.screen = Screen::SignIn;
    Error ended = e;
    ended.message = "Your session ended and could not be renewed. " + ended.message;
    ended.action = "Sign in again: anything you were typing is kept. " + ended.action;
    state_.lastError = ended;
    state_.busy = 0;
    state_.busyLabel.clear();
    state_.organizationsLoading = false;
    for (auto& o : state_.organizations) o.loading = false;  // those requests are dropped
    i.changed();
  });
  state_.screen = Screen::SignIn;
  readAddressLink();
  const bool returning = m.auth->completeSignInIfReturning(m.guard([this](Result<auth::User> user) {
    if (!user) {
      state_.screen = Screen::SignIn;
      state_.lastError = user.error();
      return;
    }
    impl_->onSignedIn(user.value());
    restoreReturnTo(impl_->auth->returnTo(), state_);
  }));
  if (returning && state_.screen == Screen::SignIn && !state_.signedIn && !state_.lastError) {
    state_.screen = Screen::SigningIn;
  }
}

void App::tick() {
  const int64_t now = platform_.clock->nowMs();
  auto& t = state_.toasts;
  t.erase(std::remove_if(t.begin(), t.end(), [&](const Toast& x) { return x.untilMs <= now; }),
          t.end());
}

void App::readAddressLink() {
  if (impl_->linksAndFiles.readAddress()) impl_->changed();
}

std::vector<size_t> App::visibleRows() const {
  return app::visibleRows(state_, platform_.clock->nowMs());
}

void App::dispatch(const Intent& intent) {
  Impl& m = *impl_;
  AppState& s = state_;
  std::visit(
      [&](const auto& i) {
        using T = std::decay_t<decltype(i)>;
        if constexpr (std::is_same_v<T, intent::SignIn>) {
          if (!m.auth) return;
          auth::SignInOptions options;
          options.tenant = trimmedName(s.tenant);
          options.returnTo = encodeReturnTo(s);
          auto status = m.auth->beginSignIn(options);
          if (!status) {
            s.lastError = status.error();
          } else {
            s.screen = Screen::SigningIn;
          }
        } else if constexpr (std::is_same_v<T, intent::SignOut>) {
          m.signOut();
        } else if constexpr (std::is_same_v<T, intent::SelectOrganization>) {
          s.selectedOrganization = i.name;
          for (auto& r : s.tokens) r.selected = false;
          if (!i.name.empty()) s.createDraft.organization = i.name;
        } else if constexpr (std::is_same_v<T, intent::AddOrganization>) {
          const std::string name = trimmedName(i.name);
          if (name.empty()) return;
          // "." and ".." would become dot segments that the browser's URL parser removes
          // (even as %2E%2E), sending the request to another path: refuse them.
          if (name == "." || name == "..") {
            s.lastError = makeError(errc::kDevopsBadOrganizationName,
                                    "\"" + name + "\" is not an organization name.",
                                    "Type the name as it appears in dev.azure.com/<name>.");
            return;
          }
          if (!m.findOrg(name)) {
            s.organizations.push_back(organizationView(name, false));
          }
          s.selectedOrganization = name;
          s.createDraft.organization = name;
          m.refreshOrganization(name);
        } else if constexpr (std::is_same_v<T, intent::Refresh>) {
          s.lastError.reset();
          // When discovery itself failed there is nothing to list yet: discover again.
          if (!m.discovered && !s.organizationsLoading && m.devops) {
            m.loadOrganizations();
          } else {
            m.refresh();
          }
        } else if constexpr (std::is_same_v<T, intent::SetFilter>) {
          if (s.filter == i.filter) return;
          s.filter = i.filter;
          for (auto& r : s.tokens) r.selected = false;
          m.refresh();
        } else if constexpr (std::is_same_v<T, intent::SetSort>) {
          s.sortColumn = i.column;
          s.sortAscending = i.ascending;
        } else if constexpr (std::is_same_v<T, intent::ToggleRow>) {
          TokenRow* row = m.findRow(i.authorizationId);
          if (!row) return;
          const bool target = !row->selected;
          if (i.shiftRange && !m.lastToggledId.empty()) {
            auto rows = visibleRows();
            int a = -1, b = -1;
            for (size_t k = 0; k < rows.size(); ++k) {
              const auto& id = s.tokens[rows[k]].pat.authorizationId;
              if (id == m.lastToggledId) a = static_cast<int>(k);
              if (id == i.authorizationId) b = static_cast<int>(k);
            }
            if (a >= 0 && b >= 0) {
              for (int k = std::min(a, b); k <= std::max(a, b); ++k)
                s.tokens[rows[k]].selected = target;
            }
          }
          row->selected = target;
          m.lastToggledId = i.authorizationId;
        } else if constexpr (std::is_same_v<T, intent::SelectAllVisible>) {
          for (size_t k : visibleRows()) s.tokens[k].selected = i.selected;
        } else if constexpr (std::is_same_v<T, intent::OpenCreate>) {
          s.panel = Panel::Create;
          if (s.createDraft.organization.empty()) {
            s.createDraft.organization = !s.selectedOrganization.empty() ? s.selectedOrganization
                                         : !s.organizations.empty() ? s.organizations.front().name
                                                                    : std::string();
          }
        } else if constexpr (std::is_same_v<T, intent::SubmitCreate>) {
          m.submitCreate();
        } else if constexpr (std::is_same_v<T, intent::OpenDetails>) {
          if (!m.findRow(i.authorizationId)) return;
          s.panelTokenId = i.authorizationId;
          s.panel = Panel::Details;
          m.readBack(i.authorizationId);
        } else if constexpr (std::is_same_v<T, intent::OpenEdit>) {
          m.openEdit(i.authorizationId);
        } else if constexpr (std::is_same_v<T, intent::SubmitEdit>) {
          m.submitEdit();
        } else if constexpr (std::is_same_v<T, intent::Rotate>) {
          m.rotate(i.authorizationId);
        } else if constexpr (std::is_same_v<T, intent::AskRevoke>) {
          if (i.authorizationIds.empty()) return;
          s.revokeTargets = i.authorizationIds;
          s.panel = Panel::ConfirmRevoke;
        } else if constexpr (std::is_same_v<T, intent::ConfirmRevoke>) {
          m.confirmRevoke();
        } else if constexpr (std::is_same_v<T, intent::CopySecret>) {
          m.copySecret();
        } else if constexpr (std::is_same_v<T, intent::ToggleReveal>) {
          s.secretRevealed = !s.secretRevealed;
        } else if constexpr (std::is_same_v<T, intent::DoneWithSecret>) {
          if (!s.secretCopied) {
            s.panel = Panel::ConfirmCloseSecret;
          } else {
            m.wipeSecret();
            s.panel = Panel::None;
          }
        } else if constexpr (std::is_same_v<T, intent::ForceCloseSecret>) {
          m.wipeSecret();
          s.panel = Panel::None;
        } else if constexpr (std::is_same_v<T, intent::ClosePanel>) {
          if (s.panel == Panel::ConfirmCloseSecret) {
            s.panel = Panel::Secret;
          } else if (s.panel == Panel::Secret) {
            s.panel = s.secretCopied ? Panel::None : Panel::ConfirmCloseSecret;
            if (s.panel == Panel::None) m.wipeSecret();
          } else {
            s.panel = Panel::None;
          }
        } else if constexpr (std::is_same_v<T, intent::DismissError>) {
          s.lastError.reset();
        } else if constexpr (std::is_same_v<T, intent::ToggleTheme>) {
          s.darkTheme = !s.darkTheme;
        } else if constexpr (std::is_same_v<T, intent::SetClearClipboard>) {
          s.clearClipboardAfter60s = i.on;
        } else if constexpr (std::is_same_v<T, intent::CopyCreateLink>) {
          m.linksAndFiles.copyCreateLink();
        } else if constexpr (std::is_same_v<T, intent::ExportInventory>) {
          m.linksAndFiles.exportInventory(i.format, visibleRows());
        } else if constexpr (std::is_same_v<T, intent::ExportReminders>) {
          m.linksAndFiles.exportReminders(visibleRows());
        } else if constexpr (std::is_same_v<T, intent::SetReminderLeadDays>) {
          m.linksAndFiles.setReminderLeadDays(i.days);
        } else if constexpr (std::is_same_v<T, intent::SelectExpiringSoon>) {
          m.linksAndFiles.selectExpiringSoon(visibleRows());
        }
      },
      intent);
}

}  // namespace patdesk::app
