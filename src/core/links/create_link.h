// Create links: `{page}#new?name=&org=&scopes=&days=` opens the create pane filled in. The
// parser decides what a link may ask for (never full access, only catalogue scopes, 1-365
// days) and says what it left out; the builder writes the same format from a draft.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace patdesk::links {

inline constexpr int kMinLinkDays = 1;
inline constexpr int kMaxLinkDays = 365;

// What a create link asks for, after the rules above. Nothing here is ever secret.
struct CreateLinkRequest {
  std::optional<std::string> name;
  std::optional<std::string> organization;
  std::vector<std::string> scopes;               // catalogue scopes, link order, no duplicates
  std::vector<std::string> highPrivilegeScopes;  // those of `scopes` marked high-privilege
  std::optional<int> days;                       // clamped to kMinLinkDays..kMaxLinkDays
  std::vector<std::string> droppedScopes;        // app_token and unknown names, as written
  std::vector<std::string> messages;             // sentences for the pane, one per problem
};

// True for "new" and "new?…" (the fragment without its '#').
bool isCreateLinkFragment(std::string_view fragment);

// Reads a create link's fragment (without the '#'); nullopt when it is not a create link.
// URLSearchParams rules: '+' is a space, %XX is decoded, the first of repeated names wins.
std::optional<CreateLinkRequest> parseCreateLink(std::string_view fragment);

// The fields a link is built from: a create draft's non-secret parts.
struct CreateLinkFields {
  std::string name;
  std::string organization;
  std::string scope;  // space-separated; app_token is never written into a link
  int days = 0;       // 0 = leave out
};

// `{pageUrl without query and fragment}#new?name=…&org=…&scopes=…&days=…`, serialised like
// URLSearchParams.toString(); empty fields are left out.
std::string buildCreateLink(std::string_view pageUrl, const CreateLinkFields& fields);

}  // namespace patdesk::links
