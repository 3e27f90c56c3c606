#include "core/links/token_link.h"

#include "core/links/url_search_params.h"
#include "core/text/url.h"

namespace patdesk::links {
namespace {
constexpr std::string_view kPrefix = "token?";
}

std::string buildTokenLink(std::string_view pageUrl, const std::string& authorizationId) {
  return splitUrl(pageUrl).base + "#token?" + serializeSearchParams({{"id", authorizationId}});
}

std::optional<std::string> parseTokenLink(std::string_view fragment) {
  if (fragment.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  auto id = firstValue(parseSearchParams(fragment.substr(kPrefix.size())), "id");
  if (!id || id->empty()) return std::nullopt;
  return id;
}

}  // namespace patdesk::links
