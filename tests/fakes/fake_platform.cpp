#include "fakes/fake_platform.h"

namespace patdesk::testing {

void FakeHttp::send(const HttpRequest& request, std::function<void(HttpResponse)> done) {
  sent.push_back(request);
  pending.push_back({request, std::move(done)});
}

bool FakeHttp::respond(const std::string& urlPart, int status, const std::string& body,
                       std::vector<HttpHeader> headers) {
  for (auto it = pending.begin(); it != pending.end(); ++it) {
    if (urlPart.empty() || it->request.url.find(urlPart) != std::string::npos) {
      Pending p = std::move(*it);
      pending.erase(it);
      HttpResponse r;
      r.status = status;
      r.body = body;
      r.headers = std::move(headers);
      p.done(std::move(r));
      return true;
    }
  }
  return false;
}

bool FakeRandom::fill(uint8_t* out, size_t size) {
  if (!available) return false;
  for (size_t i = 0; i < size; ++i) out[i] = next++;
  return true;
}

std::optional<std::string> FakeSessionStore::get(const std::string& key) {
  auto it = values.find(key);
  if (it == values.end()) return std::nullopt;
  return it->second;
}

void FakeClipboard::writeText(const std::string& t, std::function<void(bool)> done) {
  if (allowWrite) text = t;
  done(allowWrite);
}

void FakeClipboard::readText(std::function<void(std::optional<std::string>)> done) {
  done(allowRead ? text : std::nullopt);
}

int FakeClock::schedule(int64_t delayMs, std::function<void()> fn) {
  int id = nextId_++;
  timers_[id] = Timer{now + delayMs, std::move(fn)};
  return id;
}

void FakeClock::advance(int64_t ms) {
  const int64_t target = now + ms;
  for (;;) {
    auto best = timers_.end();
    for (auto it = timers_.begin(); it != timers_.end(); ++it) {
      if (it->second.due <= target && (best == timers_.end() || it->second.due < best->second.due))
        best = it;
    }
    if (best == timers_.end()) break;
    now = best->second.due;
    auto fn = std::move(best->second.fn);
    timers_.erase(best);
    fn();
  }
  now = target;
}

}  // namespace patdesk::testing
