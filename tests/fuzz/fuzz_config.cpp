// parseConfig over arbitrary config.json text. Input format: "<page URL>\n<config.json text>".
// Invariants: errors are config.*; an accepted config has https (or loopback http) base URLs
// without a trailing slash, a trimmed client id and a non-empty list of distinct,
// whitespace-free scopes.
#include <cctype>

#include "core/config.h"
#include "core/text/url.h"
#include "fuzz_common.h"

using namespace patdesk;

namespace {

bool hasTrailingSlashAfterAuthority(const std::string& url) {
  const size_t sep = url.find("://");
  const size_t floor = sep == std::string::npos ? 0 : sep + 3;
  return url.size() > floor && url.back() == '/';
}

bool trimmed(const std::string& s) {
  if (s.empty()) return true;
  auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  return !ws(s.front()) && !ws(s.back());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string in = fuzz::bytes(data, size);
  std::string pageUrl, text;
  fuzz::splitFirstLine(in, pageUrl, text);

  const auto r = parseConfig(text, pageUrl);
  if (!r.ok()) {
    FUZZ_CHECK(fuzz::startsWith(r.error().code, "config."));
    FUZZ_CHECK(!r.error().message.empty());
    return 0;
  }
  const AppConfig& c = r.value();
  for (const std::string* url : {&c.authority, &c.devopsProfileBaseUrl, &c.devopsTokensBaseUrl}) {
    FUZZ_CHECK(isHttpsOrLoopback(*url));
    FUZZ_CHECK(!hasTrailingSlashAfterAuthority(*url));
    const UrlParts parts = splitUrl(*url);
    FUZZ_CHECK(!parts.hasQuery && !parts.hasFragment);
  }
  FUZZ_CHECK(trimmed(c.clientId));
  FUZZ_CHECK(trimmed(c.defaultOrganization));
  FUZZ_CHECK(!c.scopes.empty());
  for (size_t i = 0; i < c.scopes.size(); ++i) {
    FUZZ_CHECK(!c.scopes[i].empty());
    for (char ch : c.scopes[i]) FUZZ_CHECK(!std::isspace(static_cast<unsigned char>(ch)));
    for (size_t j = 0; j < i; ++j) FUZZ_CHECK(c.scopes[i] != c.scopes[j]);
  }
  // The redirect URI is either the page without query/fragment, or a checked URL.
  if (c.redirectUri != splitUrl(pageUrl).base) {
    FUZZ_CHECK(isHttpsOrLoopback(c.redirectUri));
  }
  (void)c.isSandbox();
  return 0;
}
