// Whether a sign-in carries the Azure DevOps permission the PAT calls need, and the one
// sentence patdesk says when it does not (after sign-in, and on a 401/403 naming a scope).
#pragma once

#include <string>

#include "core/error.h"

namespace patdesk::auth {

// The sentence of issue 11, word for word: tests and the README quote it.
inline constexpr const char* kMissingPatPermissionSentence =
    "This app registration does not have the Azure DevOps permission vso.pats_manage: add it "
    "under API permissions (an admin may need to consent).";

// The token response's `scope` (space-separated, usually "<resource>/<name>") allows the PAT
// lifecycle API: it names vso.pats_manage, or the older broad user_impersonation (which
// covered it before sprint 257, and still does in tenants that kept it). An empty scope says
// nothing either way, so it is not held against the sign-in.
bool grantsPatManagement(const std::string& scope);

// A 401/403 text (body message or WWW-Authenticate) that names a missing scope.
bool namesMissingScope(const std::string& text);

// Error "auth.missing_permission" with the sentence; the action carries the admin-consent
// link when one is given.
Error missingPatPermissionError(const std::string& adminConsentLink);

}  // namespace patdesk::auth
