#!/usr/bin/env bash
# Builds the libFuzzer targets (`fuzz` preset: clang, ASan + UBSan) and runs each one for a
# fixed number of executions over a fresh seed corpus.
#
#   bash scripts/fuzz.sh            # 20,000 executions per target (same as --short)
#   bash scripts/fuzz.sh --short    # 20,000 per target: the CI budget
#   bash scripts/fuzz.sh --long     # 2,000,000 per target
#   bash scripts/fuzz.sh --runs N   # N per target
#   bash scripts/fuzz.sh --runs N redirect scopes   # only some targets
#
# Corpora:   build/fuzz/corpus/<target>     (rebuilt on every run: the committed seeds in
#            tests/fuzz/seeds/<target> plus bodies extracted from the spec examples in
#            tests/fixtures/azure-devops-specs, by tools/fuzz_seeds.py)
# Artifacts: build/fuzz/artifacts/<target>/ (crash-*, leak-*, timeout-*, oom-*)
# Exit status 1 when any target crashed. Downloads nothing.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

runs=20000
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --short) runs=20000 ;;
    --long) runs=2000000 ;;
    --runs)
      shift
      if [ $# -eq 0 ] || ! [[ "$1" =~ ^[0-9]+$ ]]; then
        echo "fuzz.sh: --runs needs a number" >&2
        exit 2
      fi
      runs="$1"
      ;;
    --runs=*) runs="${1#--runs=}" ;;
    -h | --help)
      sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    -*)
      echo "fuzz.sh: unknown option $1 (use --short, --long or --runs N)" >&2
      exit 2
      ;;
    *) targets+=("$1") ;;
  esac
  shift
done

# ---- toolchain check: clang with libFuzzer (libclang-rt-14-dev) and python3 for the seeds.
missing() {
  echo "fuzz.sh: $1" >&2
  echo "fuzz.sh: install the fuzzing toolchain with: bash scripts/setup.sh" >&2
  echo "         (Debian: apt-get install clang libclang-rt-14-dev)" >&2
  exit 2
}
command -v clang >/dev/null 2>&1 && command -v clang++ >/dev/null 2>&1 ||
  missing "clang/clang++ not found; the fuzz preset needs clang."
command -v cmake >/dev/null 2>&1 || missing "cmake not found."
command -v python3 >/dev/null 2>&1 || missing "python3 not found (it extracts the seed corpora)."
probe_dir="$(mktemp -d)"
trap 'rm -rf "$probe_dir"' EXIT
printf 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }\n' \
  >"$probe_dir/probe.cpp"
if ! clang++ -fsanitize=fuzzer,address,undefined "$probe_dir/probe.cpp" -o "$probe_dir/probe" \
  >"$probe_dir/probe.log" 2>&1; then
  sed -n '1,5p' "$probe_dir/probe.log" >&2
  missing "clang cannot link -fsanitize=fuzzer,address,undefined: libFuzzer or the sanitizer runtimes are missing (package libclang-rt-14-dev)."
fi

# ---- build
echo "== configure + build (preset fuzz)"
if ! cmake --preset fuzz >"$probe_dir/configure.log" 2>&1; then
  cat "$probe_dir/configure.log" >&2
  rm -f "$probe_dir/configure.log"
  echo "fuzz.sh: cmake --preset fuzz failed" >&2
  exit 2
fi
rm -f "$probe_dir/configure.log"
if ! cmake --build --preset fuzz --target patdesk_fuzzers; then
  echo "fuzz.sh: building the fuzz targets failed" >&2
  exit 2
fi

fuzz_dir="build/fuzz"
bin_dir="$fuzz_dir/fuzzers"
if [ ${#targets[@]} -eq 0 ]; then
  for src in tests/fuzz/fuzz_*.cpp; do
    name="$(basename "$src" .cpp)"
    targets+=("${name#fuzz_}")
  done
fi
for t in "${targets[@]}"; do
  [ -x "$bin_dir/fuzz_$t" ] || { echo "fuzz.sh: no fuzz target '$t' ($bin_dir/fuzz_$t)" >&2; exit 2; }
done

# ---- seed corpora: fresh per run
echo "== seed corpora"
rm -rf "$fuzz_dir/corpus"
mkdir -p "$fuzz_dir/corpus"
python3 tools/fuzz_seeds.py "$here" "$fuzz_dir/corpus" "${targets[@]}" || { echo "fuzz.sh: seed extraction failed" >&2; exit 2; }

# ---- run
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:abort_on_error=1:print_stacktrace=1}"
echo "== fuzzing: $runs executions per target (-max_len=65536 -timeout=10)"
rows=()
passed=0
failed=0
start_all=$SECONDS
for t in "${targets[@]}"; do
  corpus="$fuzz_dir/corpus/$t"
  artifacts="$fuzz_dir/artifacts/$t"
  log="$fuzz_dir/logs/$t.log"
  rm -rf "$artifacts"
  mkdir -p "$artifacts" "$(dirname "$log")"
  start=$SECONDS
  "$bin_dir/fuzz_$t" -runs="$runs" -max_len=65536 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" "$corpus" >"$log" 2>&1
  rc=$?
  secs=$((SECONDS - start))
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)"
  if [ -z "$execs" ]; then  # a crash ends the run before the final stats: last status line
    execs="$(grep -oE '^#[0-9]+' "$log" | tail -n1 | tr -d '#')"
  fi
  crashes="$(find "$artifacts" -type f | wc -l | tr -d ' ')"
  if [ "$rc" -ne 0 ] && [ "$crashes" -eq 0 ]; then crashes=1; fi  # died without an artifact
  if [ "$crashes" -eq 0 ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "-- $t: CRASH (exit $rc), see $log and $artifacts/" >&2
    grep -m3 -E 'ERROR: |runtime error|invariant violated|deadly signal' "$log" >&2 || true
  fi
  rows+=("$(printf '%-15s | %12s | %7s | %5ss' "$t" "${execs:-?}" "$crashes" "$secs")")
done

echo
printf '%-15s | %12s | %7s | %6s\n' "target" "executions" "crashes" "time"
printf '%s\n' "----------------+--------------+---------+-------"
printf '%s\n' "${rows[@]}"
echo "total fuzzing time: $((SECONDS - start_all))s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
