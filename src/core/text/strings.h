// The small text helpers core and ui share, written once: trimming ASCII whitespace,
// ASCII lower-casing and case-insensitive comparison, and splitting space-separated lists
// (scope strings). ASCII only on purpose: names, hosts and scopes are compared that way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace patdesk::text {

// True for ' ', '\t', '\n', '\r', '\f', '\v' (std::isspace in the C locale).
bool isAsciiSpace(char c);
// `s` without leading and trailing ASCII whitespace.
std::string trim(std::string_view s);
// 'A'-'Z' become 'a'-'z'; every other byte (UTF-8 included) is kept.
std::string lowerAscii(std::string_view s);
bool equalsIgnoreAsciiCase(std::string_view a, std::string_view b);
// `needle` occurs in `haystack`, ignoring ASCII case; an empty needle always does.
bool containsIgnoreAsciiCase(std::string_view haystack, std::string_view needle);
// Equal bytes, compared without stopping at the first difference (the OAuth state check).
bool constantTimeEquals(std::string_view a, std::string_view b);
// The words of a whitespace-separated list, e.g. "vso.code  vso.work" -> {vso.code, vso.work}.
std::vector<std::string> splitWords(std::string_view s);

}  // namespace patdesk::text
