#!/usr/bin/env python3
"""Builds build/fuzz/corpus/<target> from tests/fuzz/seeds/<target> and the official
examples in tests/fixtures/azure-devops-specs (spec files start with a UTF-8 BOM; examples are reached through
each operation's x-ms-examples $ref, whose case may differ from the files on disk, and any
example file not referenced is still picked up by walking */httpExamples/**)."""
import hashlib, json, os, re, shutil, sys

root, corpus, targets = sys.argv[1], sys.argv[2], sys.argv[3:]
specs = os.path.join(root, "tests", "fixtures", "azure-devops-specs")
if not os.path.isdir(specs):
    sys.exit(f"fuzz_seeds.py: fixture folder missing: {specs}")
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
        sys.exit(f"fuzz_seeds.py: cannot read fixture {path}: {e}")
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
            sys.exit(f"fuzz_seeds.py: cannot read fixture {spec_path}: {e}")
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
    # Seeding from nothing would fuzz a much weaker corpus while looking green: refuse.
    sys.exit(f"fuzz_seeds.py: extracted 0 examples from {specs}")

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