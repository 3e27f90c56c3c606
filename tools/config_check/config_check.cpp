// patdesk_config_check: validates a config.json with the app's own rules (core's parseConfig)
// for scripts/configure-site.sh. Prints the origins the page must be allowed to connect to,
// one a line, and exits 0; or prints what is wrong, naming the field, and exits 1.
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>

#include "core/config.h"
#include "core/config_csp.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: patdesk_config_check path/to/config.json [page URL]\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << argv[1] << ": cannot be read\n";
    return 1;
  }
  std::stringstream text;
  text << in.rdbuf();
  // The page URL only gives the redirectUri default; any https page will do for the rules.
  const std::string page = argc > 2 ? argv[2] : "https://patdesk.invalid/";
  auto config = patdesk::parseConfig(text.str(), page);
  if (!config) {
    std::cerr << argv[1] << ": " << config.error().message << "\n";
    if (!config.error().action.empty()) std::cerr << config.error().action << "\n";
    return 1;
  }
  if (config.value().clientId.empty()) {
    std::cerr << argv[1]
              << ": \"clientId\" is required (the Application (client) ID of the "
                 "single-page application registration).\n";
    return 1;
  }
  std::set<std::string> seen;
  for (const std::string* url : {&config.value().authority, &config.value().devopsProfileBaseUrl,
                                 &config.value().devopsTokensBaseUrl}) {
    const std::string origin = patdesk::originOf(*url);
    if (seen.insert(origin).second) std::cout << origin << "\n";
  }
  return 0;
}
