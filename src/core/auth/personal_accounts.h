// The one sentence for personal Microsoft accounts (MSA), which cannot use an Entra app with
// Azure DevOps: said for a `consumers` authority in config.json, for `consumers` in the
// tenant field, and for Entra's MSA sign-in errors.
#pragma once

#include "core/error.h"
#include "core/error_codes.h"

namespace patdesk::auth {

inline constexpr const char* kPersonalAccountSentence =
    "Personal Microsoft accounts (outlook.com, hotmail.com, live.com) cannot use Microsoft "
    "Entra apps for Azure DevOps: sign in with a work or school account.";

inline Error personalAccountError(const char* action) {
  return makeError(errc::kAuthPersonalAccount, kPersonalAccountSentence, action);
}

}  // namespace patdesk::auth
