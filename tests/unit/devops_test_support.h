// Helpers for the devops tests: Microsoft's spec files and recorded examples, URL pieces.
#pragma once

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>

namespace patdesk::testing {

// A file under PATDESK_SPECS_DIR (tests/fixtures/azure-devops-specs), without its UTF-8 BOM.
// A missing or unreadable fixture throws with its path, so the test fails saying so instead
// of reading as a JSON parse error of an empty string.
inline std::string readSpecFile(const std::string& relative) {
  const std::string path = std::string(PATDESK_SPECS_DIR) + "/" + relative;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("fixture missing or unreadable: " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw std::runtime_error("fixture could not be read: " + path);
  std::string text = ss.str();
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  return text;
}

inline nlohmann::json loadSpecJson(const std::string& relative) {
  return nlohmann::json::parse(readSpecFile(relative));
}

inline nlohmann::json patExample(const std::string& name) {
  return loadSpecJson("tokens/7.1/httpExamples/Pats/" + name + ".json");
}

inline std::string percentDecode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

struct ParsedUrl {
  std::string path;                          // still encoded
  std::map<std::string, std::string> query;  // decoded values
  int duplicateKeys = 0;
};

inline ParsedUrl parseUrl(const std::string& url) {
  ParsedUrl p;
  const size_t scheme = url.find("://");
  const size_t pathStart = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  const size_t q = url.find('?');
  p.path = url.substr(pathStart, q == std::string::npos ? std::string::npos : q - pathStart);
  if (q == std::string::npos) return p;
  std::stringstream ss(url.substr(q + 1));
  std::string pair;
  while (std::getline(ss, pair, '&')) {
    const size_t eq = pair.find('=');
    const std::string key = percentDecode(pair.substr(0, eq));
    const std::string value = eq == std::string::npos ? "" : percentDecode(pair.substr(eq + 1));
    if (p.query.count(key)) ++p.duplicateKeys;
    p.query[key] = value;
  }
  return p;
}

inline std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace patdesk::testing
