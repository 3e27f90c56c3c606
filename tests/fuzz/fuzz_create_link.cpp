// Create links (parseCreateLink / buildCreateLink). The input is a fragment without its '#'.
// Invariants: a link never yields app_token or a non-catalogue scope, days stay in 1..365,
// every dropped scope is reported, every string is valid UTF-8, and a link built from what
// was read reads back to the same request with nothing more to say.
#include <algorithm>

#include "core/devops/scopes.h"
#include "core/links/create_link.h"
#include "core/links/url_search_params.h"
#include "fuzz_common.h"

using namespace patdesk;
using namespace patdesk::links;

namespace {
bool validUtf8(const std::string& s) { return toValidUtf8(s) == s; }

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : " ") + i;
  return out;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string fragment = fuzz::bytes(data, size);
  const auto request = parseCreateLink(fragment);
  FUZZ_CHECK(request.has_value() == isCreateLinkFragment(fragment));
  if (!request) return 0;
  const CreateLinkRequest& r = *request;

  for (size_t i = 0; i < r.scopes.size(); ++i) {
    FUZZ_CHECK(r.scopes[i] != devops::kFullAccessScope);
    FUZZ_CHECK(devops::isCatalogueScope(r.scopes[i]));
    FUZZ_CHECK(std::count(r.scopes.begin(), r.scopes.end(), r.scopes[i]) == 1);
  }
  for (const auto& h : r.highPrivilegeScopes) {
    FUZZ_CHECK(devops::isHighPrivilege(h));
    FUZZ_CHECK(std::find(r.scopes.begin(), r.scopes.end(), h) != r.scopes.end());
  }
  if (r.days) FUZZ_CHECK(*r.days >= kMinLinkDays && *r.days <= kMaxLinkDays);
  if (!r.droppedScopes.empty()) FUZZ_CHECK(!r.messages.empty());
  if (r.name) FUZZ_CHECK(validUtf8(*r.name));
  if (r.organization) FUZZ_CHECK(validUtf8(*r.organization) && !r.organization->empty());
  for (const auto& m : r.messages) FUZZ_CHECK(validUtf8(m));

  CreateLinkFields fields;
  fields.name = r.name.value_or("");
  fields.organization = r.organization.value_or("");
  fields.scope = joined(r.scopes);
  fields.days = r.days.value_or(0);
  const std::string link = buildCreateLink("https://patdesk.example/", fields);
  const size_t hash = link.find('#');
  FUZZ_CHECK(hash != std::string::npos);
  const auto again = parseCreateLink(std::string_view(link).substr(hash + 1));
  FUZZ_CHECK(again.has_value());
  FUZZ_CHECK(again->name.value_or("") == fields.name);
  FUZZ_CHECK(again->organization.value_or("") == fields.organization);
  FUZZ_CHECK(again->scopes == r.scopes);
  FUZZ_CHECK(again->days == r.days);
  FUZZ_CHECK(again->messages.empty());
  return 0;
}
