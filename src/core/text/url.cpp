#include "core/text/url.h"
#include "core/text/strings.h"

#include <cctype>

namespace patdesk {
namespace {

constexpr char kHex[] = "0123456789ABCDEF";

bool isAlnum(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

void appendEscaped(std::string& out, unsigned char c) {
  out += '%';
  out += kHex[c >> 4];
  out += kHex[c & 15];
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

using text::lowerAscii;

// The authority part of "scheme://authority/path", or nullopt.
std::optional<std::string_view> authorityOf(std::string_view url) {
  const size_t sep = url.find("://");
  if (sep == std::string_view::npos || sep == 0) return std::nullopt;
  for (size_t i = 0; i < sep; ++i) {
    const unsigned char c = static_cast<unsigned char>(url[i]);
    const bool ok = isAlnum(c) || (i > 0 && (c == '+' || c == '-' || c == '.'));
    if (!ok) return std::nullopt;
  }
  std::string_view rest = url.substr(sep + 3);
  const size_t end = rest.find_first_of("/?#");
  return rest.substr(0, end == std::string_view::npos ? rest.size() : end);
}

}  // namespace

std::string percentEncode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (isAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += ch;
    } else {
      appendEscaped(out, c);
    }
  }
  return out;
}

std::string formUrlEncode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (isAlnum(c) || c == '*' || c == '-' || c == '.' || c == '_') {
      out += ch;
    } else if (c == ' ') {
      out += '+';
    } else {
      appendEscaped(out, c);
    }
  }
  return out;
}

std::optional<std::string> percentDecode(std::string_view text, bool plusAsSpace) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int hi = hexValue(text[i + 1]);
      const int lo = hexValue(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && plusAsSpace) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::optional<QueryParams> parseQuery(std::string_view query) {
  if (!query.empty() && (query.front() == '?' || query.front() == '#')) query.remove_prefix(1);
  QueryParams params;
  size_t start = 0;
  while (start <= query.size()) {
    size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view segment = query.substr(start, end - start);
    if (!segment.empty()) {
      const size_t eq = segment.find('=');
      const std::string_view rawName = segment.substr(0, eq);
      const std::string_view rawValue =
          eq == std::string_view::npos ? std::string_view() : segment.substr(eq + 1);
      auto name = percentDecode(rawName, true);
      auto value = percentDecode(rawValue, true);
      if (!name || !value) return std::nullopt;
      params.emplace_back(std::move(*name), std::move(*value));
    }
    start = end + 1;
  }
  return params;
}

std::string buildQuery(const QueryParams& params) {
  std::string out;
  for (const auto& [name, value] : params) {
    if (!out.empty()) out += '&';
    out += percentEncode(name);
    out += '=';
    out += percentEncode(value);
  }
  return out;
}

UrlParts splitUrl(std::string_view url) {
  UrlParts parts;
  const size_t hash = url.find('#');
  std::string_view beforeHash = url;
  if (hash != std::string_view::npos) {
    parts.hasFragment = true;
    parts.fragment = std::string(url.substr(hash + 1));
    beforeHash = url.substr(0, hash);
  }
  const size_t question = beforeHash.find('?');
  if (question != std::string_view::npos) {
    parts.hasQuery = true;
    parts.query = std::string(beforeHash.substr(question + 1));
    parts.base = std::string(beforeHash.substr(0, question));
  } else {
    parts.base = std::string(beforeHash);
  }
  return parts;
}

std::string urlScheme(std::string_view url) {
  if (!authorityOf(url)) return {};
  return lowerAscii(url.substr(0, url.find("://")));
}

std::optional<std::string> urlHost(std::string_view url) {
  auto authority = authorityOf(url);
  if (!authority) return std::nullopt;
  std::string_view hostPort = *authority;
  const size_t at = hostPort.rfind('@');
  if (at != std::string_view::npos) hostPort = hostPort.substr(at + 1);
  std::string_view host;
  std::string_view afterHost;
  if (!hostPort.empty() && hostPort.front() == '[') {
    const size_t close = hostPort.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    host = hostPort.substr(0, close + 1);
    afterHost = hostPort.substr(close + 1);
  } else {
    const size_t colon = hostPort.find(':');
    host = hostPort.substr(0, colon);
    afterHost = colon == std::string_view::npos ? std::string_view() : hostPort.substr(colon);
  }
  if (!afterHost.empty()) {
    // Only ":digits" (or a bare ':') may follow the host.
    if (afterHost.front() != ':') return std::nullopt;
    for (char c : afterHost.substr(1)) {
      if (c < '0' || c > '9') return std::nullopt;
    }
  }
  if (host.empty()) return std::nullopt;
  for (char c : host) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F || c == '\\' || c == '%' || c == '<' || c == '>' || c == '"') {
      return std::nullopt;
    }
  }
  return lowerAscii(host);
}

bool isLoopbackHost(std::string_view host) {
  const std::string h = lowerAscii(host);
  return h == "localhost" || h == "127.0.0.1" || h == "[::1]";
}

bool isHttpsOrLoopback(std::string_view url) {
  const auto host = urlHost(url);
  if (!host) return false;
  const std::string scheme = urlScheme(url);
  if (scheme == "https") return true;
  return scheme == "http" && isLoopbackHost(*host);
}

}  // namespace patdesk
