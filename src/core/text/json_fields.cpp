#include "core/text/json_fields.h"

namespace patdesk::text {

std::string stringMember(const nlohmann::json& j, const char* key) {
  if (!j.is_object()) return {};
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

}  // namespace patdesk::text
