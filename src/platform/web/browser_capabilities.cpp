#include "platform/web/browser_capabilities.h"

#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include <cstdlib>

// ---- JavaScript side. Strings coming back are malloc'd UTF-8 that C++ frees.
// clang-format off
EM_JS(int, patdesk_js_random, (uint8_t* ptr, int size), {
  var c = (typeof crypto !== 'undefined') ? crypto : null;
  if (!c || typeof c.getRandomValues !== 'function') return 0;
  c.getRandomValues(HEAPU8.subarray(ptr, ptr + size));
  return 1;
});
EM_JS(char*, patdesk_js_session_get, (const char* key), {
  var v = null;
  try { v = window.sessionStorage.getItem(UTF8ToString(key)); } catch (e) { v = null; }
  if (v === null) return 0;
  var n = lengthBytesUTF8(v) + 1; var p = _malloc(n); stringToUTF8(v, p, n); return p;
});
EM_JS(void, patdesk_js_session_set, (const char* key, const char* value), {
  try { window.sessionStorage.setItem(UTF8ToString(key), UTF8ToString(value)); } catch (e) {}
});
EM_JS(void, patdesk_js_session_remove, (const char* key), {
  try { window.sessionStorage.removeItem(UTF8ToString(key)); } catch (e) {}
});
// shell.js strips an authorization response from the address bar before the wasm even
// loads, and keeps the original URL (in memory) as patdeskShell.currentHref.
EM_JS(char*, patdesk_js_location, (), {
  var v = window.patdeskShell.currentHref;
  var n = lengthBytesUTF8(v) + 1; var p = _malloc(n); stringToUTF8(v, p, n); return p;
});
EM_JS(void, patdesk_js_replace_url, (const char* url), {
  var u = UTF8ToString(url);
  window.history.replaceState(null, "", u);
  window.patdeskShell.currentHref = u;
});
EM_JS(void, patdesk_js_redirect, (const char* url), {
  window.location.assign(UTF8ToString(url));
});
EM_JS(void, patdesk_js_clipboard_write, (const char* text, int id), {
  // Copy only ever runs from an explicit click; patdesk.clipboardWrite tries the async
  // Clipboard API, then a select-all + execCommand fallback.
  window.patdeskShell.clipboardWrite(UTF8ToString(text)).then(function(ok) {
    Module._patdesk_clipboard_done(id, ok ? 1 : 0);
  });
});
EM_JS(void, patdesk_js_clipboard_read, (int id), {
  window.patdeskShell.clipboardRead().then(function(text) {
    if (text === null) { Module._patdesk_clipboard_read_done(id, 0); return; }
    var n = lengthBytesUTF8(text) + 1; var p = _malloc(n); stringToUTF8(text, p, n);
    Module._patdesk_clipboard_read_done(id, p);
  });
});
// clang-format on

namespace patdesk::web {
namespace {

std::function<void()>& onCallback() {
  static std::function<void()> fn;
  return fn;
}
void notify() {
  if (onCallback()) onCallback()();
}

std::string takeString(char* p) {
  if (!p) return {};
  std::string s(p);
  std::free(p);
  return s;
}

std::map<int, std::function<void(bool)>>& clipboardWrites() {
  static std::map<int, std::function<void(bool)>> m;
  return m;
}
std::map<int, std::function<void(std::optional<std::string>)>>& clipboardReads() {
  static std::map<int, std::function<void(std::optional<std::string>)>> m;
  return m;
}
int nextId() {
  static int id = 0;
  return ++id;
}

struct Timer {
  long handle = 0;
  std::function<void()> fn;
};
std::map<int, Timer>& timers() {
  static std::map<int, Timer> m;
  return m;
}

void fireTimer(void* user) {
  int id = static_cast<int>(reinterpret_cast<intptr_t>(user));
  auto it = timers().find(id);
  if (it == timers().end()) return;
  auto fn = std::move(it->second.fn);
  timers().erase(it);
  fn();
  notify();
}

}  // namespace

void setOnBrowserCallback(std::function<void()> fn) { onCallback() = std::move(fn); }

bool BrowserRandom::fill(uint8_t* out, size_t size) {
  return patdesk_js_random(out, static_cast<int>(size)) == 1;
}

std::optional<std::string> BrowserSessionStore::get(const std::string& key) {
  char* p = patdesk_js_session_get(key.c_str());
  if (!p) return std::nullopt;
  return takeString(p);
}
void BrowserSessionStore::set(const std::string& key, const std::string& value) {
  patdesk_js_session_set(key.c_str(), value.c_str());
}
void BrowserSessionStore::remove(const std::string& key) { patdesk_js_session_remove(key.c_str()); }

std::string BrowserNavigation::currentUrl() { return takeString(patdesk_js_location()); }
void BrowserNavigation::replaceUrl(const std::string& url) { patdesk_js_replace_url(url.c_str()); }
void BrowserNavigation::redirect(const std::string& url) { patdesk_js_redirect(url.c_str()); }

void BrowserClipboard::writeText(const std::string& text, std::function<void(bool)> done) {
  int id = nextId();
  clipboardWrites()[id] = std::move(done);
  patdesk_js_clipboard_write(text.c_str(), id);
}
void BrowserClipboard::readText(std::function<void(std::optional<std::string>)> done) {
  int id = nextId();
  clipboardReads()[id] = std::move(done);
  patdesk_js_clipboard_read(id);
}

int64_t BrowserClock::nowMs() { return static_cast<int64_t>(emscripten_date_now()); }
int BrowserClock::schedule(int64_t delayMs, std::function<void()> fn) {
  int id = nextId();
  timers()[id].fn = std::move(fn);
  timers()[id].handle = emscripten_set_timeout(fireTimer, static_cast<double>(delayMs),
                                               reinterpret_cast<void*>(static_cast<intptr_t>(id)));
  return id;
}
void BrowserClock::cancel(int id) {
  auto it = timers().find(id);
  if (it == timers().end()) return;
  emscripten_clear_timeout(it->second.handle);
  timers().erase(it);
}

}  // namespace patdesk::web

extern "C" {
EMSCRIPTEN_KEEPALIVE void patdesk_clipboard_done(int id, int ok) {
  auto& m = patdesk::web::clipboardWrites();
  auto it = m.find(id);
  if (it == m.end()) return;
  auto fn = std::move(it->second);
  m.erase(it);
  fn(ok != 0);
  patdesk::web::notify();
}
EMSCRIPTEN_KEEPALIVE void patdesk_clipboard_read_done(int id, char* text) {
  auto& m = patdesk::web::clipboardReads();
  auto it = m.find(id);
  if (it == m.end()) {
    std::free(text);
    return;
  }
  auto fn = std::move(it->second);
  m.erase(it);
  if (text) {
    fn(patdesk::web::takeString(text));
  } else {
    fn(std::nullopt);
  }
  patdesk::web::notify();
}
}
