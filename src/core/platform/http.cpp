#include "core/platform/http.h"
#include "core/text/strings.h"

#include <cctype>

namespace patdesk {

std::string HttpResponse::header(const std::string& name) const {
  for (const auto& h : headers) {
    if (text::equalsIgnoreAsciiCase(h.name, name)) return h.value;
  }
  return {};
}

}  // namespace patdesk
