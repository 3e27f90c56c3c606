// Small AppState pieces shared by the selector and first-frame tests.
#pragma once

#include <vector>

#include "core/app/app_state.h"

namespace patdesk::testing {

// Two organizations as the inventory holds them: "contoso" listed, and "fabrikam" still
// listing its tokens or listed too.
inline std::vector<app::OrganizationView> contosoAndFabrikam(bool fabrikamStillListing) {
  app::OrganizationView listed;
  listed.name = "contoso";
  app::OrganizationView second;
  second.name = "fabrikam";
  second.loading = fabrikamStillListing;
  return {listed, second};
}

}  // namespace patdesk::testing
