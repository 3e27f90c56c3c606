#include "core/auth/tenant_token_cache.h"

#include <algorithm>

#include "core/text/secure_wipe.h"
#include "core/text/strings.h"

namespace patdesk::auth {
namespace {
constexpr int64_t kRefreshMarginMs = 5 * 60 * 1000;
}  // namespace

std::string TenantTokenCache::key(const std::string& tenant) {
  return text::lowerAscii(text::trim(tenant));
}

std::string TenantTokenCache::fresh(const std::string& tenant, int64_t nowMs) const {
  auto it = tokens_.find(key(tenant));
  if (it == tokens_.end()) return {};
  // The same rule as the home tenant's token: never more than half the lifetime, or short
  // tokens would be renewed before every call.
  const int64_t margin = std::min(kRefreshMarginMs, it->second.lifetimeMs / 2);
  if (it->second.expiresAtMs - nowMs <= margin) return {};
  return it->second.accessToken;
}

std::string TenantTokenCache::held(const std::string& tenant) const {
  auto it = tokens_.find(key(tenant));
  return it == tokens_.end() ? std::string() : it->second.accessToken;
}

void TenantTokenCache::put(const std::string& tenant, const std::string& accessToken,
                           int64_t expiresAtMs, int64_t lifetimeMs) {
  Entry& entry = tokens_[key(tenant)];
  secureWipe(entry.accessToken);
  entry.accessToken = accessToken;
  entry.expiresAtMs = expiresAtMs;
  entry.lifetimeMs = lifetimeMs;
}

void TenantTokenCache::drop(const std::string& tenant) {
  auto it = tokens_.find(key(tenant));
  if (it == tokens_.end()) return;
  secureWipe(it->second.accessToken);
  tokens_.erase(it);
}

bool TenantTokenCache::join(const std::string& tenant, Waiter waiter) {
  auto [it, first] = waiters_.try_emplace(key(tenant));
  it->second.push_back(std::move(waiter));
  return first;
}

std::vector<TenantTokenCache::Waiter> TenantTokenCache::finish(const std::string& tenant) {
  std::vector<Waiter> out;
  auto it = waiters_.find(key(tenant));
  if (it == waiters_.end()) return out;
  out.swap(it->second);
  waiters_.erase(it);
  return out;
}

bool TenantTokenCache::inFlight(const std::string& tenant) const {
  return waiters_.count(key(tenant)) > 0;
}

void TenantTokenCache::clear() {
  for (auto& [tenant, entry] : tokens_) secureWipe(entry.accessToken);
  tokens_.clear();
  waiters_.clear();  // their requests belong to the session that ended
}

}  // namespace patdesk::auth
