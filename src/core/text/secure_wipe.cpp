#include "core/text/secure_wipe.h"

namespace patdesk {

void secureWipe(std::string& secret) {
  // Reach the bytes between size() and capacity() too: a string that once held a longer
  // secret keeps it there.
  secret.resize(secret.capacity());
  volatile char* p = secret.data();
  for (size_t i = 0; i < secret.size(); ++i) p[i] = '\0';
  secret.clear();
}

}  // namespace patdesk
