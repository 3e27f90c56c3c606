#include <doctest/doctest.h>

#include "core/text/secure_wipe.h"
#include "core/text/url.h"

using namespace patdesk;

TEST_CASE("percent-encoding keeps only the RFC 3986 unreserved characters") {
  CHECK(percentEncode("AZaz09-._~") == "AZaz09-._~");
  CHECK(percentEncode("a b+c/d?e=f&g#h%") == "a%20b%2Bc%2Fd%3Fe%3Df%26g%23h%25");
  CHECK(percentEncode("!'()*") == "%21%27%28%29%2A");
  CHECK(percentEncode("\xc3\xa9") == "%C3%A9");
}

TEST_CASE("form-urlencoding turns spaces into plus and keeps *-._") {
  CHECK(formUrlEncode("a b*c-d.e_f~g+h") == "a+b*c-d.e_f%7Eg%2Bh");
}

TEST_CASE("percent-decoding accepts either hex case and rejects malformed escapes") {
  CHECK(*percentDecode("%2f%2F%C3%a9") == "//\xc3\xa9");
  CHECK(*percentDecode("a+b") == "a+b");
  CHECK(*percentDecode("a+b", true) == "a b");
  CHECK_FALSE(percentDecode("%").has_value());
  CHECK_FALSE(percentDecode("%2").has_value());
  CHECK_FALSE(percentDecode("abc%").has_value());
  CHECK_FALSE(percentDecode("%zz").has_value());
  CHECK_FALSE(percentDecode("%g1").has_value());
}

TEST_CASE("a query is parsed in order with form rules") {
  auto q = parseQuery("?b=2&a=one+two&&c&d=%26%3D&a=again");
  REQUIRE(q.has_value());
  REQUIRE(q->size() == 5);
  CHECK((*q)[0] == std::make_pair(std::string("b"), std::string("2")));
  CHECK((*q)[1] == std::make_pair(std::string("a"), std::string("one two")));
  CHECK((*q)[2] == std::make_pair(std::string("c"), std::string("")));
  CHECK((*q)[3] == std::make_pair(std::string("d"), std::string("&=")));
  CHECK((*q)[4] == std::make_pair(std::string("a"), std::string("again")));
  CHECK(parseQuery("")->empty());
  CHECK(parseQuery("#")->empty());
  CHECK(parseQuery("#x=1")->at(0).second == "1");
  CHECK_FALSE(parseQuery("a=%zz").has_value());
  CHECK_FALSE(parseQuery("%=1").has_value());
}

TEST_CASE("a built query parses back to the same pairs") {
  QueryParams params = {{"scope", "a/b c"},
                        {"redirect_uri", "https://x.example/?q=1#f"},
                        {"empty", ""},
                        {"plus", "1+1"}};
  const std::string built = buildQuery(params);
  CHECK(built ==
        "scope=a%2Fb%20c&redirect_uri=https%3A%2F%2Fx.example%2F%3Fq%3D1%23f&empty=&plus=1%2B1");
  CHECK(*parseQuery(built) == params);
}

TEST_CASE("a URL splits into base, query and fragment") {
  UrlParts p = splitUrl("https://h.example/app/?a=1&b=2#code=x?y#z");
  CHECK(p.base == "https://h.example/app/");
  CHECK(p.hasQuery);
  CHECK(p.query == "a=1&b=2");
  CHECK(p.hasFragment);
  CHECK(p.fragment == "code=x?y#z");

  p = splitUrl("https://h.example/app/#frag?notquery");
  CHECK(p.base == "https://h.example/app/");
  CHECK_FALSE(p.hasQuery);
  CHECK(p.fragment == "frag?notquery");

  p = splitUrl("https://h.example/app/");
  CHECK(p.base == "https://h.example/app/");
  CHECK_FALSE(p.hasQuery);
  CHECK_FALSE(p.hasFragment);

  p = splitUrl("https://h.example/?#");
  CHECK(p.base == "https://h.example/");
  CHECK(p.hasQuery);
  CHECK(p.hasFragment);
  CHECK(p.query.empty());
}

TEST_CASE("the host of a URL is found without userinfo or port, lower-cased") {
  CHECK(*urlHost("https://Login.MicrosoftOnline.com/organizations") == "login.microsoftonline.com");
  CHECK(*urlHost("http://user:pw@localhost:8080/x") == "localhost");
  CHECK(*urlHost("http://[::1]:3000/") == "[::1]");
  CHECK(*urlHost("https://h.example?x") == "h.example");
  CHECK(*urlHost("https://h.example#x") == "h.example");
  CHECK_FALSE(urlHost("login.microsoftonline.com/organizations").has_value());
  CHECK_FALSE(urlHost("https:///path").has_value());
  CHECK_FALSE(urlHost("https://h.example:80x/").has_value());
  CHECK_FALSE(urlHost("https://h example/").has_value());
  CHECK_FALSE(urlHost("https://[::1/").has_value());
  CHECK_FALSE(urlHost("").has_value());
  CHECK(urlScheme("HTTPS://h.example") == "https");
  CHECK(urlScheme("no-scheme") == "");
}

TEST_CASE("only https URLs, or http on a loopback host, count as secure") {
  CHECK(isHttpsOrLoopback("https://login.microsoftonline.com/organizations"));
  CHECK(isHttpsOrLoopback("HTTPS://example.com"));
  CHECK(isHttpsOrLoopback("http://localhost:8080/sandbox"));
  CHECK(isHttpsOrLoopback("http://127.0.0.1:9000"));
  CHECK(isHttpsOrLoopback("http://[::1]:9000/"));
  CHECK_FALSE(isHttpsOrLoopback("http://login.microsoftonline.com/organizations"));
  CHECK_FALSE(isHttpsOrLoopback("http://localhost.evil.example/"));
  CHECK_FALSE(isHttpsOrLoopback("http://127.0.0.1.evil.example/"));
  CHECK_FALSE(isHttpsOrLoopback("http://localhost@evil.example/"));
  CHECK_FALSE(isHttpsOrLoopback("ftp://localhost/"));
  CHECK_FALSE(isHttpsOrLoopback("https://"));
  CHECK_FALSE(isHttpsOrLoopback("javascript:alert(1)"));
}

TEST_CASE("secureWipe overwrites a secret's bytes before clearing it") {
  std::string secret(100, 'x');
  const char* bytes = secret.data();
  secureWipe(secret);
  CHECK(secret.empty());
  bool allZero = true;
  for (int i = 0; i < 100; ++i) allZero = allZero && bytes[i] == '\0';  // still secret's buffer
  CHECK(allZero);

  std::string shortSecret = "abc";  // small-string buffer
  secureWipe(shortSecret);
  CHECK(shortSecret.empty());
}
