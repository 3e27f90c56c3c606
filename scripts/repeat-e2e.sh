#!/usr/bin/env bash
# Runs one end-to-end test file N times in a row and stops at the first failure: a check
# that a test is not flaky (not part of scripts/test.sh or CI). It builds nothing; run
# `bash scripts/build-web.sh` first so dist/ holds the code under test.
#   bash scripts/repeat-e2e.sh tests/e2e/keyboard.test.mjs 20
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

usage() {
  echo "usage: bash scripts/repeat-e2e.sh FILE N   (FILE: an e2e test file, N: runs, >= 1)" >&2
  exit 2
}
[ "$#" -eq 2 ] || usage
file="$1"
runs="$2"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || usage
if [ ! -f "$file" ]; then
  echo "repeat-e2e: no such file: $file" >&2
  exit 2
fi
if [ ! -f dist/patdesk.wasm ]; then
  echo "repeat-e2e: dist/ has no build; run: bash scripts/build-web.sh" >&2
  exit 2
fi

log_dir="$here/test-results/repeat-e2e"
mkdir -p "$log_dir"
passed=0
failed=0
for ((i = 1; i <= runs; i++)); do
  log="$log_dir/run-$i.log"
  start=$(date +%s)
  if node --test --test-concurrency=1 "$file" >"$log" 2>&1; then
    passed=$((passed + 1))
    echo "run $i/$runs: passed ($(($(date +%s) - start)) s)"
    rm -f "$log"
  else
    failed=$((failed + 1))
    echo "run $i/$runs: FAILED ($(($(date +%s) - start)) s); output: $log"
    tail -n 40 "$log"
    break
  fi
done
echo "$passed passed, $failed failed (of $runs requested runs of $file)"
[ "$failed" -eq 0 ]
