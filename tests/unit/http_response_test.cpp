#include <doctest/doctest.h>

#include "core/platform/http.h"

using patdesk::HttpResponse;

TEST_CASE("a response header is found whatever the case of its name") {
  HttpResponse r;
  r.headers = {{"content-type", "text/html"}, {"Retry-After", "7"}};
  CHECK(r.header("Content-Type") == "text/html");
  CHECK(r.header("retry-after") == "7");
  CHECK(r.header("x-missing").empty());
}
