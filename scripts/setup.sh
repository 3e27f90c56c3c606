#!/usr/bin/env bash
# One idempotent setup path for patdesk on Debian 12.
# Installs only what is missing, says what it does at each step, and never
# downloads anything but Debian packages and the npm packages in package-lock.json.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

step() { printf '\n==> %s\n' "$*"; }

# --check: exit 0 when nothing is missing (packages, deb-src entry, Dear ImGui sources, npm
# packages), 1 otherwise; installs nothing. scripts/test.sh uses it to skip setup.
check_only=0
[ "${1:-}" = "--check" ] && check_only=1

APT_PACKAGES=(emscripten binaryen cmake ninja-build nlohmann-json3-dev doctest-dev fonts-inter
  fonts-jetbrains-mono fonttools chromium dpkg-dev clang clang-format libclang-rt-14-dev python3 nodejs npm gzip brotli nginx)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

need_root() {
  if [ "$(id -u)" != 0 ]; then
    echo "patdesk setup needs root for: $1" >&2
    echo "Run exactly:  sudo bash scripts/setup.sh" >&2
    exit 1
  fi
}

# Node and npm may come from outside Debian's package list (e.g. preinstalled): accept them.
if command -v node >/dev/null && command -v npm >/dev/null; then
  tmp=(); for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || tmp+=("$p"); done
  missing=("${tmp[@]+"${tmp[@]}"}")
fi
command -v python3 >/dev/null && { tmp=(); for p in "${missing[@]+"${missing[@]}"}"; do [[ "$p" == python3 ]] || tmp+=("$p"); done; missing=("${tmp[@]+"${tmp[@]}"}"); }

SRC_LIST=/etc/apt/sources.list.d/patdesk-deb-src.sources
IMGUI_DIR="$here/build/_deps/imgui"
if [ "$check_only" = 1 ]; then
  [ "${#missing[@]}" -eq 0 ] || { echo "setup needed: Debian packages missing: ${missing[*]}"; exit 1; }
  [ -f "$IMGUI_DIR/imgui.cpp" ] || { echo "setup needed: Dear ImGui sources missing"; exit 1; }
  if [ -f package-lock.json ] && { [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
    echo "setup needed: npm packages missing or older than package-lock.json"; exit 1
  fi
  echo "setup: everything present"
  exit 0
fi
if [ ! -f "$SRC_LIST" ]; then
  need_root "adding a deb-src entry (for Dear ImGui's sources)"
  step "Adding a deb-src entry for the configured Debian mirror ($SRC_LIST)"
  mirror=$(grep -hE '^\s*URIs:' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1 | awk '{print $2}')
  [ -n "$mirror" ] || mirror=$(grep -hE '^deb ' /etc/apt/sources.list 2>/dev/null | grep -v security | head -1 | awk '{print $2}')
  [ -n "$mirror" ] || mirror=http://deb.debian.org/debian
  cat > "$SRC_LIST" <<SRC
Types: deb-src
URIs: $mirror
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  APT_UPDATED=0
fi

if [ "${#missing[@]}" -gt 0 ] || [ "${APT_UPDATED:-1}" = 0 ]; then
  need_root "installing Debian packages: ${missing[*]-}"
  step "apt-get update"
  apt-get update -qq
fi
if [ "${#missing[@]}" -gt 0 ]; then
  step "Installing Debian packages: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  step "Debian packages: all present"
fi

if [ ! -f "$IMGUI_DIR/imgui.cpp" ]; then
  step "Fetching Dear ImGui sources from Debian's imgui source package into build/_deps"
  mkdir -p "$here/build/_deps/src"
  ( cd "$here/build/_deps/src" && { apt-get source -qq imgui 2>/dev/null || { apt-get update -qq && apt-get source -qq imgui; }; } )
  srcdir=$(find "$here/build/_deps/src" -maxdepth 1 -type d -name 'imgui-*' | head -1)
  [ -n "$srcdir" ] || { echo "apt-get source imgui produced no directory" >&2; exit 1; }
  rm -rf "$IMGUI_DIR"; mkdir -p "$IMGUI_DIR"
  mkdir -p "$IMGUI_DIR/backends"
  cp "$srcdir"/imgui*.cpp "$srcdir"/imgui*.h "$srcdir"/imstb_*.h "$srcdir"/imconfig.h "$IMGUI_DIR"/
  cp "$srcdir"/backends/imgui_impl_glfw.* "$srcdir"/backends/imgui_impl_opengl3* "$IMGUI_DIR/backends/"
  echo "Dear ImGui $(grep -m1 'define IMGUI_VERSION ' "$IMGUI_DIR/imgui.h" | awk '{print $3}') ready in build/_deps/imgui"
else
  step "Dear ImGui sources: present"
fi

if [ -f package-lock.json ]; then
  if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    step "Installing npm packages from package-lock.json (no browser download)"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  else
    step "npm packages: present"
  fi
fi
step "Setup complete"
