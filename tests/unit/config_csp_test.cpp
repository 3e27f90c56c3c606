// config.json's origins against the page's Content-Security-Policy connect-src.
#include "core/config_csp.h"

#include <doctest/doctest.h>

#include "core/error_codes.h"

using namespace patdesk;

namespace {

const std::string kCsp =
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self' "
    "https://login.microsoftonline.com https://app.vssps.visualstudio.com "
    "https://vssps.dev.azure.com; base-uri 'none'";
const std::string kPage = "https://tokens.example.com/app/";

}  // namespace

TEST_CASE("originOf keeps scheme, host and a non-default port, lower-cased") {
  CHECK(originOf("https://Login.MicrosoftOnline.com/organizations") ==
        "https://login.microsoftonline.com");
  CHECK(originOf("https://vssps.dev.azure.com:443/x") == "https://vssps.dev.azure.com");
  CHECK(originOf("http://127.0.0.1:8403/") == "http://127.0.0.1:8403");
  CHECK(originOf("http://user@[::1]:80/") == "http://[::1]");
  CHECK(originOf("no scheme").empty());
}

TEST_CASE("The default config passes the default CSP") {
  AppConfig config;
  CHECK_FALSE(cspMissingOrigin(config, kCsp, kPage));
  CHECK_FALSE(cspMissingOrigin(config, "", kPage));  // no CSP: nothing to check
}

TEST_CASE("A config origin outside connect-src is named, with its field") {
  AppConfig config;
  config.devopsTokensBaseUrl = "https://tokens.contoso.example/api";
  auto e = cspMissingOrigin(config, kCsp, kPage);
  REQUIRE(e);
  CHECK(e->code == errc::kConfigCspMissingOrigin);
  CHECK(e->message ==
        "config.json points to https://tokens.contoso.example, but this page's "
        "Content-Security-Policy does not allow connections there: see Deploy in the README.");
  CHECK(e->detail == "devopsTokensBaseUrl");
  CHECK(e->action.find("devopsTokensBaseUrl") != std::string::npos);
}

TEST_CASE("connect-src sources: 'self', wildcards, scheme-only, ports and default-src") {
  const std::string page = "http://127.0.0.1:8400/";
  CHECK(cspAllowsConnect("connect-src 'self'", "http://127.0.0.1:8400", page));
  CHECK_FALSE(cspAllowsConnect("connect-src 'self'", "http://127.0.0.1:8401", page));
  CHECK(cspAllowsConnect("connect-src https://*.visualstudio.com",
                         "https://app.vssps.visualstudio.com", page));
  CHECK_FALSE(
      cspAllowsConnect("connect-src https://*.visualstudio.com", "https://visualstudio.com", page));
  CHECK(cspAllowsConnect("connect-src https:", "https://anything.example", page));
  CHECK_FALSE(cspAllowsConnect("connect-src https:", "http://127.0.0.1:9", page));
  CHECK(cspAllowsConnect("connect-src http://127.0.0.1:*", "http://127.0.0.1:9", page));
  CHECK(cspAllowsConnect("default-src https://x.example", "https://x.example", page));
  CHECK_FALSE(cspAllowsConnect("default-src 'none'", "https://x.example", page));
  CHECK(cspAllowsConnect("script-src 'self'", "https://x.example", page));  // no connect rule
  CHECK(cspAllowsConnect("CONNECT-SRC HTTPS://X.EXAMPLE/path", "https://x.example", page));
}
