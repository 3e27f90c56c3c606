#include "core/app/row_index.h"

#include "core/app/app_state.h"

namespace patdesk::app {

size_t RowIndex::find(const std::vector<TokenRow>& rows, const std::string& id) const {
  auto it = byId_.find(id);
  if (it != byId_.end() && it->second < rows.size() && rows[it->second].pat.authorizationId == id)
    return it->second;
  if (byId_.size() != rows.size()) {
    byId_.clear();
    for (size_t i = 0; i < rows.size(); ++i) byId_[rows[i].pat.authorizationId] = i;
    it = byId_.find(id);
    if (it != byId_.end()) return it->second;
  }
  return rows.size();
}

}  // namespace patdesk::app
