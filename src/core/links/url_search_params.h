// application/x-www-form-urlencoded parsing and serialising exactly as the browser's
// URLSearchParams does, so a link built by any tool with URLSearchParams reads back the same.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace patdesk::links {

using SearchParams = std::vector<std::pair<std::string, std::string>>;

// WHATWG "urlencoded parser": splits on '&', skips empty pieces, splits each at the first
// '=', turns '+' into a space and decodes %XX. Never fails: a '%' without two hex digits is
// kept as it is, and bytes that are not UTF-8 become U+FFFD (as URLSearchParams does).
SearchParams parseSearchParams(std::string_view query);

// The first value of `name`, like URLSearchParams.get(); nullopt when absent.
std::optional<std::string> firstValue(const SearchParams& params, std::string_view name);

// WHATWG "urlencoded serializer" (URLSearchParams.toString()): space becomes '+', and every
// byte except ALPHA DIGIT * - . _ becomes %XX.
std::string serializeSearchParams(const SearchParams& params);

// Replaces every invalid UTF-8 sequence with U+FFFD (the WHATWG "UTF-8 decode" rule).
std::string toValidUtf8(std::string_view bytes);

}  // namespace patdesk::links
