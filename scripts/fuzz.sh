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
#            tests/fuzz/seeds/<target> plus bodies extracted from ../shared/specs examples)
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
python3 - "$here" "$fuzz_dir/corpus" "${targets[@]}" <<'PY' || { echo "fuzz.sh: seed extraction failed" >&2; exit 2; }
"""Builds build/fuzz/corpus/<target> from tests/fuzz/seeds/<target> and the official
examples in ../shared/specs (spec files start with a UTF-8 BOM; examples are reached through
each operation's x-ms-examples $ref, whose case may differ from the files on disk, and any
example file not referenced is still picked up by walking */httpExamples/**)."""
import hashlib, json, os, re, shutil, sys

root, corpus, targets = sys.argv[1], sys.argv[2], sys.argv[3:]
specs = os.path.normpath(os.path.join(root, "..", "shared", "specs"))
seeds = {t: {} for t in targets}

def add(target, data):
    if target not in seeds:
        return
    if isinstance(data, str):
        data = data.encode("utf-8")
    seeds[target][hashlib.sha1(data).hexdigest()] = data

def load(path):
    with open(path, encoding="utf-8-sig") as f:  # tolerates the BOM
        return json.load(f)

def resolve_ci(base_dir, rel):
    """Resolves a relative path case-insensitively (the specs' $refs say Accounts/, the
    files live in accounts/)."""
    path = base_dir
    for part in rel.replace("\\", "/").split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            path = os.path.dirname(path)
            continue
        try:
            entries = os.listdir(path)
        except OSError:
            return None
        match = [e for e in entries if e == part] or [e for e in entries if e.lower() == part.lower()]
        if not match:
            return None
        path = os.path.join(path, match[0])
    return path if os.path.isfile(path) else None

OPERATION_TARGET = {
    "profiles_get": "profile",
    "accounts_list": "accounts",
    "pats_list": "pat_page",
    "pats_create": "pat_result",
    "pats_get": "pat_result",
    "pats_update": "pat_result",
    "pats_revoke": None,
}
FILE_TARGET = [  # fallback for example files no spec references
    (re.compile(r"profile", re.I), "profile"),
    (re.compile(r"account", re.I), "accounts"),
    (re.compile(r"listpats", re.I), "pat_page"),
    (re.compile(r"(create|get|update)pat", re.I), "pat_result"),
]
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")

def walk_strings(node, key=None):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from walk_strings(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from walk_strings(v, key)
    elif isinstance(node, str):
        yield key, node

def compact(body):
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False)

def use_example(path, target):
    try:
        ex = load(path)
    except (OSError, ValueError) as e:
        print(f"  skipped {path}: {e}", file=sys.stderr)
        return
    for code, response in (ex.get("responses") or {}).items():
        if not isinstance(response, dict) or "body" not in response:
            continue
        body = response["body"]
        text = compact(body)
        pretty = json.dumps(body, indent=4, ensure_ascii=False)
        if target:
            add(target, text)
            add(target, pretty)
        add("http_errors", f"{code}\n\n{text}")
        if isinstance(body, dict):
            tokens = body.get("patTokens") or []
            if isinstance(body.get("patToken"), dict):
                tokens = tokens + [body["patToken"]]
            for token in tokens:
                add("pat_result", compact(token))
                add("pat_result", compact({"patToken": token, "patTokenError": "none"}))
    for key, value in walk_strings(ex):
        if DATE.match(value):
            add("iso8601", value)
            add("iso8601", value[:10])
        if key == "scope":
            add("scopes", value)
        if value.startswith("https://"):
            add("url_base64", value)
            add("redirect", value)
            if "?" in value:
                add("redirect", value.replace("?", "#", 1) + "&state=s&code=c")

used = set()
example_count = 0
for dirpath, _, files in os.walk(specs):
    for name in files:
        if not name.endswith(".json") or "httpExamples" in dirpath:
            continue
        spec_path = os.path.join(dirpath, name)
        try:
            spec = load(spec_path)
        except (OSError, ValueError) as e:
            print(f"  skipped {spec_path}: {e}", file=sys.stderr)
            continue
        for ops in (spec.get("paths") or {}).values():
            for op in ops.values() if isinstance(ops, dict) else []:
                if not isinstance(op, dict):
                    continue
                target = OPERATION_TARGET.get(str(op.get("operationId", "")).lower())
                for ref in (op.get("x-ms-examples") or {}).values():
                    rel = ref.get("$ref") if isinstance(ref, dict) else None
                    path = rel and resolve_ci(dirpath, rel)
                    if path and path not in used:
                        used.add(path)
                        example_count += 1
                        use_example(path, target)
for dirpath, _, files in os.walk(specs):
    if "httpExamples" not in dirpath:
        continue
    for name in files:
        path = os.path.join(dirpath, name)
        if name.endswith(".json") and path not in used:
            used.add(path)
            example_count += 1
            target = next((t for rx, t in FILE_TARGET if rx.search(name) or rx.search(dirpath)), None)
            use_example(path, target)
if example_count == 0:
    print(f"  warning: no examples found under {specs}; using the committed seeds only",
          file=sys.stderr)

for target in targets:
    out = os.path.join(corpus, target)
    os.makedirs(out, exist_ok=True)
    extracted = len(seeds[target])
    for digest, data in seeds[target].items():
        with open(os.path.join(out, "spec-" + digest[:16]), "wb") as f:
            f.write(data)
    committed = 0
    seed_dir = os.path.join(root, "tests", "fuzz", "seeds", target)
    if os.path.isdir(seed_dir):
        for name in sorted(os.listdir(seed_dir)):
            src = os.path.join(seed_dir, name)
            if os.path.isfile(src):
                shutil.copyfile(src, os.path.join(out, "seed-" + name))
                committed += 1
    print(f"  {target:<15} {committed:>3} committed + {extracted:>3} from {example_count} spec examples")
PY

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
