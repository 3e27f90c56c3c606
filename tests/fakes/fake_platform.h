// Test fakes for every platform capability. Deterministic and inspectable:
// tests see every request sent and decide when and how it completes.
#pragma once

#include <deque>
#include <map>
#include <vector>

#include "core/platform/capabilities.h"

namespace patdesk::testing {

// Records requests; a test answers them in any order with respond().
class FakeHttp : public HttpClient {
 public:
  struct Pending {
    HttpRequest request;
    std::function<void(HttpResponse)> done;
  };
  void send(const HttpRequest& request, std::function<void(HttpResponse)> done) override;
  // Completes the oldest pending request whose URL contains `urlPart` (or the oldest one
  // when urlPart is empty). Returns false when none matches.
  bool respond(const std::string& urlPart, int status, const std::string& body,
               std::vector<HttpHeader> headers = {
                   {"content-type", "application/json; charset=utf-8"}});
  std::deque<Pending> pending;
  std::vector<HttpRequest> sent;  // every request ever sent, in order
};

class FakeRandom : public Random {
 public:
  bool available = true;
  uint8_t next = 0;  // bytes count up from here: deterministic, distinct
  bool fill(uint8_t* out, size_t size) override;
};

class FakeSessionStore : public SessionStore {
 public:
  std::map<std::string, std::string> values;
  std::optional<std::string> get(const std::string& key) override;
  void set(const std::string& key, const std::string& value) override { values[key] = value; }
  void remove(const std::string& key) override { values.erase(key); }
};

class FakeNavigation : public Navigation {
 public:
  std::string url = "https://patdesk.example/app/";
  std::vector<std::string> redirects;
  std::vector<std::string> replacements;
  std::string currentUrl() override { return url; }
  void replaceUrl(const std::string& u) override {
    url = u;
    replacements.push_back(u);
  }
  void redirect(const std::string& u) override { redirects.push_back(u); }
};

class FakeClipboard : public Clipboard {
 public:
  std::optional<std::string> text;
  bool allowWrite = true;
  bool allowRead = true;
  void writeText(const std::string& t, std::function<void(bool)> done) override;
  void readText(std::function<void(std::optional<std::string>)> done) override;
};

// Time stands still until advance() moves it and fires due timers in order.
class FakeClock : public Clock {
 public:
  int64_t now = 1795000000000;  // 2026-11-18T...Z, a fixed instant
  int64_t nowMs() override { return now; }
  int schedule(int64_t delayMs, std::function<void()> fn) override;
  void cancel(int id) override { timers_.erase(id); }
  void advance(int64_t ms);
  size_t pendingTimers() const { return timers_.size(); }

 private:
  struct Timer {
    int64_t due;
    std::function<void()> fn;
  };
  std::map<int, Timer> timers_;
  int nextId_ = 1;
};

// Keeps every file the app offered, in order.
class FakeDownload : public FileDownload {
 public:
  struct File {
    std::string name;
    std::string mimeType;
    std::string content;
  };
  bool allow = true;
  std::vector<File> files;
  bool save(const std::string& name, const std::string& mimeType,
            const std::string& content) override {
    if (!allow) return false;
    files.push_back({name, mimeType, content});
    return true;
  }
};

struct FakePlatform {
  FakeHttp http;
  FakeRandom random;
  FakeSessionStore session;
  FakeNavigation navigation;
  FakeClipboard clipboard;
  FakeClock clock;
  FakeDownload download;
  Platform platform() {
    return Platform{&http, &random, &session, &navigation, &clipboard, &clock, &download};
  }
};

}  // namespace patdesk::testing
