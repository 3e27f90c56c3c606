// HttpClient over Emscripten's Fetch API (XHR underneath). Never persists anything
// (no IndexedDB), never sends cookies, and wipes response bytes from the wasm heap
// once they have been copied into the HttpResponse.
#pragma once

#include "core/platform/http.h"

namespace patdesk::web {

class WebHttpClient : public HttpClient {
 public:
  void send(const HttpRequest& request, std::function<void(HttpResponse)> done) override;
};

}  // namespace patdesk::web
