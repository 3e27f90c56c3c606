// Token rows by authorizationId. A 10,000-token inventory arrives 100 rows at a time, and a
// linear search per row would make loading quadratic; the panels look rows up every frame.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

namespace patdesk::app {

struct TokenRow;

class RowIndex {
 public:
  // The row's position, or rows.size() when there is none. Every hit is validated, and a
  // stale index (rows added or erased without it, as in canned test states) is rebuilt, so
  // a lookup is never wrong; it is a cache, hence usable on a const AppState.
  size_t find(const std::vector<TokenRow>& rows, const std::string& id) const;
  void add(const std::string& id, size_t position) { byId_[id] = position; }
  void clear() { byId_.clear(); }

 private:
  mutable std::unordered_map<std::string, size_t> byId_;
};

}  // namespace patdesk::app
