#include "platform/web/web_http.h"

#include <emscripten/emscripten.h>
#include <emscripten/fetch.h>
#include <emscripten/html5.h>

#include <cctype>
#include <cstring>
#include <memory>

#include "core/config_csp.h"

namespace patdesk::web {
namespace {

struct InFlight {
  std::function<void(HttpResponse)> done;
  std::string url;
};

// A status-0 answer waiting for the page's securitypolicyviolation event, which the browser
// may deliver after the failed request: then it says whether the page's own CSP blocked it.
struct Deferred {
  std::function<void(HttpResponse)> done;
  HttpResponse response;
};

// clang-format off
EM_JS(int, patdesk_js_csp_blocked, (const char* origin), {
  var shell = window.patdeskShell;
  return shell && shell.cspBlocked && shell.cspBlocked(UTF8ToString(origin)) ? 1 : 0;
});
// clang-format on

void finishDeferred(void* arg) {
  std::unique_ptr<Deferred> d(static_cast<Deferred*>(arg));
  d->response.blockedByCsp = patdesk_js_csp_blocked(d->response.origin.c_str()) != 0;
  if (d->done) d->done(std::move(d->response));
}

// Overwrites bytes so a token in a response body does not linger in the wasm heap.
void wipeBytes(char* p, size_t n) {
  volatile char* v = p;
  for (size_t i = 0; i < n; ++i) v[i] = 0;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

void finish(emscripten_fetch_t* fetch) {
  std::unique_ptr<InFlight> inflight(static_cast<InFlight*>(fetch->userData));
  HttpResponse response;
  response.status = fetch->status;
  if (fetch->data && fetch->numBytes > 0) {
    response.body.assign(fetch->data, static_cast<size_t>(fetch->numBytes));
    // The body may hold tokens: overwrite Emscripten's copy before it is freed.
    wipeBytes(const_cast<char*>(fetch->data), static_cast<size_t>(fetch->numBytes));
  }
  size_t headersLength = emscripten_fetch_get_response_headers_length(fetch);
  if (headersLength > 0) {
    std::string raw(headersLength + 1, '\0');
    emscripten_fetch_get_response_headers(fetch, raw.data(), raw.size());
    char** pairs = emscripten_fetch_unpack_response_headers(raw.c_str());
    for (char** p = pairs; p && p[0] && p[1]; p += 2) {
      std::string value = p[1];
      while (!value.empty() &&
             (value.back() == '\r' || value.back() == '\n' || value.back() == ' '))
        value.pop_back();
      response.headers.push_back({lower(p[0]), value});
    }
    emscripten_fetch_free_unpacked_response_headers(pairs);
  }
  emscripten_fetch_close(fetch);
  if (response.status == 0) {
    response.origin = originOf(inflight->url);
    emscripten_set_timeout(finishDeferred, 50,
                           new Deferred{std::move(inflight->done), std::move(response)});
    return;
  }
  if (inflight->done) inflight->done(std::move(response));
}

}  // namespace

void WebHttpClient::send(const HttpRequest& request, std::function<void(HttpResponse)> done) {
  emscripten_fetch_attr_t attr;
  emscripten_fetch_attr_init(&attr);
  std::strncpy(attr.requestMethod, request.method.c_str(), sizeof(attr.requestMethod) - 1);
  // Load into memory only: a response is never persisted or cached by the Fetch API.
  attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY | EMSCRIPTEN_FETCH_REPLACE;
  attr.withCredentials = false;  // no cookies, ever
  attr.timeoutMSecs = 60000;

  // Fetch.js reads headers and body synchronously inside emscripten_fetch(), so
  // these locals only need to live until it returns.
  std::vector<const char*> headers;
  for (const auto& h : request.headers) {
    headers.push_back(h.name.c_str());
    headers.push_back(h.value.c_str());
  }
  headers.push_back(nullptr);
  attr.requestHeaders = headers.data();
  if (!request.body.empty()) {
    attr.requestData = request.body.data();
    attr.requestDataSize = request.body.size();
  }
  attr.userData = new InFlight{std::move(done), request.url};
  attr.onsuccess = finish;
  attr.onerror = finish;
  emscripten_fetch(&attr, request.url.c_str());
}

}  // namespace patdesk::web
