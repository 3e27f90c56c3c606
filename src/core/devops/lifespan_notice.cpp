// The sentence for a new token whose expiry Azure DevOps shortened (declared in devops_client.h).
#include "core/devops/devops_client.h"
#include "core/text/iso8601.h"

namespace patdesk::devops {

std::optional<std::string> lifespanClampNotice(int64_t requestedMs, const PatToken& created) {
  if (created.validToMs == 0 || created.validToMs >= requestedMs - 60000) return std::nullopt;
  return "Azure DevOps set this token to expire on " + text::formatDate(created.validToMs) +
         " instead of the " + text::formatDate(requestedMs) +
         " you asked for (UTC dates): your organization limits how long personal access tokens "
         "may last.";
}

}  // namespace patdesk::devops
