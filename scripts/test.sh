#!/usr/bin/env bash
# Set up whatever is missing and run every check: formatting, lints (native and wasm32),
# native tests, the Python package and PySpark, wasm-bindgen tests in headless Chromium, and browser end-to-end tests.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_build
setup_browser
cd "$ROOT"
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"

step "cargo fmt --check"
cargo fmt --all --check

step "no function of 80 lines or more (scripts/long-functions.sh)"
bash scripts/long-functions.sh

step "clippy (native)"
cargo clippy --all-targets --features e2e -- -D warnings

step "clippy (wasm32)"
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

step "native tests"
cargo test

step "Python package and PySpark (scripts/test-python.sh)"
bash scripts/test-python.sh

step "wasm-bindgen tests in headless Chromium"
cargo test --target wasm32-unknown-unknown --test wasm

build_release

step "shipped size"
bash scripts/size-check.sh

step "browser end-to-end tests"
cargo test --features e2e --test e2e -- --test-threads=1

step "all checks passed"
