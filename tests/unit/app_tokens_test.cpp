// The App's PAT lifecycle driven through the fakes: paging, create, the copy-once panel,
// edit/extend, rotate and bulk revoke.
#include <doctest/doctest.h>

#include "core/app/selectors.h"
#include "unit/app_test_support.h"

using namespace patdesk;
using namespace patdesk::app;
using namespace patdesk::testing;
using nlohmann::json;

namespace {

const std::string kSecret = "dip55dwf4vpitomw63jzvomefmi2jluguprzwwqwuc6xq4fhocwq";
const std::string kPatsA = "/" + kOrgA + "/_apis/tokens/pats";

// Signed in with four active tokens in organization A, expiring in 5, 10, 20 and 40 days.
struct Inventory : AppHarness {
  Inventory() {
    const int64_t t = fake.clock.now;
    signInWithTokens({patJson("t-40", "delta", "vso.code", t - 20 * kDay, t + 40 * kDay),
                      patJson("t-5", "alpha", "vso.build", t - 25 * kDay, t + 5 * kDay),
                      patJson("t-20", "charlie", "vso.work", t - 10 * kDay, t + 20 * kDay),
                      patJson("t-10", "bravo", "vso.packaging", t - 20 * kDay, t + 10 * kDay)});
  }
  void fillDraft() {
    editCreateDraft([](CreateDraft& d) {
      d.name = "  Build agent  ";
      d.organization = kOrgA;
      d.expiryPresetDays = 30;
      d.scope = "vso.code_write vso.build";
    });
  }
  std::string createdBody(const std::string& id, const std::string& name, int64_t validToMs) {
    return patResult(patJson(id, name, "vso.code_write vso.build", now(), validToMs, kSecret));
  }
  std::vector<std::string> visibleIds() {
    std::vector<std::string> ids;
    for (size_t i : a().visibleRows()) ids.push_back(st().tokens[i].pat.authorizationId);
    return ids;
  }
};

}  // namespace

TEST_CASE("App follows the continuation token and keeps the tokens of every page") {
  AppHarness h;
  h.signInWithOrganizations();
  const int64_t t = h.now();
  std::vector<json> first;
  for (int i = 0; i < 3; ++i) {
    first.push_back(patJson("p1-" + std::to_string(i), "one", "vso.code", t, t + 9 * kDay));
  }
  REQUIRE(h.fake.http.respond(kPatsA, 200, patPage(first, "page+2/token")));
  CHECK(h.st().organizations[0].loading);
  CHECK(h.st().organizations[0].pagesLoaded == 1);
  CHECK(h.st().organizations[0].tokensLoaded == 3);
  CHECK(h.st().tokens.size() == 3);

  // The second page asks with the continuation token and the same filter.
  const HttpRequest& next = h.fake.http.sent.back();
  CHECK(next.url.find(kPatsA) != std::string::npos);
  const auto query = parseUrl(next.url).query;
  CHECK(query.at("continuationToken") == "page+2/token");
  CHECK(query.at("displayFilterOption") == "active");
  REQUIRE(h.fake.http.respond("continuationToken=", 200,
                              patPage({patJson("p2-0", "two", "vso.work", t, t + 3 * kDay),
                                       patJson("p2-1", "two b", "vso.work", t, t + 4 * kDay)})));
  REQUIRE(h.fake.http.respond("/" + kOrgB + "/", 200, patPage({})));

  const OrganizationView& org = h.st().organizations[0];
  CHECK_FALSE(org.loading);
  CHECK(org.pagesLoaded == 2);
  CHECK(org.tokensLoaded == 5);
  CHECK(h.st().tokens.size() == 5);
  CHECK(h.row("p1-2") != nullptr);
  CHECK(h.row("p2-1") != nullptr);
  CHECK(h.st().organizations[1].pagesLoaded == 1);
  CHECK(h.st().organizations[1].tokensLoaded == 0);
  CHECK(h.st().busy == 0);
  CHECK(h.sentMatching("GET", kPatsA) == 2);
  const json j = json::parse(h.json());
  CHECK(j["organizations"][0]["pagesLoaded"] == 2);
  CHECK(j["organizations"][0]["tokensLoaded"] == 5);
}

TEST_CASE("App refresh replaces an organization's rows and a list failure is shown") {
  Inventory h;
  h.dispatch(intent::Refresh{});
  REQUIRE(h.fake.http.respond(kPatsA, 404, R"({"message":"TF400813: not a member"})"));
  REQUIRE(h.fake.http.respond("/" + kOrgB + "/", 200, patPage({})));
  CHECK(h.row("t-5") == nullptr);  // the list was replaced, by nothing
  REQUIRE(h.st().organizations[0].error.has_value());
  CHECK(h.st().organizations[0].error->code == "devops.org_not_found");
  REQUIRE(h.st().lastError.has_value());
  CHECK(json::parse(h.json())["organizations"][0]["error"] == "devops.org_not_found");
}

TEST_CASE("App refuses an invalid create draft without sending anything") {
  Inventory h;
  h.dispatch(intent::OpenCreate{});
  CHECK(h.st().panel == Panel::Create);
  const size_t sent = h.fake.http.sent.size();
  h.editCreateDraft([&](CreateDraft& d) { d.name = "   "; });
  h.editCreateDraft([&](CreateDraft& d) { d.scope = "vso.code"; });
  h.dispatch(intent::SubmitCreate{});
  h.editCreateDraft([&](CreateDraft& d) { d.name = "ok"; });
  h.editCreateDraft([&](CreateDraft& d) { d.scope = ""; });
  h.dispatch(intent::SubmitCreate{});
  h.editCreateDraft([&](CreateDraft& d) { d.scope = "vso.code"; });
  h.editCreateDraft([&](CreateDraft& d) { d.expiryPresetDays = 0; });
  h.editCreateDraft([&](CreateDraft& d) { d.customDate = "next tuesday"; });
  h.dispatch(intent::SubmitCreate{});
  CHECK(h.fake.http.sent.size() == sent);
  CHECK(h.st().busy == 0);
  CHECK(h.st().panel == Panel::Create);
}

TEST_CASE("App create sends the trimmed draft and shows the secret once") {
  Inventory h;
  h.dispatch(intent::OpenCreate{});
  h.fillDraft();
  h.dispatch(intent::SubmitCreate{});
  CHECK(h.st().busy == 1);

  const HttpRequest* post = h.lastSent("POST");
  REQUIRE(post != nullptr);
  CHECK(post->url ==
        "https://vssps.dev.azure.com/" + kOrgA + "/_apis/tokens/pats?api-version=7.1-preview.1");
  const json body = json::parse(post->body);
  CHECK(body["displayName"] == "Build agent");
  CHECK(body["scope"] == "vso.code_write vso.build");
  CHECK(body["validTo"] == text::formatIso8601(h.now() + 30 * kDay));
  CHECK(body["allOrgs"] == false);
  CHECK(body.size() == 4);

  // A second press while the first is in flight sends nothing.
  h.dispatch(intent::SubmitCreate{});
  CHECK(h.sentMatching("POST", kPatsA) == 1);

  REQUIRE(
      h.fake.http.respond(kPatsA, 200, h.createdBody("new-1", "Build agent", h.now() + 30 * kDay)));
  CHECK(h.st().busy == 0);
  CHECK(h.st().panel == Panel::Secret);
  CHECK(h.a().secret() == kSecret);
  CHECK(h.st().secretTokenName == "Build agent");
  CHECK(h.st().secretOrganization == kOrgA);
  CHECK_FALSE(h.st().secretCopied);
  CHECK(h.st().notices.empty());
  CHECK_FALSE(h.st().lastError.has_value());
  const TokenRow* row = h.row("new-1");
  REQUIRE(row != nullptr);
  CHECK(row->pat.token.empty());
  CHECK(row->pat.organization == kOrgA);
  CHECK(h.st().createDraft.name.empty());  // ready for the next one
  CHECK(h.st().createDraft.scope == "vso.code_write vso.build");
  REQUIRE_FALSE(h.st().toasts.empty());
  CHECK(h.json().find(kSecret) == std::string::npos);

  // The toast goes after a few seconds.
  h.fake.clock.advance(5000);
  CHECK(h.st().toasts.empty());
}

TEST_CASE("App create tells the person when Azure DevOps shortened the lifetime") {
  Inventory h;
  h.fillDraft();
  h.editCreateDraft([&](CreateDraft& d) { d.expiryPresetDays = 365; });
  h.dispatch(intent::SubmitCreate{});
  REQUIRE(
      h.fake.http.respond(kPatsA, 200, h.createdBody("new-1", "Build agent", h.now() + 90 * kDay)));
  CHECK(h.st().panel == Panel::Secret);
  CHECK(h.a().secret() == kSecret);
  REQUIRE(h.st().notices.size() == 1);
  CHECK(h.st().notices[0].find(text::formatDate(h.now() + 90 * kDay)) != std::string::npos);
  CHECK(h.st().notices[0].find(text::formatDate(h.now() + 365 * kDay)) != std::string::npos);
}

TEST_CASE("App create failure keeps the draft and is never retried") {
  Inventory h;
  h.dispatch(intent::OpenCreate{});
  h.fillDraft();
  const CreateDraft before = h.st().createDraft;
  h.dispatch(intent::SubmitCreate{});
  const size_t sent = h.fake.http.sent.size();
  REQUIRE(h.fake.http.respond(kPatsA, 500, R"({"message":"Internal error"})"));

  REQUIRE(h.st().lastError.has_value());
  CHECK(h.st().lastError->code == "devops.create_ambiguous");
  CHECK(h.st().lastError->httpStatus == 500);
  CHECK(h.st().panel == Panel::Create);
  CHECK(h.a().secret().empty());
  CHECK(h.st().busy == 0);
  const CreateDraft& after = h.st().createDraft;
  CHECK(after.name == before.name);
  CHECK(after.organization == before.organization);
  CHECK(after.expiryPresetDays == before.expiryPresetDays);
  CHECK(after.scope == before.scope);
  CHECK(after.fullAccess == before.fullAccess);

  h.fake.clock.advance(15 * 60 * 1000);
  CHECK(h.fake.http.sent.size() == sent);
  CHECK(h.fake.http.pending.empty());
  CHECK(h.sentMatching("POST", "/_apis/tokens/pats") == 1);

  // The person may try again on purpose.
  h.dispatch(intent::SubmitCreate{});
  CHECK(h.sentMatching("POST", "/_apis/tokens/pats") == 2);
}

TEST_CASE("App full access create asks for app_token") {
  Inventory h;
  h.fillDraft();
  h.editCreateDraft([&](CreateDraft& d) { d.fullAccess = true; });
  h.dispatch(intent::SubmitCreate{});
  const HttpRequest* post = h.lastSent("POST");
  REQUIRE(post != nullptr);
  CHECK(json::parse(post->body)["scope"] == "app_token");
}

TEST_CASE("App copy-once panel: copy, confirm before closing uncopied, wipe on close") {
  Inventory h;
  h.fillDraft();
  h.dispatch(intent::SubmitCreate{});
  REQUIRE(
      h.fake.http.respond(kPatsA, 200, h.createdBody("new-1", "Build agent", h.now() + 30 * kDay)));
  REQUIRE(h.st().panel == Panel::Secret);

  SUBCASE("closing without copying asks first, and force close wipes the secret") {
    h.dispatch(intent::DoneWithSecret{});
    CHECK(h.st().panel == Panel::ConfirmCloseSecret);
    CHECK(h.a().secret() == kSecret);
    h.dispatch(intent::ClosePanel{});  // "go back"
    CHECK(h.st().panel == Panel::Secret);
    CHECK(h.a().secret() == kSecret);
    h.dispatch(intent::ClosePanel{});  // Escape on the secret panel asks too
    CHECK(h.st().panel == Panel::ConfirmCloseSecret);
    h.dispatch(intent::ForceCloseSecret{});
    CHECK(h.st().panel == Panel::None);
    CHECK(h.a().secret().empty());
    CHECK(h.st().secretTokenName.empty());
    CHECK_FALSE(h.fake.clipboard.text.has_value());
  }

  SUBCASE("copy writes the clipboard, then Done closes at once") {
    h.dispatch(intent::CopySecret{});
    CHECK(h.fake.clipboard.text == kSecret);
    CHECK(h.st().secretCopied);
    h.dispatch(intent::DoneWithSecret{});
    CHECK(h.st().panel == Panel::None);
    CHECK(h.a().secret().empty());
    CHECK_FALSE(h.st().secretCopied);
    // Without the setting the clipboard keeps the value.
    h.fake.clock.advance(120 * 1000);
    CHECK(h.fake.clipboard.text == kSecret);
  }

  SUBCASE("a refused clipboard write is reported and not counted as copied") {
    h.fake.clipboard.allowWrite = false;
    h.dispatch(intent::CopySecret{});
    CHECK_FALSE(h.st().secretCopied);
    REQUIRE(h.st().lastError.has_value());
    CHECK(h.st().lastError->code == "clipboard.denied");
    h.dispatch(intent::DoneWithSecret{});
    CHECK(h.st().panel == Panel::ConfirmCloseSecret);
  }

  SUBCASE("with the setting on, the clipboard is cleared after 60 s when it still holds it") {
    h.dispatch(intent::SetClearClipboard{true});
    h.dispatch(intent::CopySecret{});
    h.dispatch(intent::DoneWithSecret{});
    CHECK(h.a().secret().empty());
    h.fake.clock.advance(59 * 1000);
    CHECK(h.fake.clipboard.text == kSecret);
    h.fake.clock.advance(1000);
    REQUIRE(h.fake.clipboard.text.has_value());
    CHECK(h.fake.clipboard.text->empty());
  }

  SUBCASE("with the setting on, something else copied meanwhile is left alone") {
    h.dispatch(intent::SetClearClipboard{true});
    h.dispatch(intent::CopySecret{});
    h.fake.clock.advance(30 * 1000);
    h.fake.clipboard.text = "the person's own text";
    h.fake.clock.advance(60 * 1000);
    CHECK(h.fake.clipboard.text == "the person's own text");
  }

  SUBCASE("with the setting on but no read permission, nothing is cleared") {
    h.dispatch(intent::SetClearClipboard{true});
    h.fake.clipboard.allowRead = false;
    h.dispatch(intent::CopySecret{});
    h.fake.clock.advance(61 * 1000);
    CHECK(h.fake.clipboard.text == kSecret);
  }
}

TEST_CASE("App clipboard timer does not outlive the App") {
  {
    Inventory h;
    h.fillDraft();
    h.dispatch(intent::SetClearClipboard{true});
    h.dispatch(intent::SubmitCreate{});
    REQUIRE(h.fake.http.respond(kPatsA, 200, h.createdBody("new-1", "n", h.now() + 30 * kDay)));
    h.dispatch(intent::CopySecret{});
    REQUIRE(h.fake.clock.pendingTimers() > 0);
    h.app.reset();  // the page goes away; the clock stays
    CHECK(h.fake.clock.pendingTimers() == 0);
    h.fake.clock.advance(10 * 60 * 1000);  // nothing fires into the dead App
  }
}

TEST_CASE("App edit fills the draft and sends only what changed") {
  Inventory h;
  h.dispatch(intent::OpenEdit{"t-20"});
  CHECK(h.st().panel == Panel::Edit);
  CHECK(h.st().panelTokenId == "t-20");
  const EditDraft& d = h.st().editDraft;
  CHECK(d.authorizationId == "t-20");
  CHECK(d.organization == kOrgA);
  CHECK(d.name == "charlie");
  CHECK(d.scope == "vso.work");
  CHECK(d.extendDays == 0);

  SUBCASE("a rename sends the name only") {
    h.editEditDraft([&](EditDraft& d) { d.name = "  charlie renamed "; });
    h.dispatch(intent::SubmitEdit{});
    const HttpRequest* put = h.lastSent("PUT");
    REQUIRE(put != nullptr);
    CHECK(put->url.find(kPatsA) != std::string::npos);
    const json body = json::parse(put->body);
    CHECK(body == json{{"authorizationId", "t-20"}, {"displayName", "charlie renamed"}});
    const json updated =
        patJson("t-20", "charlie renamed", "vso.work", h.now() - 10 * kDay, h.now() + 20 * kDay);
    REQUIRE(h.fake.http.respond(kPatsA, 200, patResult(updated)));
    CHECK(h.st().panel == Panel::None);
    CHECK(h.row("t-20")->pat.displayName == "charlie renamed");
    CHECK(h.st().tokens.size() == 4);
  }

  SUBCASE("an extension and a scope change send validTo and scope") {
    h.editEditDraft([&](EditDraft& d) { d.scope = "vso.work_write"; });
    h.editEditDraft([&](EditDraft& d) { d.extendDays = 90; });
    h.dispatch(intent::SubmitEdit{});
    const HttpRequest* put = h.lastSent("PUT");
    REQUIRE(put != nullptr);
    const json body = json::parse(put->body);
    CHECK(body["authorizationId"] == "t-20");
    CHECK(body["scope"] == "vso.work_write");
    CHECK(body["validTo"] == text::formatIso8601(h.now() + 90 * kDay));
    CHECK_FALSE(body.contains("displayName"));
    CHECK_FALSE(body.contains("allOrgs"));
    REQUIRE(h.fake.http.respond(kPatsA, 200,
                                patResult(patJson("t-20", "charlie", "vso.work_write",
                                                  h.now() - 10 * kDay, h.now() + 90 * kDay))));
    CHECK(h.row("t-20")->pat.scope == "vso.work_write");
    CHECK(h.row("t-20")->pat.validToMs / 1000 == (h.now() + 90 * kDay) / 1000);
    REQUIRE_FALSE(h.st().toasts.empty());
    CHECK(h.st().toasts.back().text.find("now valid until") != std::string::npos);
  }

  SUBCASE("an invalid edit sends nothing, and a failed one keeps the panel") {
    h.editEditDraft([&](EditDraft& d) { d.extendDays = -1; });
    h.editEditDraft([&](EditDraft& d) { d.customDate = "2020-01-01"; });
    h.dispatch(intent::SubmitEdit{});
    CHECK(h.lastSent("PUT") == nullptr);
    h.editEditDraft([&](EditDraft& d) { d.customDate = text::formatDate(h.now() + 60 * kDay); });
    h.dispatch(intent::SubmitEdit{});
    REQUIRE(h.fake.http.respond(kPatsA, 403, R"({"message":"denied"})"));
    CHECK(h.st().panel == Panel::Edit);
    REQUIRE(h.st().lastError.has_value());
    CHECK(h.st().lastError->code == "devops.forbidden");
    CHECK(h.row("t-20")->pat.displayName == "charlie");
  }
}

TEST_CASE("App rotate creates the replacement, then revokes the old token") {
  Inventory h;
  h.dispatch(intent::Rotate{"t-20"});
  h.dispatch(intent::ConfirmRotate{});
  const HttpRequest* post = h.lastSent("POST");
  REQUIRE(post != nullptr);
  const json body = json::parse(post->body);
  CHECK(body["displayName"] == "charlie");
  CHECK(body["scope"] == "vso.work");
  CHECK(body["validTo"] == text::formatIso8601(h.now() + 30 * kDay));  // same lifetime length
  CHECK(body["allOrgs"] == false);
  CHECK(h.lastSent("DELETE") == nullptr);  // not before the replacement exists
  CHECK(h.st().progressSteps.size() == 1);

  const std::string newSecret = "rotatedsecretrotatedsecretrotatedsecretrotatedsecre";
  REQUIRE(h.fake.http.respond(
      kPatsA, 200,
      patResult(patJson("t-20b", "charlie", "vso.work", h.now(), h.now() + 30 * kDay, newSecret))));
  const HttpRequest* del = h.lastSent("DELETE");
  REQUIRE(del != nullptr);
  CHECK(parseUrl(del->url).query.at("authorizationId") == "t-20");
  CHECK(h.st().busy == 1);

  SUBCASE("the old token is revoked") {
    REQUIRE(h.fake.http.respond("authorizationId=t-20", 204, ""));
    CHECK(h.st().busy == 0);
    CHECK(h.st().panel == Panel::Secret);
    CHECK(h.a().secret() == newSecret);
    CHECK(h.row("t-20")->pat.revoked);
    CHECK_FALSE(h.row("t-20b")->pat.revoked);
    CHECK(h.row("t-20b")->pat.token.empty());
    CHECK(h.st().notices.empty());
    CHECK(h.st().progressSteps.size() == 3);
    CHECK(h.st().progressSteps.back() == "Old token revoked");
    auto visible = h.a().visibleRows();  // the revoked one leaves the active view
    for (size_t i : visible) CHECK(h.st().tokens[i].pat.authorizationId != "t-20");
    CHECK(h.json().find(newSecret) == std::string::npos);
  }

  SUBCASE("the revoke fails: a notice, and the new secret is still shown") {
    REQUIRE(h.fake.http.respond("authorizationId=t-20", 403, R"({"message":"not allowed"})"));
    CHECK(h.st().busy == 0);
    CHECK(h.st().panel == Panel::Secret);
    CHECK(h.a().secret() == newSecret);
    CHECK_FALSE(h.row("t-20")->pat.revoked);
    REQUIRE(h.st().notices.size() == 1);
    CHECK(h.st().notices[0].find("\"charlie\" could not be revoked") != std::string::npos);
  }
}

TEST_CASE("App rotate that cannot create leaves everything as it was") {
  Inventory h;
  h.dispatch(intent::Rotate{"t-20"});
  h.dispatch(intent::ConfirmRotate{});
  REQUIRE(h.fake.http.respond(kPatsA, 500, "{}"));
  h.fake.clock.advance(10 * 60 * 1000);
  CHECK(h.lastSent("DELETE") == nullptr);
  CHECK(h.sentMatching("POST", "/_apis/tokens/pats") == 1);
  REQUIRE(h.st().lastError.has_value());
  CHECK(h.st().lastError->code == "devops.create_ambiguous");
  CHECK(h.a().secret().empty());
  CHECK(h.st().panel == Panel::None);
  CHECK_FALSE(h.row("t-20")->pat.revoked);
}

TEST_CASE("App shift-click selects a range and bulk revoke reports each token") {
  Inventory h;
  // Sorted by expiry: t-5, t-10, t-20, t-40.
  REQUIRE(h.visibleIds() == std::vector<std::string>{"t-5", "t-10", "t-20", "t-40"});
  h.dispatch(intent::ToggleRow{"t-10", false});
  h.dispatch(intent::ToggleRow{"t-40", true});
  CHECK_FALSE(h.row("t-5")->selected);
  CHECK(h.row("t-10")->selected);
  CHECK(h.row("t-20")->selected);
  CHECK(h.row("t-40")->selected);

  std::vector<std::string> selected;
  for (const auto& r : h.st().tokens) {
    if (r.selected) selected.push_back(r.pat.authorizationId);
  }
  REQUIRE(selected.size() == 3);
  h.dispatch(intent::AskRevoke{selected});
  CHECK(h.st().panel == Panel::ConfirmRevoke);
  CHECK(h.st().revokeTargets.size() == 3);
  CHECK(h.lastSent("DELETE") == nullptr);  // nothing before the confirmation

  h.dispatch(intent::ConfirmRevoke{});
  CHECK(h.st().panel == Panel::None);
  CHECK(h.sentMatching("DELETE", "") == 3);
  for (const auto& id : selected) CHECK(h.sentMatching("DELETE", "authorizationId=" + id) == 1);
  CHECK(h.st().busy == 3);

  REQUIRE(h.fake.http.respond("authorizationId=t-10", 204, ""));
  CHECK(h.st().progressSteps == std::vector<std::string>{"Revoked \"bravo\""});
  REQUIRE(h.fake.http.respond("authorizationId=t-40", 404, R"({"message":"TF401444: gone"})"));
  REQUIRE(h.fake.http.respond("authorizationId=t-20", 200, ""));

  CHECK(h.st().busy == 0);
  REQUIRE(h.st().progressSteps.size() == 3);
  CHECK(h.st().progressSteps[1].rfind("Could not revoke \"delta\"", 0) == 0);
  CHECK(h.st().progressSteps[2] == "Revoked \"charlie\"");
  CHECK(h.row("t-10")->pat.revoked);
  CHECK(h.row("t-20")->pat.revoked);
  CHECK_FALSE(h.row("t-40")->pat.revoked);
  CHECK_FALSE(h.row("t-10")->selected);
  CHECK(h.row("t-40")->selected);  // still selected: the person can try again
  CHECK_FALSE(h.row("t-5")->pat.revoked);
  REQUIRE(h.st().lastError.has_value());
  CHECK(h.st().lastError->code == "devops.org_not_found");
  REQUIRE_FALSE(h.st().toasts.empty());
  CHECK(h.st().toasts.back().text == "Revoked 2 of 3");
  CHECK(h.visibleIds() == std::vector<std::string>{"t-5", "t-40"});
  CHECK(h.sentMatching("DELETE", "") == 3);
}

TEST_CASE("App select-all then revoke sends one DELETE per visible token") {
  Inventory h;
  h.dispatch(intent::ChangeSearch{"a"});  // alpha, bravo, charlie, delta (and their scopes)
  h.dispatch(intent::SetFilter{StatusFilter::Active});
  h.dispatch(intent::SelectAllVisible{true});
  std::vector<std::string> ids;
  for (const auto& r : h.st().tokens) {
    if (r.selected) ids.push_back(r.pat.authorizationId);
  }
  CHECK(ids.size() == 4);
  h.dispatch(intent::AskRevoke{ids});
  h.dispatch(intent::ConfirmRevoke{});
  CHECK(h.sentMatching("DELETE", "") == 4);
  for (const auto& id : ids) REQUIRE(h.fake.http.respond("authorizationId=" + id, 204, ""));
  CHECK(h.st().toasts.back().text == "Revoked 4 tokens");
  CHECK(h.a().visibleRows().empty());
}

TEST_CASE("App bulk revoke in flight does not clear a revoke the person asks for meanwhile") {
  Inventory h;
  h.dispatch(intent::AskRevoke{{"t-5", "t-10"}});
  h.dispatch(intent::ConfirmRevoke{});
  h.dispatch(intent::AskRevoke{{"t-40"}});  // a second confirmation panel opens
  REQUIRE(h.fake.http.respond("authorizationId=t-5", 204, ""));
  REQUIRE(h.fake.http.respond("authorizationId=t-10", 204, ""));
  CHECK(h.st().toasts.back().text == "Revoked 2 tokens");
  CHECK(h.st().panel == Panel::ConfirmRevoke);
  CHECK(h.st().revokeTargets == std::vector<std::string>{"t-40"});
  h.dispatch(intent::ConfirmRevoke{});
  CHECK(h.sentMatching("DELETE", "authorizationId=t-40") == 1);
}

TEST_CASE("App selecting an organization filters rows and presets the create draft") {
  Inventory h;
  h.dispatch(intent::ToggleRow{"t-5"});
  h.dispatch(intent::SelectOrganization{kOrgB});
  CHECK(h.a().visibleRows().empty());
  CHECK_FALSE(h.row("t-5")->selected);  // selection never spans hidden rows
  CHECK(h.st().createDraft.organization == kOrgB);
  h.dispatch(intent::SelectOrganization{""});
  CHECK(h.a().visibleRows().size() == 4);

  h.dispatch(intent::AddOrganization{"  contoso "});
  CHECK(h.st().selectedOrganization == "contoso");
  REQUIRE(h.st().organizations.size() == 3);
  CHECK_FALSE(h.st().organizations[2].discovered);
  CHECK(h.sentMatching("GET", "/contoso/_apis/tokens/pats") == 1);
  h.dispatch(intent::AddOrganization{"contoso"});  // already loading: no second list
  CHECK(h.sentMatching("GET", "/contoso/_apis/tokens/pats") == 1);
  CHECK(h.st().organizations.size() == 3);
}

TEST_CASE("App status filter asks the server for that status") {
  Inventory h;
  h.dispatch(intent::SetFilter{StatusFilter::Revoked});
  CHECK(h.st().tokens.empty());  // replaced by what the server says
  REQUIRE(h.fake.http.pending.size() == 2);
  CHECK(parseUrl(h.fake.http.pending[0].request.url).query.at("displayFilterOption") == "revoked");
  REQUIRE(h.fake.http.respond(
      kPatsA, 200,
      patPage({patJson("r-1", "old", "vso.code", h.now() - 9 * kDay, h.now() + 9 * kDay)})));
  REQUIRE(h.fake.http.respond("/" + kOrgB + "/", 200, patPage({})));
  CHECK(h.row("r-1")->pat.revoked);
  CHECK(h.a().visibleRows().size() == 1);
  CHECK(json::parse(h.json())["tokens"][0]["status"] == "Revoked");
}

TEST_CASE("App status filter changed while the lists load asks again and ignores the old answer") {
  AppHarness h;
  h.signInWithOrganizations();
  REQUIRE(h.st().busy == 2);
  h.dispatch(intent::SetFilter{StatusFilter::Expired});
  CHECK(h.st().busy == 2);
  REQUIRE(h.fake.http.pending.size() == 4);
  CHECK(parseUrl(h.fake.http.pending[2].request.url).query.at("displayFilterOption") == "expired");
  CHECK(parseUrl(h.fake.http.pending[3].request.url).query.at("displayFilterOption") == "expired");

  // The active lists answer first: their rows do not belong to this view.
  REQUIRE(h.fake.http.respond(
      "displayFilterOption=active", 200,
      patPage({patJson("act-1", "active one", "vso.code", h.now() - kDay, h.now() + kDay)})));
  REQUIRE(h.fake.http.respond("displayFilterOption=active", 500, "{}"));
  h.fake.clock.advance(60 * 1000);  // the retried GET answers later
  REQUIRE(h.fake.http.respond("displayFilterOption=active", 200, patPage({})));
  CHECK(h.row("act-1") == nullptr);
  CHECK(h.st().organizations[0].loading);
  CHECK(h.st().busy == 2);

  REQUIRE(h.fake.http.respond(
      "displayFilterOption=expired", 200,
      patPage({patJson("exp-1", "old one", "vso.code", h.now() - 9 * kDay, h.now() - kDay)})));
  REQUIRE(h.fake.http.respond("displayFilterOption=expired", 200, patPage({})));
  CHECK(h.st().busy == 0);
  CHECK_FALSE(h.st().organizations[0].loading);
  REQUIRE(h.st().tokens.size() == 1);
  CHECK(h.st().tokens[0].pat.authorizationId == "exp-1");
  CHECK(h.a().visibleRows().size() == 1);
  CHECK(h.st().organizations[0].tokensLoaded == 1);

  // Refresh with the same filter while loading does not ask twice.
  h.dispatch(intent::Refresh{});
  const size_t sent = h.fake.http.sent.size();
  h.dispatch(intent::Refresh{});
  CHECK(h.fake.http.sent.size() == sent);
}

TEST_CASE(
    "App refuses \".\" and \"..\" as organization names (dot segments would change the request "
    "path)") {
  Inventory h;
  const size_t orgs = h.st().organizations.size();
  const size_t sent = h.fake.http.sent.size();
  for (const char* name : {"..", " . "}) {
    h.dispatch(intent::AddOrganization{name});
    REQUIRE(h.st().lastError);
    CHECK(h.st().lastError->code == "devops.bad_organization_name");
    CHECK(h.st().organizations.size() == orgs);
  }
  CHECK(h.fake.http.sent.size() == sent);
  h.dispatch(intent::AddOrganization{"a?b#c&d=e%f"});
  CHECK(h.sentMatching("GET", "/a%3Fb%23c%26d%3De%25f/_apis/tokens/pats") == 1);
}

TEST_CASE("App bumps selectionRevision on every selection change, so memoised counts follow") {
  Inventory h;
  uint64_t seen = h.st().selectionRevision;
  const auto changed = [&] {
    const bool bumped = h.st().selectionRevision > seen;
    seen = h.st().selectionRevision;
    return bumped;
  };
  h.dispatch(intent::ToggleRow{"t-10", false});
  CHECK(changed());
  h.dispatch(intent::ToggleRow{"t-40", true});
  CHECK(changed());
  h.dispatch(intent::SelectAllVisible{true});
  CHECK(changed());
  h.dispatch(intent::SelectAllVisible{false});
  CHECK(changed());
  h.dispatch(intent::SelectExpiringSoon{});
  CHECK(changed());
  h.dispatch(intent::ChangeSearch{"t"});  // not a selection change
  CHECK_FALSE(changed());
}
