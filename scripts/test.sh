#!/usr/bin/env bash
# README "test" command: installs what is missing, then runs every test:
# native unit + UI tests (plain and with ASan/UBSan), the web build, sandbox tests,
# end-to-end tests in headless Chromium, and a short fuzzing budget.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
export PATDESK_SCREENSHOTS="${PATDESK_SCREENSHOTS:-$here/test-results/screenshots}"
mkdir -p "$PATDESK_SCREENSHOTS"

section() { printf '\n======== %s ========\n' "$*"; }
failures=()
run() { local name="$1"; shift; section "$name"; if "$@"; then echo "-- $name: ok"; else echo "-- $name: FAILED"; failures+=("$name"); fi; }

section "setup"
bash scripts/setup.sh --check || bash scripts/setup.sh

# Formatting: Debian's clang-format over every C++ file in src/ and tests/ (.clang-format).
formatting() {
  local files
  mapfile -t files < <(git ls-files -co --exclude-standard -- 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'tests/*.h' 2>/dev/null ||
    find src tests -name '*.cpp' -o -name '*.h')
  echo "checking ${#files[@]} files"
  clang-format --dry-run -Werror "${files[@]}"
}

native() {
  cmake --preset native >/dev/null && cmake --build --preset native && ctest --preset native
}
asan() {
  cmake --preset native-asan >/dev/null && cmake --build --preset native-asan && ctest --preset native-asan
}
run "clang-format" formatting
run "native unit + UI tests" native
run "native tests under ASan + UBSan" asan
run "web build" bash scripts/build-web.sh
run "sandbox tests" node --test tests/sandbox/
if [ -d tests/e2e ] && ls tests/e2e/*.test.mjs >/dev/null 2>&1; then
  run "end-to-end tests (headless Chromium)" node --test --test-concurrency=1 tests/e2e/
fi
if [ -x scripts/fuzz.sh ]; then
  run "fuzzing (short budget)" bash scripts/fuzz.sh --short
fi

section "summary"
echo "Screenshots: $PATDESK_SCREENSHOTS"
if [ "${#failures[@]}" -gt 0 ]; then
  printf 'FAILED: %s\n' "${failures[@]}"
  exit 1
fi
echo "All test suites passed."
