// Base64 (RFC 4648 §4) and base64url (RFC 4648 §5). Bytes travel in std::string.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace patdesk {

// base64url without padding: what PKCE (RFC 7636) and JWTs use.
std::string base64UrlEncode(const uint8_t* data, size_t size);
std::string base64UrlEncode(std::string_view bytes);

// Decodes base64url with or without '=' padding. nullopt for anything invalid: characters
// outside the URL-safe alphabet (including '+' and '/'), a bad length, misplaced or excess
// padding, or non-zero trailing bits (a non-canonical encoding).
std::optional<std::string> base64UrlDecode(std::string_view text);

// Standard base64 with padding.
std::string base64Encode(std::string_view bytes);
// Decodes standard base64 (padding optional); the same strictness as base64UrlDecode.
std::optional<std::string> base64Decode(std::string_view text);

}  // namespace patdesk
