// Issue 15 through the App and the fakes: a create link opened signed out, its organization
// check, "Copy link to this form", the inventory exports, calendar reminders, selecting the
// tokens that expire soon, and a link back to one token.
#include <doctest/doctest.h>

#include "core/app/create_link_flow.h"
#include "core/app/selectors.h"
#include "unit/app_test_support.h"

using namespace patdesk;
using namespace patdesk::app;
using namespace patdesk::testing;
using nlohmann::json;

namespace {

const std::string kPatsA = "/" + kOrgA + "/_apis/tokens/pats";
const std::string kPatsB = "/" + kOrgB + "/_apis/tokens/pats";

// From the sign-in screen: through the redirect, then discovery (lists stay pending).
void signInFromHere(AppHarness& h) {
  REQUIRE(h.st().screen == Screen::SignIn);
  h.dispatch(intent::SignIn{});
  const json p = h.pending();
  h.fake.navigation.url =
      kAppPage + "?code=CODE-1&state=" + p["state"].get<std::string>() + "&session_state=ss";
  h.start();
  REQUIRE(h.fake.http.respond("/oauth2/v2.0/token", 200,
                              tokenResponseJson(forgeIdToken(p["nonce"].get<std::string>()))));
  REQUIRE(h.fake.http.respond(kProfileUrl, 200, profileBody()));
  REQUIRE(h.fake.http.respond(kAccountsUrl, 200, accountsBody()));
  REQUIRE(h.st().screen == Screen::Main);
}

// Opens the page at `url` signed out, then signs in.
void openSignedOutAndSignIn(AppHarness& h, const std::string& url) {
  h.fake.navigation.url = url;
  h.start();
  signInFromHere(h);
}

bool mentions(const std::vector<std::string>& messages, const std::string& word) {
  for (const auto& m : messages)
    if (m.find(word) != std::string::npos) return true;
  return false;
}

struct SignedInWithTokens : AppHarness {
  SignedInWithTokens() {
    const int64_t t = fake.clock.now;
    signInWithOrganizations();
    REQUIRE(fake.http.respond(
        kPatsA, 200,
        patPage({patJson("t-3", "=cmd, \"x\"", "vso.code", t - kDay, t + 3 * kDay),
                 patJson("t-6", "six", "vso.build", t - kDay, t + 6 * kDay),
                 patJson("t-20", "twenty", "vso.work", t - kDay, t + 20 * kDay)})));
    REQUIRE(fake.http.respond(
        kPatsB, 200, patPage({patJson("b-2", "other org", "vso.code", t - kDay, t + 2 * kDay)})));
  }
};

}  // namespace

TEST_CASE("a create link opened signed out fills the create pane after sign-in") {
  AppHarness h;
  const std::string link = kAppPage + "#new?name=ci+feed&org=" + kOrgB +
                           "&scopes=vso.packaging+app_token+vso.bogus+vso.code_full&days=400";
  h.fake.navigation.url = link;
  h.start();
  // Read at once, then taken out of the address bar.
  CHECK(h.fake.navigation.url == kAppPage);
  CHECK(h.st().panel == Panel::Create);
  CHECK(h.st().createDraft.fromLink);

  signInFromHere(h);
  const CreateDraft& d = h.st().createDraft;
  CHECK(h.st().panel == Panel::Create);
  CHECK(d.fromLink);
  CHECK(d.name == "ci feed");
  CHECK(d.organization == kOrgB);
  CHECK(d.expiryPresetDays == 365);
  CHECK(d.scope == "vso.code_full vso.packaging");
  CHECK(d.linkScopes == std::vector<std::string>{"vso.packaging", "vso.code_full"});
  CHECK(d.linkHighPrivilegeScopes == std::vector<std::string>{"vso.code_full"});
  CHECK(mentions(d.linkMessages, "app_token"));
  CHECK(mentions(d.linkMessages, "vso.bogus"));
  CHECK(mentions(d.linkMessages, "400"));
  // Nothing is created by a link alone, and the high-privilege scope needs the extra tick.
  CHECK(h.sentMatching("POST", "/_apis/tokens/pats") == 0);
  const auto problems = validateCreate(d, h.now());
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].field == "scope");
  CreateDraft confirmed = h.st().createDraft;
  confirmed.highPrivilegeConfirmed = true;
  h.dispatch(intent::ChangeCreateDraft{confirmed});
  CHECK(validateCreate(h.st().createDraft, h.now()).empty());
  const json s = json::parse(h.json());
  CHECK(s["createDraft"]["fromLink"] == true);
  CHECK(s["createDraft"]["linkHighPrivilegeScopes"] == json::array({"vso.code_full"}));
}

TEST_CASE("picking a lower level drops the need for the high-privilege tick") {
  CreateDraft d;
  d.name = "x";
  d.organization = "o";
  d.scope = "vso.code_full";
  d.linkHighPrivilegeScopes = {"vso.code_full"};
  CHECK(pendingHighPrivilegeScopes(d).size() == 1);
  d.scope = "vso.code";
  CHECK(pendingHighPrivilegeScopes(d).empty());
  CHECK(validateCreate(d, 1795000000000).empty());
}

TEST_CASE("a link's organization the person does not belong to leaves the picker on the first") {
  AppHarness h;
  openSignedOutAndSignIn(h, kAppPage + "#new?name=x&org=nowhere");
  CHECK(h.st().createDraft.organization == kOrgA);
  CHECK(mentions(h.st().createDraft.linkMessages, "\"nowhere\""));
  CHECK(mentions(h.st().createDraft.linkMessages, kOrgA));
}

TEST_CASE("the create after a link sends only the draft and forgets the link") {
  AppHarness h;
  openSignedOutAndSignIn(h, kAppPage + "#new?name=feed&org=" + kOrgA + "&scopes=vso.packaging");
  REQUIRE(h.fake.http.respond(kPatsA, 200, patPage({})));
  REQUIRE(h.fake.http.respond(kPatsB, 200, patPage({})));
  h.dispatch(intent::SubmitCreate{});
  const HttpRequest* post = h.lastSent("POST");
  REQUIRE(post != nullptr);
  CHECK(post->url.find(kPatsA) != std::string::npos);
  const json body = json::parse(post->body);
  CHECK(body["scope"] == "vso.packaging");
  CHECK(body["displayName"] == "feed");
  const int64_t t = h.now();
  REQUIRE(h.fake.http.respond(
      kPatsA, 200, patResult(patJson("new-1", "feed", "vso.packaging", t, t + 30 * kDay, "SEC"))));
  CHECK_FALSE(h.st().createDraft.fromLink);
  CHECK(h.st().createDraft.linkMessages.empty());
}

TEST_CASE("copy link to this form puts a link to the draft on the clipboard") {
  AppHarness h;
  h.start();
  CreateDraft d = h.st().createDraft;
  d.name = "read code";
  d.organization = "contoso";
  d.expiryPresetDays = 90;
  d.scope = "vso.code";
  h.dispatch(intent::ChangeCreateDraft{d});
  h.dispatch(intent::CopyCreateLink{});
  REQUIRE(h.fake.clipboard.text.has_value());
  CHECK(*h.fake.clipboard.text ==
        kAppPage + "#new?name=read+code&org=contoso&scopes=vso.code&days=90");
  REQUIRE(h.st().toasts.size() == 1);
}

TEST_CASE("a custom expiry date becomes whole days in the copied link") {
  CreateDraft d;
  d.expiryPresetDays = 0;
  const int64_t now = *text::parseIso8601("2026-12-02T10:00:00Z");
  d.customDate = "2026-12-12";
  CHECK(createLinkForDraft(d, "https://p.example/", now) == "https://p.example/#new?days=11");
  d.fullAccess = true;
  d.scope = "vso.code";
  CHECK(createLinkForDraft(d, "https://p.example/", now) == "https://p.example/#new?days=11");
}

TEST_CASE("export csv holds exactly the rows shown after search and organization") {
  SignedInWithTokens h;
  h.dispatch(intent::SelectOrganization{kOrgA});
  h.dispatch(intent::ChangeSearch{"Twen"});
  h.dispatch(intent::ExportInventory{ExportFormat::Csv});
  REQUIRE(h.fake.download.files.size() == 1);
  const auto& file = h.fake.download.files[0];
  CHECK(file.name == "patdesk-tokens-" + text::formatDate(h.now()) + ".csv");
  CHECK(file.mimeType == "text/csv;charset=utf-8");
  CHECK(file.content.find("six") == std::string::npos);
  CHECK(file.content.find("twenty") != std::string::npos);
  CHECK(file.content.find("cmd") == std::string::npos);
  CHECK(file.content.find("other org") == std::string::npos);
  CHECK(file.content.find(kAccessToken) == std::string::npos);
}

TEST_CASE("export json across organizations holds every row shown") {
  SignedInWithTokens h;
  h.dispatch(intent::ExportInventory{ExportFormat::Json});
  REQUIRE(h.fake.download.files.size() == 1);
  const json j = json::parse(h.fake.download.files[0].content);
  CHECK(j["tokens"].size() == 4);
  CHECK(j["tokens"][0]["authorizationId"] == "b-2");  // sorted by expiry, as shown
}

TEST_CASE("a refused download is an error, not a silent loss") {
  SignedInWithTokens h;
  h.fake.download.allow = false;
  h.dispatch(intent::ExportInventory{ExportFormat::Csv});
  REQUIRE(h.st().lastError.has_value());
  CHECK(h.st().lastError->code == "download.failed");
}

TEST_CASE("reminders cover the selected tokens or else every active one shown") {
  SignedInWithTokens h;
  h.dispatch(intent::SetReminderLeadDays{14});
  h.dispatch(intent::SetReminderLeadDays{5});  // not offered: ignored
  CHECK(h.st().reminderLeadDays == 14);
  h.dispatch(intent::ExportReminders{});
  REQUIRE(h.fake.download.files.size() == 1);
  const std::string all = h.fake.download.files[0].content;
  CHECK(h.fake.download.files[0].name == "patdesk-reminders-" + text::formatDate(h.now()) + ".ics");
  for (const char* id : {"t-3", "t-6", "t-20", "b-2"})
    CHECK(all.find(std::string("UID:") + id + "@patdesk") != std::string::npos);
  CHECK(all.find("TRIGGER:-P14D") != std::string::npos);

  h.dispatch(intent::ToggleRow{"t-6"});
  h.dispatch(intent::ExportReminders{});
  REQUIRE(h.fake.download.files.size() == 2);
  const std::string one = h.fake.download.files[1].content;
  CHECK(one.find("UID:t-6@patdesk") != std::string::npos);
  CHECK(one.find("UID:t-3@patdesk") == std::string::npos);
}

TEST_CASE("select expiring soon selects exactly the shown tokens expiring within 7 days") {
  SignedInWithTokens h;
  h.dispatch(intent::ToggleRow{"t-20"});
  h.dispatch(intent::SelectExpiringSoon{});
  std::vector<std::string> selected;
  for (const auto& r : h.st().tokens)
    if (r.selected) selected.push_back(r.pat.authorizationId);
  std::sort(selected.begin(), selected.end());
  CHECK(selected == std::vector<std::string>{"b-2", "t-3", "t-6"});
  CHECK(json::parse(h.json())["expiringSoonCount"] == 3);
}

TEST_CASE("a token link opened signed out searches for that token after sign-in") {
  AppHarness h;
  openSignedOutAndSignIn(h, kAppPage + "#token?id=t-6");
  CHECK(h.st().search == "t-6");
  CHECK(h.st().panel == Panel::None);
  const int64_t t = h.now();
  REQUIRE(h.fake.http.respond(kPatsA, 200,
                              patPage({patJson("t-6", "six", "vso.build", t, t + 6 * kDay),
                                       patJson("t-7", "seven", "vso.build", t, t + 7 * kDay)})));
  REQUIRE(h.fake.http.respond(kPatsB, 200, patPage({})));
  REQUIRE(h.a().visibleRows().size() == 1);
  CHECK(h.st().tokens[h.a().visibleRows()[0]].pat.authorizationId == "t-6");
}
