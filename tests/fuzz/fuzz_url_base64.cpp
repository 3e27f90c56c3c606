// URL and base64 helpers. Invariants:
//   base64url / base64: decode(encode(x)) == x, and anything that decodes is canonical
//   (re-encoding gives the same text, padding aside);
//   percentDecode(percentEncode(x)) == x, percentDecode(formUrlEncode(x), true) == x;
//   parseQuery(buildQuery(p)) == p for whatever parseQuery accepted;
//   splitUrl's pieces reassemble into the URL.
#include "core/text/base64url.h"
#include "core/text/url.h"
#include "fuzz_common.h"

using namespace patdesk;

namespace {

std::string_view stripPadding(std::string_view s) {
  while (!s.empty() && s.back() == '=') s.remove_suffix(1);
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string x = fuzz::bytes(data, size);

  // base64url and base64: encode -> decode round trip.
  const std::string u = base64UrlEncode(data, size);
  FUZZ_CHECK(u == base64UrlEncode(std::string_view(x)));
  FUZZ_CHECK(u.find('=') == std::string::npos);
  FUZZ_CHECK(base64UrlDecode(u) == x);
  const std::string b = base64Encode(x);
  FUZZ_CHECK(b.size() % 4 == 0);
  FUZZ_CHECK(base64Decode(b) == x);
  FUZZ_CHECK(base64Decode(stripPadding(b)) == x);

  // Decoding arbitrary text: only canonical encodings are accepted.
  if (const auto decoded = base64UrlDecode(x)) {
    FUZZ_CHECK(base64UrlEncode(*decoded) == stripPadding(x));
  }
  if (const auto decoded = base64Decode(x)) {
    FUZZ_CHECK(stripPadding(base64Encode(*decoded)) == stripPadding(x));
  }

  // Percent-encoding.
  FUZZ_CHECK(percentDecode(percentEncode(x)) == x);
  FUZZ_CHECK(percentDecode(formUrlEncode(x), true) == x);
  if (const auto decoded = percentDecode(x)) FUZZ_CHECK(decoded->size() <= x.size());

  // Query strings.
  if (const auto params = parseQuery(x)) {
    const std::string built = buildQuery(*params);
    const auto again = parseQuery(built);
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(*again == *params);
  }

  // URL pieces.
  const UrlParts parts = splitUrl(x);
  std::string joined = parts.base;
  if (parts.hasQuery) joined += "?" + parts.query;
  if (parts.hasFragment) joined += "#" + parts.fragment;
  FUZZ_CHECK(joined == x);
  if (const auto host = urlHost(x)) {
    FUZZ_CHECK(!host->empty());
    FUZZ_CHECK(!urlScheme(x).empty());
  }
  if (isHttpsOrLoopback(x)) FUZZ_CHECK(urlHost(x).has_value());
  return 0;
}
