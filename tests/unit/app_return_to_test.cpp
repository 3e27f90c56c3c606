#include <doctest/doctest.h>

#include "core/app/return_to.h"

using namespace patdesk::app;

TEST_CASE("an unfinished create form survives the sign-in round trip") {
  AppState before;
  before.panel = Panel::Create;
  before.createDraft.name = "nightly build \xF0\x9F\x9A\x80";
  before.createDraft.organization = "contoso";
  before.createDraft.expiryPresetDays = 0;
  before.createDraft.customDate = "2027-01-31";
  before.createDraft.scope = "vso.code_write vso.work";

  const std::string saved = encodeReturnTo(before);
  REQUIRE_FALSE(saved.empty());

  AppState after;
  restoreReturnTo(saved, after);
  CHECK(after.panel == Panel::Create);
  CHECK(after.createDraft.name == before.createDraft.name);
  CHECK(after.createDraft.organization == "contoso");
  CHECK(after.createDraft.expiryPresetDays == 0);
  CHECK(after.createDraft.customDate == "2027-01-31");
  CHECK(after.createDraft.scope == "vso.code_write vso.work");
  CHECK_FALSE(after.createDraft.fullAccess);
}

TEST_CASE("nothing is saved when the person was not writing anything") {
  AppState idle;
  CHECK(encodeReturnTo(idle).empty());
}

TEST_CASE("a malformed or foreign return value is ignored") {
  for (const char* junk : {"", "not json", "[]", "{\"panel\":\"edit\"}"}) {
    AppState s;
    restoreReturnTo(junk, s);
    CHECK(s.createDraft.name.empty());
  }
  AppState s;
  restoreReturnTo("{\"panel\":\"create\",\"name\":42}", s);
  CHECK(s.panel == Panel::Create);  // the panel opens; the wrong-typed field is left empty
}
