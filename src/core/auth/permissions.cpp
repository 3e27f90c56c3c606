#include "core/auth/permissions.h"

#include "core/error_codes.h"
#include "core/text/strings.h"

namespace patdesk::auth {
namespace {

// The scope name after the resource prefix ("499b84ac-.../vso.pats_manage" -> "vso.pats_manage").
std::string scopeName(const std::string& word) {
  const size_t slash = word.rfind('/');
  return text::lowerAscii(slash == std::string::npos ? word : word.substr(slash + 1));
}

}  // namespace

bool grantsPatManagement(const std::string& scope) {
  const auto words = text::splitWords(scope);
  if (words.empty()) return true;
  for (const auto& word : words) {
    const std::string name = scopeName(word);
    if (name == "vso.pats_manage" || name == "user_impersonation") return true;
  }
  return false;
}

bool namesMissingScope(const std::string& text) {
  return text::containsIgnoreAsciiCase(text, "vso.pats") ||
         text::containsIgnoreAsciiCase(text, "insufficient_scope") ||
         text::containsIgnoreAsciiCase(text, "required scope");
}

Error missingPatPermissionError(const std::string& adminConsentLink) {
  std::string action =
      "Whoever registered patdesk adds Azure DevOps > Delegated > vso.pats_manage and "
      "vso.profile under API permissions, then you sign in again.";
  if (!adminConsentLink.empty())
    action +=
        " If your tenant requires it, an administrator grants consent here: " + adminConsentLink;
  return makeError(errc::kAuthMissingPermission, kMissingPatPermissionSentence, action);
}

}  // namespace patdesk::auth
