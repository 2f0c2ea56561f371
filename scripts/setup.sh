# Installs what QuoteLens needs, skipping whatever is already there at the right version.
# Sourced by scripts/serve.sh and scripts/test.sh: `setup_build` for building the app,
# `setup_browser` for the tests. Only the package registries are used.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132.0.0"
# The accessibility audit of the e2e tests injects axe-core into the page (never shipped).
AXE_VERSION="4.14.1"
export PATH="$HOME/.cargo/bin:$TOOLS/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

step() { printf '\n==> %s\n' "$*"; }

# The wasm-bindgen version Cargo.lock pins: the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

apt_install() {
  if [ -z "${APT_UPDATED:-}" ]; then
    apt-get update -qq
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

setup_build() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "adding the wasm32 target"
    rustup target add wasm32-unknown-unknown
  fi
  if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
    step "installing trunk $TRUNK_VERSION (about 7 minutes)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi
  local wbv
  wbv="$(wasm_bindgen_version)"
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $wbv\$"; then
    step "installing wasm-bindgen-cli $wbv (about 2 minutes)"
    # --locked first; one of its locked dependencies is missing from the registry at times.
    cargo install --locked wasm-bindgen-cli --version "$wbv" || cargo install wasm-bindgen-cli --version "$wbv"
  fi
  if ! grep -q "wasm_bindgen = \"$wbv\"" "$ROOT/Trunk.toml"; then
    echo "Trunk.toml pins a wasm-bindgen other than Cargo.lock's $wbv: update [tools] wasm_bindgen" >&2
    return 1
  fi
  if ! wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
    step "installing wasm-opt (npm binaryen@$BINARYEN_VERSION)"
    command -v npm >/dev/null || apt_install nodejs npm
    npm install --silent --no-audit --no-fund --prefix "$TOOLS" "binaryen@$BINARYEN_VERSION"
  fi
  if ! command -v python3 >/dev/null; then
    step "installing python3 (Trunk's post-build hook)"
    apt_install python3
  fi
  step "fetching crates (Trunk builds offline)"
  (cd "$ROOT" && cargo fetch --quiet)
}

setup_browser() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    step "installing chromium and chromium-driver"
    apt_install chromium chromium-driver
  fi
  if ! grep -qs "\"version\": \"$AXE_VERSION\"" "$TOOLS/node_modules/axe-core/package.json"; then
    step "installing axe-core $AXE_VERSION (npm; the e2e accessibility audit loads it into the page)"
    command -v npm >/dev/null || apt_install nodejs npm
    npm install --silent --no-audit --no-fund --prefix "$TOOLS" "axe-core@$AXE_VERSION"
  fi
}

build_release() {
  step "building the app (release, wasm-opt)"
  (cd "$ROOT" && trunk build --release)
}
