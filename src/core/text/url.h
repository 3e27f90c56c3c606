// URL pieces for the OAuth round trip: percent-encoding, query/fragment parameters,
// splitting a URL, and the https-or-loopback rule.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace patdesk {

// RFC 3986: keeps the unreserved characters (ALPHA DIGIT - . _ ~), encodes every other byte
// as %XX (upper-case hex). Like JavaScript's encodeURIComponent, but also encodes !'()*.
std::string percentEncode(std::string_view text);

// application/x-www-form-urlencoded (WHATWG URL standard): keeps ALPHA DIGIT * - . _,
// turns space into '+', encodes every other byte as %XX.
std::string formUrlEncode(std::string_view text);

// Decodes %XX escapes (either hex case). When `plusAsSpace`, '+' means space (form rules).
// nullopt when a '%' is not followed by two hex digits.
std::optional<std::string> percentDecode(std::string_view text, bool plusAsSpace = false);

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// Parses "a=1&b=two+words&c" (form rules: '+' is space; a name without '=' has value "").
// Keeps order and duplicates; skips empty segments ("a=1&&b=2"). A leading '?' or '#' is
// ignored. nullopt when any name or value has a malformed escape.
std::optional<QueryParams> parseQuery(std::string_view query);

// Builds "a=1&b=two%20words" with percentEncode for names and values. The result is valid
// both as a URL query and as an application/x-www-form-urlencoded body.
std::string buildQuery(const QueryParams& params);

struct UrlParts {
  std::string base;      // everything before '?' or '#'
  std::string query;     // between '?' and '#', without the '?'
  std::string fragment;  // after the first '#', without the '#'
  bool hasQuery = false;
  bool hasFragment = false;
};
UrlParts splitUrl(std::string_view url);

// Lower-cased scheme ("https"), or "" when the URL has no "scheme://".
std::string urlScheme(std::string_view url);

// Lower-cased host of an absolute "scheme://[userinfo@]host[:port]/..." URL, without the port;
// IPv6 literals keep their brackets ("[::1]"). nullopt when there is no host.
std::optional<std::string> urlHost(std::string_view url);

// localhost, 127.0.0.1 or [::1].
bool isLoopbackHost(std::string_view host);

// True for https URLs with a host, and for http URLs on a loopback host.
bool isHttpsOrLoopback(std::string_view url);

}  // namespace patdesk
