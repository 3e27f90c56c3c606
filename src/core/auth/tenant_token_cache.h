// The access tokens patdesk holds for tenants other than the one signed in to (guest
// organizations, issue 11 §1): one per tenant, in memory only, with the callers waiting for
// a tenant's refresh-token grant so that concurrent requests share one grant per tenant.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace patdesk::auth {

class TenantTokenCache {
 public:
  using Waiter = std::function<void(bool ok)>;

  ~TenantTokenCache() { clear(); }

  // Tenants are compared without case and surrounding spaces (Contoso.com == contoso.com).
  static std::string key(const std::string& tenant);

  // The tenant's access token while it has more than min(5 minutes, half its lifetime)
  // left at `nowMs`; "" when there is none or it is about to expire.
  std::string fresh(const std::string& tenant, int64_t nowMs) const;
  // Whatever token is held for the tenant, even an old one ("" when none).
  std::string held(const std::string& tenant) const;
  // Stores (replacing and wiping an older one) the tenant's token.
  void put(const std::string& tenant, const std::string& accessToken, int64_t expiresAtMs,
           int64_t lifetimeMs);
  // Forgets the tenant's token (Azure DevOps refused it).
  void drop(const std::string& tenant);

  // Single-flight per tenant: adds the waiter and returns true when no grant for this tenant
  // is in flight (the caller starts one), false when it joined the one running.
  bool join(const std::string& tenant, Waiter waiter);
  // The grant for the tenant ended: the waiters to answer (the tenant is free again).
  std::vector<Waiter> finish(const std::string& tenant);
  bool inFlight(const std::string& tenant) const;

  // Wipes every token and drops every waiter (sign-out).
  void clear();
  size_t size() const { return tokens_.size(); }

 private:
  struct Entry {
    std::string accessToken;
    int64_t expiresAtMs = 0;
    int64_t lifetimeMs = 0;
  };
  std::map<std::string, Entry> tokens_;
  std::map<std::string, std::vector<Waiter>> waiters_;
};

}  // namespace patdesk::auth
