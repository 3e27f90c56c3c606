// Errors are values at every boundary: a decoder, a request, a platform call
// returns Result<T>; nothing throws across layers.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace patdesk {

// An error a person can act on. `code` is stable and machine-readable
// (tests and window.patdesk.state() use it); the rest is for people.
struct Error {
  std::string code;           // e.g. "auth.state_mismatch", "devops.not_signed_in"
  std::string message;        // one plain sentence: what happened
  std::string action;         // what to do about it
  int httpStatus = 0;         // 0 when no HTTP response was involved
  std::string serverMessage;  // the server's own words, verbatim, for support
  std::string activityId;     // activity / correlation / trace id for support
  std::string detail;         // anything else useful for support (e.g. AADSTS text)
};

inline Error makeError(std::string code, std::string message, std::string action = {}) {
  Error e;
  e.code = std::move(code);
  e.message = std::move(message);
  e.action = std::move(action);
  return e;
}

// A value or an Error. Small on purpose: ok(), value(), error(). [[nodiscard]]: dropping one
// silently loses an error.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT: implicit by design
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// For operations that succeed with nothing to return.
struct Unit {};
using Status = Result<Unit>;
inline Status okStatus() { return Unit{}; }

}  // namespace patdesk
