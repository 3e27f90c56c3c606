// HTTP capability: the web build implements it with Emscripten's Fetch API,
// tests with a scripted fake. Asynchronous: `done` runs later, on the main thread.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace patdesk {

struct HttpHeader {
  std::string name;
  std::string value;
};

struct HttpRequest {
  std::string method = "GET";
  std::string url;
  std::vector<HttpHeader> headers;
  std::string body;
};

struct HttpResponse {
  // 0 means no HTTP response at all: the browser blocked (CORS) or lost the request.
  int status = 0;
  std::vector<HttpHeader> headers;  // names lower-cased by the implementation
  std::string body;
  // Only with status 0, filled in by the web client: the request's origin, and whether the
  // page's own Content-Security-Policy refused it (a securitypolicyviolation event named it).
  std::string origin;
  bool blockedByCsp = false;

  // First header with this (case-insensitive) name, or "".
  std::string header(const std::string& name) const;
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;
  virtual void send(const HttpRequest& request, std::function<void(HttpResponse)> done) = 0;
};

}  // namespace patdesk
