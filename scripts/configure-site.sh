#!/usr/bin/env bash
# Makes config.json the one source of a deployment: validates it with the app's own rules
# (tools/config_check, built from core), writes DIST/config.json, stamps the origins it needs
# into the connect-src of DIST/index.html's Content-Security-Policy, and writes header samples
# with the same CSP into HOSTING_OUT (default hosting/generated/) from hosting/.
#
#   bash scripts/configure-site.sh path/to/config.json [dist]
#
# A bad config exits 1 and names the field; nothing in DIST is changed then.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
config="${1:-}"
dist="${2:-$here/dist}"
out="${HOSTING_OUT:-$here/hosting/generated}"
if [[ -z "$config" ]]; then
  echo "usage: bash scripts/configure-site.sh path/to/config.json [dist]" >&2
  exit 2
fi
if [[ ! -f "$dist/index.html" ]]; then
  echo "$dist/index.html not found: build the site first (bash scripts/build-web.sh)" >&2
  exit 2
fi

checker="$here/build/native/patdesk_config_check"
if [[ ! -x "$checker" || -n "$(find "$here/src/core" "$here/tools/config_check" -newer "$checker" -name '*.[ch]*' -print -quit 2>/dev/null)" ]]; then
  [[ -f "$here/build/native/build.ninja" ]] || cmake --preset native >/dev/null
  cmake --build --preset native --target patdesk_config_check -j2 >/dev/null
fi

if ! origins="$("$checker" "$config")"; then
  echo "configure-site: $config is not valid; $dist was left as it was." >&2
  exit 1
fi

cp "$config" "$dist/config.json"
node "$here/scripts/stamp-csp.mjs" "$dist/index.html" "$here/hosting" "$out" $origins
echo "configure-site: $dist/config.json written; connect-src now allows 'self' $(echo $origins); header samples in $out/"
