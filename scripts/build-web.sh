#!/usr/bin/env bash
# Builds the browser app (Release wasm) and writes the deployable site to dist/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
# shellcheck source=../emsdk.env
. ./emsdk.env
have=$(emcc --version 2>/dev/null | head -1 | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -1 || true)
if [ "$have" != "$PATDESK_EMSCRIPTEN_TESTED_VERSION" ]; then
  echo "note: Emscripten ${have:-not found}; patdesk was tested with $PATDESK_EMSCRIPTEN_TESTED_VERSION" >&2
fi
cmake --preset web >/dev/null
cmake --build --preset web
echo "dist/ ready: $(ls dist | tr '\n' ' ')"
