// The per-tenant access token cache behind guest organizations: get/put, expiry and one
// grant in flight per tenant.
#include "core/auth/tenant_token_cache.h"

#include <doctest/doctest.h>

using patdesk::auth::TenantTokenCache;

TEST_CASE("a tenant's token is held until close to its expiry, per tenant and without case") {
  TenantTokenCache cache;
  CHECK(cache.fresh("woodgrove.com", 0).empty());
  cache.put("Woodgrove.com", "AT-W", 3600 * 1000, 3600 * 1000);
  CHECK(cache.fresh(" woodgrove.com ", 0) == "AT-W");
  CHECK(cache.fresh("fabrikam.com", 0).empty());
  // Five minutes before expiry it is no longer fresh, but still held.
  CHECK(cache.fresh("woodgrove.com", 3300 * 1000 - 1) == "AT-W");
  CHECK(cache.fresh("woodgrove.com", 3300 * 1000).empty());
  CHECK(cache.held("woodgrove.com") == "AT-W");
}

TEST_CASE("a 60-second token is renewed after half its lifetime, not before every call") {
  TenantTokenCache cache;
  cache.put("woodgrove.com", "AT-W", 60 * 1000, 60 * 1000);
  CHECK(cache.fresh("woodgrove.com", 29 * 1000) == "AT-W");
  CHECK(cache.fresh("woodgrove.com", 30 * 1000).empty());
}

TEST_CASE("put replaces a tenant's token and drop and clear forget them") {
  TenantTokenCache cache;
  cache.put("a.com", "AT-1", 1000000, 1000000);
  cache.put("a.com", "AT-2", 1000000, 1000000);
  cache.put("b.com", "AT-3", 1000000, 1000000);
  CHECK(cache.size() == 2);
  CHECK(cache.held("a.com") == "AT-2");
  cache.drop("a.com");
  CHECK(cache.held("a.com").empty());
  cache.clear();
  CHECK(cache.size() == 0);
  CHECK(cache.held("b.com").empty());
}

TEST_CASE("one grant per tenant is in flight, and every waiter gets its answer") {
  TenantTokenCache cache;
  int answers = 0;
  CHECK(cache.join("a.com", [&](bool ok) { answers += ok ? 1 : 100; }));
  CHECK_FALSE(cache.join("A.com", [&](bool ok) { answers += ok ? 1 : 100; }));
  CHECK(cache.join("b.com", [&](bool ok) { answers += ok ? 1000 : 0; }));
  CHECK(cache.inFlight("a.com"));
  auto waiters = cache.finish("a.com");
  CHECK(waiters.size() == 2);
  CHECK_FALSE(cache.inFlight("a.com"));
  CHECK(cache.inFlight("b.com"));
  for (auto& w : waiters) w(true);
  CHECK(answers == 2);
  // The tenant is free again: the next caller starts a new grant.
  CHECK(cache.join("a.com", [](bool) {}));
}
