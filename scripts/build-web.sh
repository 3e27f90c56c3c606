#!/usr/bin/env bash
# Builds the browser app (Release wasm) and writes the deployable site to dist/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
# shellcheck source=../emsdk.env
. ./emsdk.env
cmake --preset web >/dev/null
cmake --build --preset web
echo "dist/ ready: $(ls dist | tr '\n' ' ')"
