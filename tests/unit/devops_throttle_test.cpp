// A 429 whose Retry-After the page cannot read: 10 s, 30 s, 60 s with jitter, a countdown the
// App can show, Retry now and Cancel; a create (POST) is never retried.
#include <doctest/doctest.h>

#include <memory>
#include <optional>

#include "core/app/selectors.h"
#include "core/devops/devops_client.h"
#include "core/devops/retry_policy.h"
#include "fakes/fake_platform.h"
#include "unit/app_test_support.h"

using namespace patdesk;
using namespace patdesk::devops;
using patdesk::testing::FakePlatform;

namespace {

struct Client {
  FakePlatform fake;
  std::unique_ptr<DevOpsClient> client;
  std::vector<ThrottleStatus> told;
  Client() {
    client = std::make_unique<DevOpsClient>("https://app.vssps.visualstudio.com",
                                            "https://vssps.dev.azure.com", fake.platform(),
                                            [] { return std::string("access"); });
    client->setThrottleListener([this](const ThrottleStatus& s) { told.push_back(s); });
  }
  bool respond(int status, const std::string& body = "") {
    return fake.http.respond("", status, body);
  }
};

const char* kPatJson =
    R"({"patToken":{"authorizationId":"id","displayName":"x","scope":"vso.code","validFrom":"2026-11-01T00:00:00Z","validTo":"2026-12-30T00:00:00Z","targetAccounts":["a"]},"patTokenError":"none"})";

}  // namespace

TEST_CASE("The throttle backoff without Retry-After is 10 s, then 30 s, then 60 s") {
  CHECK(throttleBackoffMs(0) == 10000);
  CHECK(throttleBackoffMs(1) == 30000);
  CHECK(throttleBackoffMs(2) == 60000);
  CHECK(throttleBackoffMs(7) == 60000);
  HttpResponse r;
  r.status = 429;
  CHECK(throttledWithoutRetryAfter(r));
  r.headers = {{"Retry-After", "3"}};
  CHECK_FALSE(throttledWithoutRetryAfter(r));
}

TEST_CASE("A GET throttled without a readable Retry-After waits at least 10 s, with jitter") {
  Client c;
  c.fake.random.next = 255;  // the largest jitter: a fifth more
  std::optional<Result<PatToken>> got;
  c.client->getPat("o", "id", [&](Result<PatToken> r) { got = std::move(r); });
  REQUIRE(c.respond(429));
  REQUIRE(c.told.size() == 1);
  CHECK(c.told.back().waiting);
  CHECK(c.told.back().waitMs == 12000);
  CHECK(c.told.back().retryAtMs == c.fake.clock.now + 12000);
  c.fake.clock.advance(11999);
  CHECK(c.fake.http.pending.empty());
  c.fake.clock.advance(1);
  REQUIRE(c.fake.http.pending.size() == 1);
  CHECK_FALSE(c.told.back().waiting);  // the countdown ends when the retry goes out

  REQUIRE(c.respond(429));  // the second wait is 30 s (+ jitter)
  CHECK(c.told.back().waitMs >= 30000);
  CHECK(c.told.back().waitMs <= 36000);
  c.fake.clock.advance(c.told.back().waitMs);
  REQUIRE(c.respond(429));  // the third is 60 s (+ jitter)
  CHECK(c.told.back().waitMs >= 60000);
  CHECK(c.told.back().waitMs <= 72000);
  c.fake.clock.advance(c.told.back().waitMs);
  REQUIRE(c.respond(429));  // three retries: it gives up
  REQUIRE(got);
  REQUIRE_FALSE(got->ok());
  CHECK(got->error().code == "devops.throttled");
  CHECK(c.fake.http.sent.size() == 4);
}

TEST_CASE("Retry now sends a throttled GET at once and Cancel gives up with the 429") {
  Client c;
  std::optional<Result<PatToken>> got;
  c.client->getPat("o", "id", [&](Result<PatToken> r) { got = std::move(r); });
  REQUIRE(c.respond(429));
  CHECK(c.fake.http.pending.empty());

  SUBCASE("Retry now") {
    c.client->retryThrottledNow();
    CHECK_FALSE(c.told.back().waiting);
    REQUIRE(c.fake.http.pending.size() == 1);
    CHECK(c.fake.clock.pendingTimers() == 0);
    REQUIRE(c.respond(200, kPatJson));
    REQUIRE(got);
    CHECK(got->ok());
  }
  SUBCASE("Cancel") {
    c.client->cancelThrottled();
    CHECK_FALSE(c.told.back().waiting);
    CHECK(c.fake.http.pending.empty());
    CHECK(c.fake.clock.pendingTimers() == 0);
    REQUIRE(got);
    REQUIRE_FALSE(got->ok());
    CHECK(got->error().code == "devops.throttled");
  }
}

TEST_CASE("A create throttled without Retry-After is never retried") {
  Client c;
  std::optional<Result<PatToken>> got;
  CreatePatRequest request;
  request.displayName = "x";
  request.scope = "vso.code";
  request.validToMs = c.fake.clock.now + 86400000;
  c.client->createPat("o", request, [&](Result<PatToken> r) { got = std::move(r); });
  REQUIRE(c.respond(429));
  REQUIRE(got);
  CHECK(got->error().code == "devops.throttled");
  CHECK(c.told.empty());
  c.fake.clock.advance(120000);
  CHECK(c.fake.http.sent.size() == 1);
}

TEST_CASE("The App shows the throttling countdown and Retry now ends it") {
  using namespace patdesk::app;
  using namespace patdesk::testing;
  AppHarness h;
  h.signIn();
  REQUIRE(h.fake.http.respond(kProfileUrl, 429, ""));
  REQUIRE(h.st().throttleRetryAtMs > 0);
  CHECK(h.st().throttleWaitMs >= 10000);
  CHECK(throttleText(h.st(), h.now()).find("Azure DevOps is throttling: retrying in ") == 0);
  const auto j = nlohmann::json::parse(h.json());
  CHECK(j["throttle"]["waitMs"].get<int64_t>() >= 10000);
  CHECK(j["throttle"]["secondsLeft"].get<int64_t>() >= 10);
  CHECK(h.a().animating());  // the countdown keeps frames coming
  h.fake.clock.advance(4000);
  CHECK(throttleSecondsLeft(h.st(), h.now()) == (h.st().throttleRetryAtMs - h.now() + 999) / 1000);
  h.dispatch(intent::RetryThrottledNow{});
  CHECK(h.st().throttleRetryAtMs == 0);
  CHECK(nlohmann::json::parse(h.json())["throttle"].is_null());
  CHECK(h.sentMatching("GET", kProfileUrl) == 2);
}
