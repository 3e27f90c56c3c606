// Create links in the app: a "#new?…" address fills the create draft (the draft then travels
// through the sign-in redirect like any draft), the organization is checked once the
// person's organizations are known, and "Copy link to this form" turns the draft back into a
// link. Pure functions of the state; App calls them.
#pragma once

#include <cstdint>
#include <string>

#include "core/app/app_state.h"
#include "core/links/create_link.h"

namespace patdesk::app {

inline constexpr const char* kLinkBanner =
    "Filled in from a link: check the name, organization and scopes before you create.";

// Replaces the create draft with what the link asks for and opens the create pane.
// Nothing is sent: the person still has to press Create.
void applyCreateLink(const links::CreateLinkRequest& link, AppState& state);

// Once the organizations are known: a link's organization the person does not belong to
// gets a message, and the picker goes to the first organization.
void checkLinkOrganization(AppState& state);

// The high-privilege scopes the link set that the draft still asks for (the extra tick is
// needed while this is not empty).
std::vector<std::string> pendingHighPrivilegeScopes(const CreateDraft& draft);

// A create link to the draft as it is now (never full access, never a secret).
std::string createLinkForDraft(const CreateDraft& draft, const std::string& pageUrl, int64_t nowMs);

// Forgets that the draft came from a link (after a create, or when the pane is reset).
void clearLinkPrefill(CreateDraft& draft);

}  // namespace patdesk::app
