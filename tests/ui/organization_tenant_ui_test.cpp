// The error row of an organization in another directory: the sentence, the tenant field and
// its button, and the inline error for a tenant that is not one.
#include "ui_harness.h"

using namespace patdesk;
using namespace patdesk::uitest;

namespace {

const char* kSentence =
    "This organization belongs to another directory: enter its tenant (domain or ID)";

void refusedOrganization(app::AppState& s, int status) {
  mainScreenWithThreeTokens(s);
  app::OrganizationView org;
  org.name = "woodgrove-ops";
  Error e = makeError("devops.unauthorized", "Azure DevOps did not accept your sign-in.",
                      "Sign in again.");
  e.httpStatus = status;
  e.serverMessage = "TF400813: The user is not authorized to access this resource.";
  org.error = e;
  s.organizations.push_back(org);
}

}  // namespace

TEST_CASE("An organization refused with 401 offers a tenant field with the directory sentence") {
  UiHarness ui(1280, 800);
  refusedOrganization(ui.state, 401);
  ui.settle();
  CHECK(ui.find(kSentence) != nullptr);
  REQUIRE(ui.find("Tenant for woodgrove-ops") != nullptr);
  ui.click("Tenant for woodgrove-ops");
  ui.type("woodgrove.onmicrosoft.com");
  const auto intents = ui.click("Use this tenant");
  REQUIRE(countOf<app::intent::SetOrganizationTenant>(intents) == 1);
  for (const auto& i : intents) {
    if (auto* set = std::get_if<app::intent::SetOrganizationTenant>(&i)) {
      CHECK(set->organization == "woodgrove-ops");
      CHECK(set->typed == "woodgrove.onmicrosoft.com");
    }
  }
}

TEST_CASE("A tenant that is not one shows its inline error under the field, keeping the text") {
  UiHarness ui(400, 800);
  refusedOrganization(ui.state, 203);
  ui.state.organizations.back().tenantError =
      "\"not a tenant!\" is not a tenant: type its domain (such as woodgrove.onmicrosoft.com) or "
      "its tenant ID (a GUID).";
  ui.settle();
  CHECK(ui.find(kSentence) != nullptr);
  CHECK(ui.find(ui.state.organizations.back().tenantError) != nullptr);
  CHECK(ui.find("Use this tenant") != nullptr);
}

TEST_CASE("An organization that is simply not found offers no tenant field") {
  UiHarness ui(1280, 800);
  mainScreenWithThreeTokens(ui.state);
  app::OrganizationView org;
  org.name = "nowhere";
  Error e = makeError("devops.org_not_found", "There is no organization named nowhere.");
  e.httpStatus = 404;
  org.error = e;
  ui.state.organizations.push_back(org);
  ui.settle();
  CHECK(ui.find(kSentence) == nullptr);
  CHECK(ui.find("Use this tenant") == nullptr);
}
