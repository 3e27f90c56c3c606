// Browser implementations of core's small platform capabilities:
// crypto.getRandomValues, sessionStorage, location/history, the async Clipboard API,
// Date.now and setTimeout.
#pragma once

#include <map>

#include "core/platform/capabilities.h"

namespace patdesk::web {

class BrowserRandom : public Random {
 public:
  bool fill(uint8_t* out, size_t size) override;
};

class BrowserSessionStore : public SessionStore {
 public:
  std::optional<std::string> get(const std::string& key) override;
  void set(const std::string& key, const std::string& value) override;
  void remove(const std::string& key) override;
};

class BrowserNavigation : public Navigation {
 public:
  std::string currentUrl() override;
  void replaceUrl(const std::string& url) override;
  void redirect(const std::string& url) override;
};

class BrowserClipboard : public Clipboard {
 public:
  void writeText(const std::string& text, std::function<void(bool)> done) override;
  void readText(std::function<void(std::optional<std::string>)> done) override;
};

class BrowserClock : public Clock {
 public:
  int64_t nowMs() override;
  int schedule(int64_t delayMs, std::function<void()> fn) override;
  void cancel(int id) override;
};

// Called after every asynchronous completion (timer, clipboard) so the page can draw.
void setOnBrowserCallback(std::function<void()> fn);

}  // namespace patdesk::web
