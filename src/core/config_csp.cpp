#include "core/config_csp.h"

#include <utility>
#include <vector>

#include "core/error_codes.h"
#include "core/text/strings.h"

namespace patdesk {
namespace {

// The directive's sources, or nullopt when the CSP has no such directive.
std::optional<std::vector<std::string>> directive(const std::string& csp, const char* name) {
  size_t start = 0;
  while (start <= csp.size()) {
    size_t end = csp.find(';', start);
    if (end == std::string::npos) end = csp.size();
    std::vector<std::string> words = text::splitWords(csp.substr(start, end - start));
    if (!words.empty() && text::equalsIgnoreAsciiCase(words.front(), name)) {
      words.erase(words.begin());
      return words;
    }
    start = end + 1;
  }
  return std::nullopt;
}

struct Parts {
  std::string scheme;
  std::string host;
  std::string port;  // "" = the scheme's default
};

Parts partsOf(const std::string& origin) {
  Parts p;
  const size_t sep = origin.find("://");
  std::string rest = origin;
  if (sep != std::string::npos) {
    p.scheme = origin.substr(0, sep);
    rest = origin.substr(sep + 3);
  }
  const size_t slash = rest.find('/');
  if (slash != std::string::npos) rest = rest.substr(0, slash);
  const size_t close = rest.rfind(']');
  const size_t colon = rest.rfind(':');
  if (colon != std::string::npos && (close == std::string::npos || colon > close)) {
    p.port = rest.substr(colon + 1);
    rest = rest.substr(0, colon);
  }
  p.host = rest;
  if ((p.scheme == "https" && p.port == "443") || (p.scheme == "http" && p.port == "80"))
    p.port.clear();
  return p;
}

bool sourceAllows(const std::string& rawSource, const Parts& target, const std::string& self) {
  const std::string source = text::lowerAscii(rawSource);
  if (source == "'self'") {
    const Parts page = partsOf(self);
    return !self.empty() && page.scheme == target.scheme && page.host == target.host &&
           page.port == target.port;
  }
  if (source == "*") return target.scheme == "http" || target.scheme == "https";
  if (source.size() > 1 && source.back() == ':' && source.find('/') == std::string::npos)
    return source.substr(0, source.size() - 1) == target.scheme;
  if (source.front() == '\'') return false;  // 'none', nonces, hashes
  const Parts want = partsOf(source);
  if (!want.scheme.empty() && want.scheme != target.scheme) return false;
  if (want.port != "*" && want.port != target.port) return false;
  if (want.host.rfind("*.", 0) == 0) {
    const std::string suffix = want.host.substr(1);  // ".example.com"
    return target.host.size() > suffix.size() &&
           target.host.compare(target.host.size() - suffix.size(), suffix.size(), suffix) == 0;
  }
  return want.host == target.host;
}

}  // namespace

std::string originOf(const std::string& url) {
  const size_t sep = url.find("://");
  if (sep == std::string::npos || sep == 0) return {};
  const size_t end = url.find_first_of("/?#", sep + 3);
  std::string authority =
      url.substr(sep + 3, end == std::string::npos ? std::string::npos : end - sep - 3);
  const size_t at = authority.rfind('@');
  if (at != std::string::npos) authority = authority.substr(at + 1);
  if (authority.empty()) return {};
  Parts p = partsOf(text::lowerAscii(url.substr(0, sep)) + "://" + text::lowerAscii(authority));
  return p.scheme + "://" + p.host + (p.port.empty() ? "" : ":" + p.port);
}

bool cspAllowsConnect(const std::string& csp, const std::string& origin,
                      const std::string& pageOrigin) {
  auto sources = directive(csp, "connect-src");
  if (!sources) sources = directive(csp, "default-src");
  if (!sources) return true;
  const Parts target = partsOf(originOf(origin));
  for (const std::string& s : *sources) {
    if (sourceAllows(s, target, pageOrigin)) return true;
  }
  return false;
}

std::optional<Error> cspMissingOrigin(const AppConfig& config, const std::string& csp,
                                      const std::string& pageUrl) {
  if (text::trim(csp).empty()) return std::nullopt;
  const std::pair<const char*, const std::string*> fields[] = {
      {"authority", &config.authority},
      {"devopsProfileBaseUrl", &config.devopsProfileBaseUrl},
      {"devopsTokensBaseUrl", &config.devopsTokensBaseUrl}};
  for (const auto& [field, url] : fields) {
    const std::string origin = originOf(*url);
    if (origin.empty() || cspAllowsConnect(csp, origin, originOf(pageUrl))) continue;
    Error e = makeError(errc::kConfigCspMissingOrigin,
                        "config.json points to " + origin +
                            ", but this page's Content-Security-Policy does not allow "
                            "connections there: see Deploy in the README.",
                        "Add " + origin +
                            " to connect-src in the Content-Security-Policy of index.html (and "
                            "of the host's headers, see hosting/), or fix \"" +
                            field + "\" in config.json.");
    e.detail = field;
    return e;
  }
  return std::nullopt;
}

}  // namespace patdesk
