// The small platform capabilities core depends on. The web build implements
// them over browser APIs (src/platform/web); tests use fakes (tests/fakes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/platform/download.h"
#include "core/platform/http.h"

namespace patdesk {

// Cryptographically secure randomness (crypto.getRandomValues in the browser).
// Returns false when no secure source exists: callers must fail closed.
class Random {
 public:
  virtual ~Random() = default;
  virtual bool fill(uint8_t* out, size_t size) = 0;
};

// sessionStorage: used ONLY for the PKCE round trip (state, verifier, nonce, return place).
class SessionStore {
 public:
  virtual ~SessionStore() = default;
  virtual std::optional<std::string> get(const std::string& key) = 0;
  virtual void set(const std::string& key, const std::string& value) = 0;
  virtual void remove(const std::string& key) = 0;
};

// The address bar and full-page navigation.
class Navigation {
 public:
  virtual ~Navigation() = default;
  virtual std::string currentUrl() = 0;                 // location.href
  virtual void replaceUrl(const std::string& url) = 0;  // history.replaceState, no reload
  virtual void redirect(const std::string& url) = 0;    // location.assign: leaves the page
};

class Clipboard {
 public:
  virtual ~Clipboard() = default;
  // Writes text; `done(true)` when the browser accepted it.
  virtual void writeText(const std::string& text, std::function<void(bool)> done) = 0;
  // Reads text if the browser allows it; nullopt when it does not.
  virtual void readText(std::function<void(std::optional<std::string>)> done) = 0;
};

// Wall clock and timers. Times are Unix milliseconds (UTC).
class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t nowMs() = 0;
  // Runs `fn` once after `delayMs` on the main thread. Returns an id for cancel().
  virtual int schedule(int64_t delayMs, std::function<void()> fn) = 0;
  virtual void cancel(int id) = 0;
};

// Everything core needs from the outside world, bundled for injection.
struct Platform {
  HttpClient* http = nullptr;
  Random* random = nullptr;
  SessionStore* session = nullptr;
  Navigation* navigation = nullptr;
  Clipboard* clipboard = nullptr;
  Clock* clock = nullptr;
  FileDownload* download = nullptr;  // exports and calendar files
};

}  // namespace patdesk
