#include <doctest/doctest.h>

#include "core/config.h"

using namespace patdesk;

namespace {
const std::string kPage = "https://patdesk.example/app/?x=1#tokens";
}

TEST_CASE("an empty config object takes every documented default") {
  auto r = parseConfig("{}", kPage);
  REQUIRE(r.ok());
  const AppConfig& c = r.value();
  CHECK(c.clientId.empty());  // not an error: the app shows its setup screen
  CHECK(c.authority == "https://login.microsoftonline.com/organizations");
  CHECK(c.redirectUri == "https://patdesk.example/app/");
  CHECK(c.scopes == std::vector<std::string>{"499b84ac-1321-427f-aa17-267ca6975798/.default"});
  CHECK(c.devopsProfileBaseUrl == "https://app.vssps.visualstudio.com");
  CHECK(c.devopsTokensBaseUrl == "https://vssps.dev.azure.com");
  CHECK(c.defaultOrganization.empty());
  CHECK_FALSE(c.isSandbox());
}

TEST_CASE("every config field is read, trimmed, and base URLs lose trailing slashes") {
  auto r = parseConfig(R"({
    "clientId": " 11111111-2222-3333-4444-555555555555 ",
    "authority": "https://login.microsoftonline.com/contoso.com//",
    "redirectUri": "https://patdesk.example/app/",
    "scopes": ["a/.default", "b c", "a/.default"],
    "devopsProfileBaseUrl": "https://profile.example/",
    "devopsTokensBaseUrl": "https://tokens.example/base/",
    "defaultOrganization": "fabrikam",
    "somethingElse": 42
  })",
                       kPage);
  REQUIRE(r.ok());
  const AppConfig& c = r.value();
  CHECK(c.clientId == "11111111-2222-3333-4444-555555555555");
  CHECK(c.authority == "https://login.microsoftonline.com/contoso.com");
  CHECK(c.redirectUri == "https://patdesk.example/app/");  // kept as given, slash included
  CHECK(c.scopes == std::vector<std::string>{"a/.default", "b", "c"});
  CHECK(c.devopsProfileBaseUrl == "https://profile.example");
  CHECK(c.devopsTokensBaseUrl == "https://tokens.example/base");
  CHECK(c.defaultOrganization == "fabrikam");
}

TEST_CASE("scopes may be a space-separated string") {
  auto r = parseConfig(R"({"scopes": "  x/.default   y  "})", kPage);
  REQUIRE(r.ok());
  CHECK(r.value().scopes == std::vector<std::string>{"x/.default", "y"});
}

TEST_CASE("null, empty strings and empty scope lists take the defaults") {
  auto r = parseConfig(R"({"authority": null, "clientId": null, "scopes": [], "redirectUri": ""})",
                       "https://patdesk.example/");
  REQUIRE(r.ok());
  CHECK(r.value().authority == "https://login.microsoftonline.com/organizations");
  CHECK(r.value().scopes.size() == 1);
  CHECK(r.value().redirectUri == "https://patdesk.example/");
}

TEST_CASE("text that is not JSON, or is empty, is config.not_json") {
  for (const char* text : {"", "   ", "{", "clientId=abc", "{\"a\":1,}", "<html>404</html>"}) {
    CAPTURE(text);
    auto r = parseConfig(text, kPage);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "config.not_json");
    CHECK_FALSE(r.error().action.empty());
  }
  CHECK(parseConfig("", kPage).error().message.find("empty") != std::string::npos);
}

TEST_CASE("JSON that is not an object is config.not_object") {
  for (const char* text : {"[]", "42", "\"text\"", "null", "true"}) {
    CAPTURE(text);
    auto r = parseConfig(text, kPage);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "config.not_object");
  }
}

TEST_CASE("a field of the wrong type is config.wrong_type naming the field and the type") {
  struct Case {
    const char* json;
    const char* field;
    const char* type;
  };
  for (const Case& c :
       {Case{R"({"clientId": 5})", "clientId", "a string"},
        Case{R"({"authority": ["x"]})", "authority", "a string"},
        Case{R"({"redirectUri": {}})", "redirectUri", "a string"},
        Case{R"({"devopsProfileBaseUrl": true})", "devopsProfileBaseUrl", "a string"},
        Case{R"({"devopsTokensBaseUrl": 1.5})", "devopsTokensBaseUrl", "a string"},
        Case{R"({"defaultOrganization": 7})", "defaultOrganization", "a string"},
        Case{R"({"scopes": 7})", "scopes", "an array of strings"},
        Case{R"({"scopes": ["a", 7]})", "scopes", "an array of strings"}}) {
    CAPTURE(c.json);
    auto r = parseConfig(c.json, kPage);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "config.wrong_type");
    CHECK(r.error().message.find(std::string("\"") + c.field + "\"") != std::string::npos);
    CHECK(r.error().message.find(c.type) != std::string::npos);
  }
}

TEST_CASE("a non-https authority or base URL is config.insecure_url") {
  for (const char* text : {R"({"authority": "http://login.microsoftonline.com/organizations"})",
                           R"({"devopsProfileBaseUrl": "http://app.vssps.visualstudio.com"})",
                           R"({"devopsTokensBaseUrl": "http://vssps.dev.azure.com"})",
                           R"({"redirectUri": "http://patdesk.example/"})",
                           R"({"authority": "http://localhost.evil.example/organizations"})"}) {
    CAPTURE(text);
    auto r = parseConfig(text, kPage);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "config.insecure_url");
    CHECK(r.error().action.find("https://") != std::string::npos);
  }
}

TEST_CASE("loopback http URLs are allowed and make the config a sandbox") {
  auto r = parseConfig(R"({"authority": "http://localhost:9000/organizations/",
                           "devopsProfileBaseUrl": "http://127.0.0.1:9001",
                           "devopsTokensBaseUrl": "http://[::1]:9002/",
                           "redirectUri": "http://localhost:8080/"})",
                       "http://localhost:8080/");
  REQUIRE(r.ok());
  CHECK(r.value().authority == "http://localhost:9000/organizations");
  CHECK(r.value().devopsTokensBaseUrl == "http://[::1]:9002");
  CHECK(r.value().isSandbox());
}

TEST_CASE("a URL that is not absolute, or carries a query or fragment, is config.bad_url") {
  for (const char* text :
       {R"({"authority": "login.microsoftonline.com/organizations"})",
        R"({"authority": "https://login.microsoftonline.com/x?y=1"})",
        R"({"devopsTokensBaseUrl": "vssps.dev.azure.com"})", R"({"redirectUri": "/app/"})",
        R"({"redirectUri": "https://patdesk.example/#x"})"}) {
    CAPTURE(text);
    auto r = parseConfig(text, kPage);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "config.bad_url");
  }
}

TEST_CASE("a missing config.json has its own error, with the HTTP status") {
  Error e = configMissingError(404);
  CHECK(e.code == "config.missing");
  CHECK(e.httpStatus == 404);
  CHECK(e.message.find("404") != std::string::npos);
  CHECK(e.action.find("clientId") != std::string::npos);
  Error offline = configMissingError(0);
  CHECK(offline.code == "config.missing");
  CHECK(offline.message.find("no response") != std::string::npos);
}
