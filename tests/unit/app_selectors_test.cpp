// The app's pure selectors: visible rows (organization, status, search, sort), expiry levels
// and draft validation.
#include "core/app/selectors.h"

#include <doctest/doctest.h>

#include "core/text/iso8601.h"
#include "unit/app_state_support.h"

using namespace patdesk;
using namespace patdesk::app;

namespace {

constexpr int64_t kNow = 1795000000000;  // 2026-11-18, as the fake clock
constexpr int64_t kDayMs = 86400000;

TokenRow row(const std::string& id, const std::string& name, const std::string& org,
             const std::string& scope, int64_t fromDays, int64_t toDays, bool revoked = false) {
  TokenRow r;
  r.pat.authorizationId = id;
  r.pat.displayName = name;
  r.pat.organization = org;
  r.pat.scope = scope;
  r.pat.validFromMs = kNow + fromDays * kDayMs;
  r.pat.validToMs = kNow + toDays * kDayMs;
  r.pat.revoked = revoked;
  r.pat.targetAccounts = std::vector<std::string>{"38aaa865-2c70-4bf7-a308-0c6539c38c1a"};
  return r;
}

AppState inventory() {
  AppState s;
  s.filter = StatusFilter::All;
  s.tokens = {row("a", "Build Agent", "Fabrikam", "vso.build", -10, 20),
              row("b", "code reader", "Contoso", "vso.code", -30, 5),
              row("c", "ancient", "Fabrikam", "vso.work", -400, -1),
              row("d", "Deploy", "Contoso", "vso.release_execute", -2, 60, true),
              row("e", "analytics", "Zeta", "vso.analytics", -5, 90)};
  return s;
}

std::vector<std::string> ids(const AppState& s) {
  std::vector<std::string> out;
  for (size_t i : visibleRows(s, kNow)) out.push_back(s.tokens[i].pat.authorizationId);
  return out;
}

using Ids = std::vector<std::string>;

CreateDraft validDraft() {
  CreateDraft d;
  d.name = "ci";
  d.organization = "Fabrikam";
  d.expiryPresetDays = 30;
  d.scope = "vso.build";
  return d;
}

std::string problemFor(const std::vector<FieldProblem>& problems, const std::string& field) {
  for (const auto& p : problems) {
    if (p.field == field) return p.message;
  }
  return "";
}

}  // namespace

TEST_CASE("app visibleRows honours the selected organization") {
  AppState s = inventory();
  s.sortColumn = SortColumn::Name;
  s.selectedOrganization = "Fabrikam";
  CHECK(ids(s) == Ids{"c", "a"});
  s.selectedOrganization = "Contoso";
  CHECK(ids(s) == Ids{"b", "d"});
  s.selectedOrganization = "Nowhere";
  CHECK(ids(s).empty());
  s.selectedOrganization = "";
  CHECK(ids(s).size() == 5);
}

TEST_CASE("app visibleRows honours the status filter") {
  AppState s = inventory();
  s.sortColumn = SortColumn::Name;
  s.filter = StatusFilter::Active;
  CHECK(ids(s) == Ids{"e", "a", "b"});
  s.filter = StatusFilter::Expired;
  CHECK(ids(s) == Ids{"c"});
  s.filter = StatusFilter::Revoked;
  CHECK(ids(s) == Ids{"d"});
  s.filter = StatusFilter::All;
  CHECK(ids(s).size() == 5);

  // A token expiring exactly now is expired; a revoked expired one is revoked.
  s.tokens.push_back(row("x", "edge", "Zeta", "vso.code", -3, 0));
  s.tokens.push_back(row("y", "both", "Zeta", "vso.code", -30, -3, true));
  s.filter = StatusFilter::Expired;
  CHECK(ids(s) == Ids{"c", "x"});
  s.filter = StatusFilter::Revoked;
  CHECK(ids(s) == Ids{"y", "d"});
}

TEST_CASE("app visibleRows searches name, scope and organization without regard to case") {
  AppState s = inventory();
  s.sortColumn = SortColumn::Name;
  s.search = "BUILD";
  CHECK(ids(s) == Ids{"a"});  // name "Build Agent" and scope "vso.build"
  s.search = "  contoso ";
  CHECK(ids(s) == Ids{"b", "d"});
  s.search = "VSO.RELEASE";
  CHECK(ids(s) == Ids{"d"});
  s.search = "ANALYT";
  CHECK(ids(s) == Ids{"e"});
  s.search = "no such thing";
  CHECK(ids(s).empty());
  s.search = "";
  CHECK(ids(s).size() == 5);
  // Search combines with the organization and the filter.
  s.search = "a";
  s.selectedOrganization = "Fabrikam";
  s.filter = StatusFilter::Active;
  CHECK(ids(s) == Ids{"a"});
}

TEST_CASE("app visibleRows sorts by every column in both directions") {
  AppState s = inventory();
  struct Case {
    SortColumn column;
    Ids ascending;
    Ids descending;  // ties keep their original order both ways (stable)
  };
  const Case cases[] = {
      {SortColumn::Name, {"e", "c", "a", "b", "d"}, {"d", "b", "a", "c", "e"}},  // any case
      {SortColumn::Organization, {"b", "d", "a", "c", "e"}, {"e", "a", "c", "b", "d"}},
      {SortColumn::Scopes, {"e", "a", "b", "d", "c"}, {"c", "d", "b", "a", "e"}},
      {SortColumn::Created, {"c", "b", "a", "e", "d"}, {"d", "e", "a", "b", "c"}},
      {SortColumn::Expires, {"c", "b", "a", "d", "e"}, {"e", "d", "a", "b", "c"}},
      {SortColumn::Status, {"a", "b", "e", "c", "d"}, {"d", "c", "a", "b", "e"}},
  };
  for (const auto& c : cases) {
    CAPTURE(static_cast<int>(c.column));
    s.sortColumn = c.column;
    s.sortAscending = true;
    CHECK(ids(s) == c.ascending);
    s.sortAscending = false;
    CHECK(ids(s) == c.descending);
  }
}

TEST_CASE("app expiryLevel is red within 7 days and amber within 30") {
  CHECK(expiryLevel(kNow - 1, kNow) == ExpiryLevel::Expired);
  CHECK(expiryLevel(kNow, kNow) == ExpiryLevel::Expired);
  CHECK(expiryLevel(kNow + 1, kNow) == ExpiryLevel::Critical);
  CHECK(expiryLevel(kNow + 7 * kDayMs, kNow) == ExpiryLevel::Critical);
  CHECK(expiryLevel(kNow + 7 * kDayMs + 1, kNow) == ExpiryLevel::Warning);
  CHECK(expiryLevel(kNow + 30 * kDayMs, kNow) == ExpiryLevel::Warning);
  CHECK(expiryLevel(kNow + 30 * kDayMs + 1, kNow) == ExpiryLevel::Ok);
  CHECK(expiryLevel(kNow + 365 * kDayMs, kNow) == ExpiryLevel::Ok);
}

TEST_CASE("app statusLabel names the three statuses") {
  AppState s = inventory();
  CHECK(statusLabel(s.tokens[0].pat, kNow) == "Active");
  CHECK(statusLabel(s.tokens[2].pat, kNow) == "Expired");
  CHECK(statusLabel(s.tokens[3].pat, kNow) == "Revoked");
}

TEST_CASE("app validateCreate accepts a complete draft") {
  CHECK(validateCreate(validDraft(), kNow).empty());
  CreateDraft full = validDraft();
  full.scope = "";
  full.fullAccess = true;
  CHECK(validateCreate(full, kNow).empty());
  for (int days : {7, 30, 60, 90, 180, 365}) {
    CreateDraft d = validDraft();
    d.expiryPresetDays = days;
    CHECK(validateCreate(d, kNow).empty());
  }
}

TEST_CASE("app validateCreate explains an empty or too long name") {
  CreateDraft d = validDraft();
  d.name = "";
  CHECK(problemFor(validateCreate(d, kNow), "name") == "Give the token a name.");
  d.name = " \t ";
  CHECK(problemFor(validateCreate(d, kNow), "name") == "Give the token a name.");
  d.name = std::string(1000, 'x');
  CHECK(problemFor(validateCreate(d, kNow), "name") ==
        "Names can be at most 256 characters (this one has 1000).");
  d.name = std::string(256, 'x');
  CHECK(problemFor(validateCreate(d, kNow), "name").empty());
  d.name = std::string(257, 'x');
  CHECK_FALSE(problemFor(validateCreate(d, kNow), "name").empty());
}

TEST_CASE("app validateCreate counts unicode and emoji names by character") {
  CreateDraft d = validDraft();
  d.name = "D\xC3\xA9ploiement \xF0\x9F\x9A\x80 \xE6\x9E\x84\xE5\xBB\xBA";  // Déploiement 🚀 構建
  CHECK(validateCreate(d, kNow).empty());
  std::string rockets;
  for (int i = 0; i < 256; ++i) rockets += "\xF0\x9F\x9A\x80";  // 1,024 bytes, 256 characters
  d.name = rockets;
  CHECK(problemFor(validateCreate(d, kNow), "name").empty());
  d.name = rockets + "\xF0\x9F\x9A\x80";
  CHECK(problemFor(validateCreate(d, kNow), "name") ==
        "Names can be at most 256 characters (this one has 257).");
}

TEST_CASE("app validateCreate explains bad, past and too distant dates") {
  CreateDraft d = validDraft();
  d.expiryPresetDays = 0;
  d.customDate = "next tuesday";
  CHECK(problemFor(validateCreate(d, kNow), "expiry") ==
        "\"next tuesday\" is not a date: use YYYY-MM-DD, e.g. 2027-01-31.");
  d.customDate = "";
  CHECK(problemFor(validateCreate(d, kNow), "expiry") == "Pick an expiry date.");
  d.customDate = "2027-02-30";
  CHECK(problemFor(validateCreate(d, kNow), "expiry").find("is not a date") != std::string::npos);
  d.customDate = "2026-11-17";  // yesterday
  CHECK(problemFor(validateCreate(d, kNow), "expiry") == "The expiry date must be in the future.");
  d.customDate = "2026-11-18";  // today counts: valid through the end of the day
  CHECK(problemFor(validateCreate(d, kNow), "expiry").empty());
  d.customDate = "2027-11-18";  // one year from today
  CHECK(problemFor(validateCreate(d, kNow), "expiry").empty());
  d.customDate = " 2027-06-01 ";
  CHECK(problemFor(validateCreate(d, kNow), "expiry").empty());
  CHECK(requestedExpiryMs(d, kNow) == *text::parseIso8601("2027-06-01T23:59:59Z"));
  d.customDate = "2027-11-20";
  CHECK(problemFor(validateCreate(d, kNow), "expiry") ==
        "Azure DevOps allows at most one year: pick an earlier date.");
  d.customDate = "2030-01-01";
  CHECK_FALSE(problemFor(validateCreate(d, kNow), "expiry").empty());
}

TEST_CASE("app validateCreate asks for a scope and an organization") {
  CreateDraft d = validDraft();
  d.scope = "  ";
  CHECK(problemFor(validateCreate(d, kNow), "scope") ==
        "Pick at least one scope, or choose Full access.");
  d.organization = "";
  CHECK(problemFor(validateCreate(d, kNow), "organization") == "Choose an organization.");
  CreateDraft empty;
  empty.expiryPresetDays = 0;
  CHECK(validateCreate(empty, kNow).size() == 4);
}

TEST_CASE("app validateEdit keeps the expiry unless asked and checks a custom date") {
  EditDraft d;
  d.authorizationId = "a";
  d.name = "n";
  d.scope = "vso.code";
  d.extendDays = 0;
  CHECK(validateEdit(d, kNow).empty());
  CHECK(requestedExtensionMs(d, kNow) == 0);
  d.extendDays = 90;
  CHECK(validateEdit(d, kNow).empty());
  CHECK(requestedExtensionMs(d, kNow) == kNow + 90 * kDayMs);
  d.extendDays = -1;
  d.customDate = "soon";
  CHECK(problemFor(validateEdit(d, kNow), "expiry").find("is not a date") != std::string::npos);
  d.customDate = "2020-01-01";
  CHECK(problemFor(validateEdit(d, kNow), "expiry") == "The expiry date must be in the future.");
  d.scope = "";
  CHECK(problemFor(validateEdit(d, kNow), "scope") == "Pick at least one scope.");
}

TEST_CASE("app trimmedName trims ASCII whitespace only at the ends") {
  CHECK(trimmedName("  a b \t\n") == "a b");
  CHECK(trimmedName("") == "");
  CHECK(trimmedName("   ") == "");
}

TEST_CASE("app expiriesPerWeek counts active tokens of the selected organization") {
  AppState s = inventory();
  auto weeks = expiriesPerWeek(s, kNow);
  REQUIRE(weeks.size() == 13);
  CHECK(weeks[0] == 1);   // b: 5 days
  CHECK(weeks[2] == 1);   // a: 20 days
  CHECK(weeks[12] == 1);  // e: 90 days
  int total = 0;
  for (int n : weeks) total += n;
  CHECK(total == 3);  // c expired, d revoked
  s.selectedOrganization = "Contoso";
  weeks = expiriesPerWeek(s, kNow);
  CHECK(weeks[0] == 1);
  CHECK(weeks[2] == 0);
}

TEST_CASE("app VisibleRowsCache counts the selection once and again only after it changes") {
  AppState s = inventory();  // b expires within 7 days
  s.selectedOrganization = "Contoso";
  s.tokens[0].selected = true;  // a: Fabrikam, selected but not shown
  s.tokens[1].selected = true;  // b: Contoso, shown
  VisibleRowsCache cache;
  const auto& first = cache.counts(s, kNow);
  CHECK(first.selectedShown == 1);
  CHECK(first.selectedTotal == 2);
  CHECK(first.expiringSoon == 1);

  // A change without a revision bump is not seen: the counts are memoised, not rescanned.
  s.tokens[1].selected = false;
  CHECK(cache.counts(s, kNow).selectedShown == 1);
  ++s.selectionRevision;
  CHECK(cache.counts(s, kNow).selectedShown == 0);
  CHECK(cache.counts(s, kNow).selectedTotal == 1);

  // New visible rows (another organization) recount too.
  s.selectedOrganization = "Fabrikam";
  CHECK(cache.counts(s, kNow).selectedShown == 1);
  CHECK(cache.counts(s, kNow).expiringSoon == 0);
}

TEST_CASE("the inventory is loading while organizations are found or any one is still listing") {
  AppState s;
  CHECK_FALSE(inventoryLoading(s));
  s.organizationsLoading = true;
  CHECK(inventoryLoading(s));
  s.organizationsLoading = false;
  s.organizations = testing::contosoAndFabrikam(/*fabrikamStillListing=*/true);
  CHECK(inventoryLoading(s));
  s.organizations[1].loading = false;
  CHECK_FALSE(inventoryLoading(s));
}
