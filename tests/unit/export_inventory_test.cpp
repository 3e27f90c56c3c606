#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "core/export/inventory_export.h"
#include "core/text/iso8601.h"

using namespace patdesk;
using namespace patdesk::exporting;

namespace {
devops::PatToken sample() {
  devops::PatToken pat;
  pat.authorizationId = "0f1e2d3c";
  pat.displayName = "=cmd, \"quoted\"\nline";
  pat.organization = "contoso";
  pat.scope = "vso.code_write vso.packaging";
  pat.validFrom = "2026-11-01T10:00:00+01:00";
  pat.validFromMs = *text::parseIso8601(pat.validFrom);
  pat.validTo = "2026-12-31T00:00:00Z";
  pat.validToMs = *text::parseIso8601(pat.validTo);
  pat.token = "SECRET-PAT-VALUE-123";  // must never reach a file
  return pat;
}
}  // namespace

TEST_CASE("an inventory row has UTC times, API scope names and their labels") {
  const InventoryRow row = inventoryRow(sample(), "Active");
  CHECK(row.name == "=cmd, \"quoted\"\nline");
  CHECK(row.scopes == std::vector<std::string>{"vso.code_write", "vso.packaging"});
  CHECK(row.scopeLabels == std::vector<std::string>{"Code: Read & write", "Packaging: Read"});
  CHECK(row.created == "2026-11-01T09:00:00.000Z");
  CHECK(row.expires == "2026-12-31T00:00:00.000Z");
  CHECK(row.status == "Active");
  CHECK(row.global == true);
  CHECK(row.authorizationId == "0f1e2d3c");
}

TEST_CASE("the inventory csv has the fixed columns and neutralises the name") {
  const std::string csv = inventoryCsv({inventoryRow(sample(), "Active")});
  CHECK(csv ==
        "\xEF\xBB\xBF"
        "name,organization,scopes,scope labels,created,expires,status,global,authorizationId\r\n"
        "\"'=cmd, \"\"quoted\"\"\nline\",contoso,vso.code_write vso.packaging,"
        "Code: Read & write; Packaging: Read,2026-11-01T09:00:00.000Z,2026-12-31T00:00:00.000Z,"
        "Active,true,0f1e2d3c\r\n");
  CHECK(csv.find("SECRET") == std::string::npos);
}

TEST_CASE("the inventory json holds the same fields, arrays for scopes") {
  const std::string text = inventoryJson({inventoryRow(sample(), "Expired")},
                                         *text::parseIso8601("2026-12-02T08:00:00Z"));
  CHECK(text.find("SECRET") == std::string::npos);
  const auto j = nlohmann::json::parse(text);
  CHECK(j["exportedAt"] == "2026-12-02T08:00:00.000Z");
  REQUIRE(j["tokens"].size() == 1);
  const auto& t = j["tokens"][0];
  CHECK(t["name"] == "=cmd, \"quoted\"\nline");  // JSON carries the value unchanged
  CHECK(t["organization"] == "contoso");
  CHECK(t["scopes"] == nlohmann::json::array({"vso.code_write", "vso.packaging"}));
  CHECK(t["scopeLabels"] == nlohmann::json::array({"Code: Read & write", "Packaging: Read"}));
  CHECK(t["status"] == "Expired");
  CHECK(t["global"] == true);
  CHECK(t["authorizationId"] == "0f1e2d3c");
  CHECK(t.size() == 9);
}

TEST_CASE("the inventory json survives names that are not UTF-8") {
  auto pat = sample();
  pat.displayName = "bad \xFF byte";
  const auto j = nlohmann::json::parse(inventoryJson({inventoryRow(pat, "Active")}, 0));
  CHECK(j["tokens"][0]["name"] == "bad \xEF\xBF\xBD byte");
}

TEST_CASE("export file names carry the UTC date") {
  const int64_t ms = *text::parseIso8601("2026-12-02T23:30:00Z");
  CHECK(exportFileName(ms, "csv") == "patdesk-tokens-2026-12-02.csv");
  CHECK(exportFileName(ms, "json") == "patdesk-tokens-2026-12-02.json");
}
