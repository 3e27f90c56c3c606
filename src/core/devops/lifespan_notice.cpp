// lifespanClampNotice (devops_client.h): the sentence for a token Azure DevOps shortened.
#include <string>

#include "core/devops/devops_client.h"
#include "core/text/iso8601.h"

namespace patdesk::devops {
namespace {
constexpr int64_t kDayMs = 86400000;
}

std::optional<std::string> lifespanClampNotice(int64_t requestedMs, const PatToken& created) {
  if (created.validToMs == 0 || created.validToMs >= requestedMs - 60000) return std::nullopt;
  std::string limit = "your organization limits how long personal access tokens may last";
  // A clamped token lasts exactly the maximum: its own dates reveal the organization's limit.
  if (created.validFromMs > 0 && created.validToMs > created.validFromMs) {
    const int64_t days = (created.validToMs - created.validFromMs + kDayMs / 2) / kDayMs;
    if (days > 0) {
      limit += " (at most " + std::to_string(days) + (days == 1 ? " day" : " days") + ")";
    }
  }
  return "Azure DevOps set this token to expire on " + text::formatDate(created.validToMs) +
         " instead of the " + text::formatDate(requestedMs) +
         " you asked for (UTC dates): " + limit + ".";
}

}  // namespace patdesk::devops
