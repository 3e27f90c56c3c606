#!/usr/bin/env bash
# README "run" command: sets everything up, builds the site, and serves it on 127.0.0.1
# against the local identity + Azure DevOps sandbox (no tenant needed).
#   bash scripts/run.sh            sandbox (default): sign in as a test user
#   bash scripts/run.sh --real     serve dist/ as built, with dist/config.json (your tenant)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bash scripts/setup.sh
bash scripts/build-web.sh
port="${PATDESK_PORT:-8400}"
if [ "${1:-}" = "--real" ]; then
  echo "Serving dist/ with its own config.json on http://127.0.0.1:$port/"
  exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
fi
echo "Starting patdesk against the local sandbox: open http://127.0.0.1:$port/ (Ctrl+C stops it)."
echo "Sign in as Ada Lovelace or Grace Hopper; nothing here talks to Microsoft."
exec node tools/sandbox/server.mjs --site-port "$port" --id-port $((port + 1)) \
  --profile-port $((port + 2)) --tokens-port $((port + 3)) --dist dist
